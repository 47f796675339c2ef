using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Storage;

namespace SurveyApp.Tests.Support;

/// <summary>
/// The whole app served in memory, on a fresh database of its own (<see cref="TestDatabase"/>: SQLite, or
/// PostgreSQL on the test run's second pass), seeded with the model survey,
/// its 20 participants and their invitations (whose links are read back from the links file);
/// with <c>demoResponses</c> also the demo responses, codings and the fictional follow-up wave.
/// Wrong survey links are not limited here (the in-memory server has no client address, so every test
/// client would share one bucket) unless <paramref name="settings"/> sets the limit.
/// <paramref name="database"/> runs the app on a database of the caller's instead (the caller then disposes it),
/// as <see cref="SeededDatabase"/> does; a database that is already seeded is not seeded again, and no links
/// file is written for it.
/// </summary>
public sealed class SurveyAppFactory(
    bool demoResponses = false,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    TestDatabase? database = null) : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("surveyapp-test-").FullName;

    public TestDatabase Database => _database ??= new TestDatabase(Folder);

    private TestDatabase? _database = database;
    private readonly bool _ownsDatabase = database is null;

    /// <summary>The SQLite file, on a SQLite run.</summary>
    public string DatabasePath => Database.SqlitePath;

    public string LinksFile => Path.Combine(Folder, "invitation-links.csv");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // In memory, from the build folder rather than a publish folder: the framework's and the packages'
        // static assets come from where the build left them, as they do for dotnet run.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Seed:Enabled", "true");
        builder.UseSetting("Seed:SurveyFile", RepoPaths.ModelSurvey);
        builder.UseSetting("Seed:ParticipantsFile", RepoPaths.ModelParticipants);
        builder.UseSetting("Seed:LinksFile", LinksFile);
        builder.UseSetting("Responding:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Responding:WrongLinks:Limit", "100000");
        // Without an SMTP server messages become files: in the test's folder, not the repository's data folder.
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Folder, "mail"));
        if (services is not null) builder.ConfigureServices(services);
        foreach (var (key, value) in AppProcess.DemoSettings(demoResponses).Concat((settings ?? new Dictionary<string, string>()).Select(s => (s.Key, s.Value))))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The invitation paths ("/s/TOKEN") the seeding wrote, in the participants' order.</summary>
    public IReadOnlyList<string> InvitationPaths()
    {
        _ = Server; // make sure the app has started and seeded
        return AppProcess.ReadLinks(LinksFile).Select(link => new Uri(link).AbsolutePath).ToList();
    }

    public HttpClient CreateRespondent() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public SurveyDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<SurveyDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
            // A file still held open by the runtime is left for the temp folder's cleaner.
        }
    }
}
