using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage.Providers;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// A save that meets another connection's write lock waits for it and then succeeds (SQLite's busy
/// handler that SurveyApp installs); what that wait costs in time is measured by the load benchmark.
/// </summary>
[Trait(TestDatabase.Engine, "Sqlite")]
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surveyapp-busy-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ASaveWaitsForAnotherWritersLockAndThenSucceeds()
    {
        var engine = new SqliteEngine(Path.Combine(_folder, "surveyapp.db"));
        var options = new DbContextOptionsBuilder<SqliteSurveyDbContext>();
        engine.Configure(options);
        await using (var db = new SqliteSurveyDbContext(options.Options))
        {
            await engine.MigrateAsync(db);
        }

        // Another connection takes the write lock and holds it.
        await using var other = new SqliteConnection($"Data Source={engine.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO \"AuditLog\" (\"At\", \"Actor\", \"Action\", \"Subject\") VALUES ('2026-12-04', 'a', 'first', 's');";
            await begin.ExecuteNonQueryAsync();
        }

        var save = Task.Run(async () =>
        {
            await using var db = new SqliteSurveyDbContext(options.Options);
            db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "b", Action = "second", Subject = "s" });
            await db.SaveChangesAsync();
        });
        await Task.Delay(300);
        Assert.False(save.IsCompleted, "The save did not wait for the lock.");

        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }
        await save;

        await using var check = new SqliteSurveyDbContext(options.Options);
        Assert.Equal(["first", "second"], await check.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}
