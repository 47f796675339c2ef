using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SurveyApp.Tests.Support;

/// <summary>
/// nginx on a loopback port in front of two app processes, configured with the very file the
/// deployment guide gives (docs/deploy/nginx-surveyapp.conf), its ports replaced by the test's.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private const string Program = "/usr/sbin/nginx";
    private readonly Process _process;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static async Task<NginxProxy> StartAsync(int firstAppPort, int secondAppPort)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: test.sh installs Debian's nginx.");
        }
        var folder = Directory.CreateTempSubdirectory("surveyapp-nginx-").FullName;
        var port = AppProcess.FreePort();
        var site = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "deploy", "nginx-surveyapp.conf")))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{firstAppPort}")
            .Replace("127.0.0.1:5082", $"127.0.0.1:{secondAppPort}")
            .Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};");
        await File.WriteAllTextAsync(Path.Combine(folder, "surveyapp.conf"), site);
        var temp = string.Join(' ', new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"{t}_temp_path {folder}/{t};"));
        // As root, the workers would otherwise switch to a user that cannot read the test's folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            {{user}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 512; }
            http { access_log off; {{temp}} include {{folder}}/surveyapp.conf; }
            """);
        var start = new ProcessStartInfo(Program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await proxy.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 20 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's cleaner.
        }
    }
}
