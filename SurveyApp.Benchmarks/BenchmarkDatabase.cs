using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Benchmarks;

/// <summary>
/// A fresh SQLite file in a temporary folder, set up the way the app sets up its own
/// (same connection settings, migrations, WAL), and deleted afterwards.
/// </summary>
public sealed class BenchmarkDatabase : IBenchmarkDatabase
{
    private readonly string _folder;
    private readonly bool _keep;

    private BenchmarkDatabase(string folder, bool keep)
    {
        _folder = folder;
        _keep = keep;
        Path = System.IO.Path.Combine(folder, "surveyapp.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <param name="keep">Leave the file in place afterwards, for inspection with sqlite3.</param>
    public static async Task<BenchmarkDatabase> CreateAsync(bool keep = false)
    {
        var database = CreateEmpty(keep);
        await using var db = database.CreateFactory().CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    /// <summary>
    /// A new temporary folder with no database file yet, for a database that the app creates and
    /// migrates itself on its first start (the load benchmark).
    /// </summary>
    public static BenchmarkDatabase CreateEmpty(bool keep = false)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"surveyapp-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new BenchmarkDatabase(folder, keep);
    }

    /// <summary>
    /// The database that <see cref="CreateAsync"/> made in <paramref name="folder"/>, for another process
    /// (the export benchmark's child processes). It is left in place on dispose; its creator deletes it.
    /// </summary>
    public static BenchmarkDatabase Open(string folder) => new(folder, keep: true);

    /// <summary>The temporary folder holding the database file; other files written there go with it.</summary>
    public string Folder => _folder;

    /// <summary>A factory of new, unpooled contexts, one per call (the app pools them; these tools do not need to).</summary>
    public IDbContextFactory<SurveyDbContext> CreateFactory(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<SqliteSurveyDbContext>();
        new SqliteEngine(Path).Configure(options);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
        return new SurveyContextFactory(options.Options);
    }

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public string Description => $"SQLite {Path}";

    public IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string>
    {
        ["Storage__Provider"] = nameof(StorageProvider.Sqlite),
        ["Storage__DatabasePath"] = Path,
    };

    public async Task<DbConnection> OpenConnectionAsync() => await OpenAsync();

    public async Task<IDemoRowWriter> CreateRowWriterAsync(CancellationToken cancellationToken = default) =>
        await SqliteDemoRowWriter.CreateAsync(await OpenAsync(), cancellationToken);

    /// <summary>Nothing: the SQLite figures have always been taken without ANALYZE, as the app runs.</summary>
    public Task AnalyzeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<(string Engine, string Version)> EngineVersionAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return ("SQLite", (string)(await command.ExecuteScalarAsync())!);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        if (!_keep)
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private sealed class SurveyContextFactory(DbContextOptions<SqliteSurveyDbContext> options) : IDbContextFactory<SurveyDbContext>
    {
        public SurveyDbContext CreateDbContext() => new SqliteSurveyDbContext(options);
    }
}
