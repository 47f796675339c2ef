using Microsoft.EntityFrameworkCore;
using Npgsql;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Tests.Support;

/// <summary>
/// A database of its own for one app under test, in the engine this test run uses: a SQLite file in the
/// test's folder, or, when <see cref="ServerVariable"/> names a PostgreSQL server (test.sh starts one for
/// its second pass), a new database on that server, dropped when the test ends. The app creates and
/// migrates it on start, as it would in production.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The environment variable with the connection string of the PostgreSQL server to test on (no database named).</summary>
    public const string ServerVariable = "SURVEYAPP_TEST_POSTGRES";

    /// <summary>Tests that only make sense on one engine carry <c>[Trait(Engine, "Sqlite")]</c> or <c>[Trait(Engine, "PostgreSql")]</c>.</summary>
    public const string Engine = "Provider";

    public static string? PostgreSqlServer =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The engine of this test run.</summary>
    public static StorageProvider Provider => PostgreSqlServer is null ? StorageProvider.Sqlite : StorageProvider.PostgreSql;

    /// <summary>The PostgreSQL server, for tests that need one; fails with what to do when the run has none.</summary>
    public static string RequirePostgreSqlServer() => PostgreSqlServer
        ?? throw new InvalidOperationException($"This test needs a PostgreSQL server: run it through test.sh, which starts one, or set {ServerVariable} (for example Host=127.0.0.1;Port=55432;Username=surveyapp).");

    public TestDatabase(string folder)
    {
        SqlitePath = Path.Combine(folder, "surveyapp.db");
        if (PostgreSqlServer is { } server)
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"surveyapp_test_{Guid.NewGuid():N}" }.ConnectionString;
        }
    }

    /// <summary>The SQLite file (on a SQLite run).</summary>
    public string SqlitePath { get; }

    /// <summary>The PostgreSQL database (on a PostgreSQL run), else null.</summary>
    public string? ConnectionString { get; }

    /// <summary>The app's storage settings for this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => ConnectionString is null
        ? new Dictionary<string, string> { ["Storage:Provider"] = nameof(StorageProvider.Sqlite), ["Storage:DatabasePath"] = SqlitePath }
        : new Dictionary<string, string> { ["Storage:Provider"] = nameof(StorageProvider.PostgreSql), ["Storage:ConnectionString"] = ConnectionString };

    /// <summary>The storage engine the app builds from <see cref="Settings"/>.</summary>
    public StorageEngine CreateEngine() => ConnectionString is null ? new SqliteEngine(SqlitePath) : new PostgreSqlEngine(ConnectionString);

    /// <summary>A context on this database without the app, for reading what the app stored.</summary>
    public SurveyDbContext CreateContext()
    {
        switch (CreateEngine())
        {
            case SqliteEngine sqlite:
                var sqliteOptions = new DbContextOptionsBuilder<SqliteSurveyDbContext>();
                sqlite.Configure(sqliteOptions);
                return new SqliteSurveyDbContext(sqliteOptions.Options);
            case PostgreSqlEngine postgreSql:
                var postgreSqlOptions = new DbContextOptionsBuilder<PostgreSqlSurveyDbContext>();
                postgreSql.Configure(postgreSqlOptions);
                return new PostgreSqlSurveyDbContext(postgreSqlOptions.Options);
            default:
                throw new InvalidOperationException("Unknown engine.");
        }
    }

    /// <summary>
    /// A new database in <paramref name="folder"/> holding what this one holds, in the same engine: SQLite copies
    /// the file (with its backup API, which also takes what is still in the write-ahead log), PostgreSQL creates
    /// the new database with this one as its template. No app may be running on this database: PostgreSQL copies
    /// only a database that nobody is connected to, so the idle connections its pools keep are closed first.
    /// </summary>
    public TestDatabase CopyTo(string folder)
    {
        var copy = new TestDatabase(folder);
        if (ConnectionString is null)
        {
            using var source = new Microsoft.Data.Sqlite.SqliteConnection(Unpooled(SqlitePath));
            using var target = new Microsoft.Data.Sqlite.SqliteConnection(Unpooled(copy.SqlitePath));
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            return copy;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{DatabaseName(copy.ConnectionString!)}\" TEMPLATE \"{DatabaseName(ConnectionString)}\"";
        create.ExecuteNonQuery();
        return copy;
    }

    private static string Unpooled(string sqlitePath) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString();

    private static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    public void Dispose()
    {
        if (ConnectionString is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var database = DatabaseName(ConnectionString);
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
