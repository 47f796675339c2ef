using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SurveyApp.Tests.Support.Processes;

/// <summary>
/// An app started as a process of its own, as it runs when deployed. The tests and the benchmarks both
/// start SurveyApp this way (the benchmarks compile this file too). Its output is read as it comes, or the
/// app would block once the pipe is full, and the last lines are kept for when something fails.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private const int KeptOutputLines = 500;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ChildApp(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) return string.Join(Environment.NewLine, _output); }
    }

    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the app and returns once <paramref name="baseUrl"/> answers "/" with 200.</summary>
    public static async Task<ChildApp> StartAsync(ProcessStartInfo start, string baseUrl)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var app = new ChildApp(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilServingAsync(baseUrl);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task WaitUntilServingAsync(string baseUrl) =>
        WaitUntilServingAsync(_process, "The app", baseUrl, TimeSpan.FromSeconds(90), () => Output);

    /// <summary>Returns once <paramref name="baseUrl"/> answers "/" with 200; fails at once if the process exits first.</summary>
    public static async Task WaitUntilServingAsync(Process process, string name, string baseUrl, TimeSpan timeout, Func<string> output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:{Environment.NewLine}{output()}");
            }
            try
            {
                using var response = await http.GetAsync(baseUrl + "/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            // Loopback answers at once, so a short interval costs little and wastes less of every start.
            await Task.Delay(50);
        }
        throw new TimeoutException($"{name} did not answer on {baseUrl}:{Environment.NewLine}{output()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines) _output.Dequeue();
        }
    }
}
