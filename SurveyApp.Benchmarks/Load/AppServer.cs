using System.Diagnostics;
using SurveyApp.Tests.Support.Processes;

namespace SurveyApp.Benchmarks.Load;

/// <summary>
/// The built app (its Release apphost) run as the README runs it, in the Production environment, on a
/// free loopback port, on the benchmark's database (SQLite file or PostgreSQL database) with its seeded
/// links file in the benchmark's temporary folder. It can be stopped and started again on the same
/// database; several of them (<paramref name="instance"/> 1, 2, ...) may serve one PostgreSQL database.
/// </summary>
public sealed class AppServer(IBenchmarkDatabase database, int instance = 1) : IAsyncDisposable
{
    private ChildApp? _app;

    public int Port { get; } = ChildApp.FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Instance => instance;

    public string LinksFile => Path.Combine(database.Folder, instance == 1 ? "invitation-links.csv" : $"invitation-links-{instance}.csv");

    /// <summary>The running app's process id.</summary>
    public int ProcessId => _app?.ProcessId ?? throw new InvalidOperationException("The app is not running.");

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
            return ProcessCpu.Of(ProcessId) ?? _app!.TotalProcessorTime;
        }
    }

    public string Output => _app?.Output ?? "";

    public async Task StartAsync()
    {
        if (!File.Exists(AppHost))
        {
            throw new InvalidOperationException($"{AppHost} not found: build the app first (dotnet build SurveyApp -c Release).");
        }
        var start = new ProcessStartInfo(AppHost) { WorkingDirectory = Path.Combine(RepoPaths.Root, "SurveyApp") };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (name, value) in database.AppEnvironment)
        {
            start.Environment[name] = value;
        }
        start.Environment["Seed__LinksFile"] = LinksFile;
        start.Environment["Responding__PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        _app = await ChildApp.StartAsync(start, BaseAddress.ToString().TrimEnd('/'));
    }

    /// <summary>Ends the app at once. Every page post commits before it answers, so nothing answered is lost.</summary>
    public async Task StopAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
