namespace SurveyApp.Tests.Support;

/// <summary>
/// The model survey seeded once (with <c>demoResponses</c> also the demo data), in a database that no app runs
/// on afterwards, for tests that each need an app on data of their own: <see cref="CreateApp"/> starts one on a
/// copy, which costs a fraction of seeding anew. The copies, and their invitation links, are the same as a fresh
/// seeding's; they are dropped with this object (a class fixture, say), not with their apps.
/// </summary>
public sealed class SeededDatabase : IDisposable
{
    private readonly bool _demoResponses;
    private readonly TestDatabase _template;
    private readonly List<TestDatabase> _copies = [];

    public SeededDatabase(bool demoResponses = false)
    {
        _demoResponses = demoResponses;
        _template = new TestDatabase(Folder);
        using var seeding = new SurveyAppFactory(demoResponses, database: _template);
        _ = seeding.Server;
        File.Copy(seeding.LinksFile, LinksFile);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("surveyapp-seeded-").FullName;

    /// <summary>The invitation links the seeding wrote.</summary>
    public string LinksFile => Path.Combine(Folder, "invitation-links.csv");

    /// <summary>The app on a copy of the seeded database, with the links file, as if it had just seeded it.</summary>
    public SurveyAppFactory CreateApp()
    {
        TestDatabase copy;
        lock (_copies)
        {
            copy = _template.CopyTo(Directory.CreateDirectory(Path.Combine(Folder, $"copy-{_copies.Count + 1}")).FullName);
            _copies.Add(copy);
        }
        var app = new SurveyAppFactory(_demoResponses, database: copy);
        File.Copy(LinksFile, app.LinksFile);
        return app;
    }

    public void Dispose()
    {
        foreach (var database in _copies.Append(_template))
        {
            database.Dispose();
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
