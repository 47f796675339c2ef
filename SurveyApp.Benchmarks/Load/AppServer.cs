using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SurveyApp.Benchmarks.Load;

/// <summary>
/// The built app (its Release apphost) run as the README runs it, in the Production environment, on a
/// free loopback port, on the benchmark's database (SQLite file or PostgreSQL database) with its seeded
/// links file in the benchmark's temporary folder. It can be stopped and started again on the same
/// database; several of them (<paramref name="instance"/> 1, 2, ...) may serve one PostgreSQL database.
/// </summary>
public sealed class AppServer(IBenchmarkDatabase database, int instance = 1) : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Queue<string> _output = new();
    private Process? _process;

    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Instance => instance;

    public string LinksFile => Path.Combine(database.Folder, instance == 1 ? "invitation-links.csv" : $"invitation-links-{instance}.csv");

    /// <summary>The running app's process id.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>SurveyApp's apphost built with the same configuration and runtime as this benchmark (bin/Release/net10.0).</summary>
    public static string AppHost
    {
        get
        {
            var benchmarkBin = Path.Combine(RepoPaths.Root, "SurveyApp.Benchmarks", "bin");
            var build = Path.GetRelativePath(benchmarkBin, AppContext.BaseDirectory);
            return Path.Combine(RepoPaths.Root, "SurveyApp", "bin", build, OperatingSystem.IsWindows() ? "SurveyApp.exe" : "SurveyApp");
        }
    }

    /// <summary>CPU time the app's process has used so far, on all cores together (/proc/PID/stat's user + system time on Linux).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (ProcessCpu.Of(ProcessId) is { } time)
            {
                return time;
            }
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get { lock (_output) return string.Join(Environment.NewLine, _output); }
    }

    public async Task StartAsync()
    {
        if (!File.Exists(AppHost))
        {
            throw new InvalidOperationException($"{AppHost} not found: build the app first (dotnet build SurveyApp -c Release).");
        }
        var start = new ProcessStartInfo(AppHost)
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "SurveyApp"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (name, value) in database.AppEnvironment)
        {
            start.Environment[name] = value;
        }
        start.Environment["Seed__LinksFile"] = LinksFile;
        start.Environment["Responding__PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {AppHost}.");
        // The output must be read, or the app blocks once the pipe is full.
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>Ends the app at once. Every page post commits before it answers, so nothing answered is lost.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer on {BaseAddress}:{Environment.NewLine}{Output}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
