using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SurveyApp.Tests.Support.Processes;

/// <summary>
/// nginx in front of several app processes, configured by the deployment's own file
/// (<c>docs/deploy/nginx-surveyapp.conf</c>): a copy of it in a temporary folder with the upstream servers
/// and the listening port replaced, included by a small main file. nginx runs in the foreground as a child
/// of the test or benchmark and is killed at the end. The tests and the benchmarks both compile this file.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    /// <summary>
    /// Connections per worker: each respondent holds one to nginx and nginx one to an app for each request
    /// under way, so the load benchmark's 500 respondents need about 1,000, above nginx's default of 512.
    /// </summary>
    public const int WorkerConnections = 4096;

    private readonly Process _process;
    private readonly string _errorLog;

    private NginxProxy(Process process, int port, string errorLog)
    {
        _process = process;
        Port = port;
        _errorLog = errorLog;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The master's process id; its workers are its children.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The deployment's file in the repository at <paramref name="root"/>.</summary>
    public static string DeploymentConfig(string root) => Path.Combine(root, "docs", "deploy", "nginx-surveyapp.conf");

    public static string Program => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    /// <summary>Writes the configuration into <paramref name="folder"/>/nginx and starts nginx on a free port in front of <paramref name="appPorts"/>.</summary>
    public static async Task<NginxProxy> StartAsync(string folder, IReadOnlyList<int> appPorts, string sourceConfig)
    {
        if (!File.Exists(sourceConfig))
        {
            throw new InvalidOperationException($"{sourceConfig} not found: the nginx configuration to start from.");
        }
        var prefix = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(prefix);
        var port = ChildApp.FreePort();
        var site = Path.Combine(prefix, "surveyapp.conf");
        await File.WriteAllTextAsync(site, Rewrite(await File.ReadAllTextAsync(sourceConfig), appPorts, port));
        var errorLog = Path.Combine(prefix, "error.log");
        var main = Path.Combine(prefix, "nginx.conf");
        // As root, nginx's workers would run as "nobody" and could not use the temporary folder.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        // Debian's nginx keeps request bodies and buffered answers under /var/lib/nginx, which only root may use.
        var temp = string.Join(' ', new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"{t}_temp_path {prefix}/{t};"));
        await File.WriteAllTextAsync(main, $$"""
            daemon off;
            {{user}}pid {{Path.Combine(prefix, "nginx.pid")}};
            error_log {{errorLog}} warn;
            events { worker_connections {{WorkerConnections}}; }
            http { access_log off; {{temp}} include {{site}}; }

            """);

        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix + "/", "-c", main, "-e", errorLog })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Program}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, port, errorLog);
        await proxy.WaitUntilServingAsync();
        return proxy;
    }

    /// <summary>
    /// The deployment's file with its upstream servers (the first one's line as the pattern, one line per
    /// app) and its listening address replaced; everything else as it is.
    /// </summary>
    public static string Rewrite(string config, IReadOnlyList<int> appPorts, int listenPort)
    {
        var servers = UpstreamServer().Matches(config);
        var listens = Listen().Matches(config);
        if (servers.Count == 0 || listens.Count != 1)
        {
            throw new InvalidOperationException("The nginx configuration no longer has the expected 'server 127.0.0.1:PORT ...;' lines in its upstream and one 'listen 127.0.0.1:PORT;'.");
        }
        var first = servers[0];
        var lines = string.Join("", appPorts.Select(p => $"{first.Groups["indent"].Value}server 127.0.0.1:{p}{first.Groups["rest"].Value}\n"));
        var rewritten = UpstreamServer().Replace(config, m => m.Index == first.Index ? lines : "");
        return Listen().Replace(rewritten, $"listen 127.0.0.1:{listenPort};");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private Task WaitUntilServingAsync() =>
        ChildApp.WaitUntilServingAsync(_process, "nginx", BaseUrl, TimeSpan.FromSeconds(30), ErrorLog);

    /// <summary>What nginx logged (warnings and errors), for a failed start or the end of a run.</summary>
    public string ErrorLog() => File.Exists(_errorLog) ? File.ReadAllText(_errorLog).Trim() : "";

    [GeneratedRegex(@"^(?<indent>[ \t]*)server\s+127\.0\.0\.1:\d+(?<rest>[^;\n]*;)[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen\s+127\.0\.0\.1:\d+\s*;")]
    private static partial Regex Listen();
}
