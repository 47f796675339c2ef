using System.Diagnostics;
using SurveyApp.Tests.Support.Processes;

namespace SurveyApp.Tests.Support;

/// <summary>
/// The published app (<see cref="PublishedApp"/>) started as its own process on a loopback port in
/// Production, with its own data folder. It can be killed and started again on the same database;
/// <paramref name="database"/> lets several processes share one (the caller then disposes it);
/// <paramref name="settings"/> are further configuration ("Section:Key").
/// </summary>
public sealed class AppProcess(bool demoResponses = false, TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    private ChildApp? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory("surveyapp-browser-").FullName;

    public int Port { get; } = ChildApp.FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The process's database: SQLite in its folder, or PostgreSQL on the test run's second pass.</summary>
    public TestDatabase Database => _database ??= new TestDatabase(Folder);

    private TestDatabase? _database = database;
    private readonly bool _ownsDatabase = database is null;

    /// <summary>The SQLite file, on a SQLite run.</summary>
    public string DatabasePath => Database.SqlitePath;

    public string LinksFile => Path.Combine(Folder, "invitation-links.csv");

    /// <summary>What the running (or last killed) process printed.</summary>
    public string Output => _app?.Output ?? "";

    public async Task StartAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = await ChildApp.StartAsync(StartInfo(await PublishedApp.FolderAsync()), BaseUrl);
    }

    /// <summary>The generated password in what <c>create-staff</c> printed (the end of its own line; log lines may come before or after).</summary>
    public static string PasswordFrom(string output) =>
        output.Split('\n').Select(l => l.Trim()).Last(l => l.Contains("Password", StringComparison.Ordinal)).Split(' ')[^1];

    /// <summary>Runs one of the app's commands (such as create-staff) on the same database and returns what it printed.</summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        var start = StartInfo(await PublishedApp.FolderAsync());
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{string.Join(' ', args)} failed: {errors}");
    }

    private ProcessStartInfo StartInfo(string publishedFolder)
    {
        var start = new ProcessStartInfo(Path.Combine(publishedFolder, "SurveyApp"))
        {
            WorkingDirectory = publishedFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseUrl;
        foreach (var (key, value) in Database.Settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        start.Environment["Seed__Enabled"] = "true";
        start.Environment["Seed__SurveyFile"] = RepoPaths.ModelSurvey;
        start.Environment["Seed__ParticipantsFile"] = RepoPaths.ModelParticipants;
        start.Environment["Seed__LinksFile"] = LinksFile;
        start.Environment["Responding__PublicBaseUrl"] = BaseUrl;
        // Without an SMTP server messages become files: in the process's folder, not beside the published app.
        start.Environment["Mail__PickupFolder"] = Path.Combine(Folder, "mail");
        foreach (var (key, value) in DemoSettings(demoResponses).Concat((settings ?? new Dictionary<string, string>()).Select(s => (s.Key, s.Value))))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        return start;
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would (SIGKILL).</summary>
    public Task KillAsync() => _app?.KillAsync() ?? Task.CompletedTask;

    public IReadOnlyList<string> InvitationLinks() => ReadLinks(LinksFile);

    /// <summary>The links column of a links file (participant,type,link,answered), in its order.</summary>
    public static IReadOnlyList<string> ReadLinks(string file) =>
        File.ReadAllLines(file).Skip(1).Select(line => line.Split(',')[^2]).ToList();

    /// <summary>The seed settings that load, or leave out, the demo responses from data/responses.</summary>
    public static IEnumerable<(string Key, string Value)> DemoSettings(bool demoResponses)
    {
        var folder = Path.Combine(RepoPaths.Data, "responses");
        yield return ("Seed:ResponsesFile", demoResponses ? Path.Combine(folder, "samlingen-uppfoljning-2013.csv") : "");
        yield return ("Seed:CodingFile", demoResponses ? Path.Combine(folder, "samlingen-uppfoljning-2013.coding.csv") : "");
        yield return ("Seed:FollowUpWaveName", demoResponses ? "Uppföljning 2015 (fiktiv)" : "");
        yield return ("Seed:FollowUpResponsesFile", demoResponses ? Path.Combine(folder, "samlingen-uppfoljning-2015-fiktiv.csv") : "");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            _database?.Dispose();
        }
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
