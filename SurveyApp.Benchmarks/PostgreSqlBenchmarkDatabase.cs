using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SurveyApp.Benchmarks.Load;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Benchmarks;

/// <summary>
/// A fresh PostgreSQL database of the benchmark's own on the server that <c>--connection</c> names, with a
/// unique name; migrated through the app's <see cref="PostgreSqlEngine"/> (or left for the app to create),
/// and dropped afterwards unless kept.
/// </summary>
public sealed class PostgreSqlBenchmarkDatabase : IBenchmarkDatabase
{
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly bool _keep;

    private PostgreSqlBenchmarkDatabase(string serverConnection, bool keep)
    {
        _server = new NpgsqlConnectionStringBuilder(serverConnection);
        _keep = keep;
        Name = $"surveyapp_bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        Engine = new PostgreSqlEngine(new NpgsqlConnectionStringBuilder(serverConnection) { Database = Name }.ConnectionString);
        Folder = Path.Combine(Path.GetTempPath(), $"surveyapp-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The database's name, unique to the run.</summary>
    public string Name { get; }

    /// <summary>The app's engine on this database: its connection string (Database included) and context options.</summary>
    public PostgreSqlEngine Engine { get; }

    public string Folder { get; }

    public string Description => Engine.Description;

    public IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string>
    {
        ["Storage__Provider"] = nameof(StorageProvider.PostgreSql),
        ["Storage__ConnectionString"] = Engine.ConnectionString,
    };

    /// <summary>Creates the database and migrates it, as the app does on its first start.</summary>
    public static async Task<PostgreSqlBenchmarkDatabase> CreateAsync(string serverConnection, bool keep = false)
    {
        var database = CreateEmpty(serverConnection, keep);
        await using var db = database.CreateFactory().CreateDbContext();
        await database.Engine.MigrateAsync(db);
        return database;
    }

    /// <summary>A name for a database that does not exist yet, which the app creates and migrates on its first start (the load benchmark).</summary>
    public static PostgreSqlBenchmarkDatabase CreateEmpty(string serverConnection, bool keep = false) => new(serverConnection, keep);

    public IDbContextFactory<SurveyDbContext> CreateFactory(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSurveyDbContext>();
        Engine.Configure(options);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
        return new SurveyContextFactory(options.Options);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Engine.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<DbConnection> OpenConnectionAsync() => await OpenAsync();

    public async Task<IDemoRowWriter> CreateRowWriterAsync(CancellationToken cancellationToken = default) =>
        new PostgreSqlDemoRowWriter(await OpenAsync());

    /// <summary>
    /// VACUUM ANALYZE: statistics for the planner and a visibility map, so that index-only scans need not
    /// visit the table; after a bulk load autovacuum would get there only later.
    /// </summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM ANALYZE";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(string Engine, string Version)> EngineVersionAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW server_version";
        return ("PostgreSQL", (string)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// The process id of the server's postmaster, the parent of every backend, read from /proc through this
    /// connection's backend; null when the server is not on this machine.
    /// </summary>
    public async Task<int?> ServerProcessIdAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcessCpu.ParentOf(backend);
    }

    /// <summary>Drops the database (the app's connections too), unless kept, and deletes the temporary folder.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            var maintenance = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed class SurveyContextFactory(DbContextOptions<PostgreSqlSurveyDbContext> options) : IDbContextFactory<SurveyDbContext>
    {
        public SurveyDbContext CreateDbContext() => new PostgreSqlSurveyDbContext(options);
    }
}
