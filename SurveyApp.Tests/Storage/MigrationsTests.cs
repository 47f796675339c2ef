using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage.Providers;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>The migrations of each engine build the schema the model describes, on a real database.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryMigrationIsAppliedAndTheModelHasNoChangesWithoutOne()
    {
        _ = _app.Server;
        await using var db = _app.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: add one with dotnet ef migrations add.");
    }

    /// <summary>Both engines' migrations are checked on every run, also the one the run does not store in.</summary>
    [Fact]
    public void NeitherEngineLacksAMigrationForTheModel()
    {
        using var sqlite = new SqliteDesignTimeContext().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeContext().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: add a migration with --context SqliteSurveyDbContext.");
        Assert.False(postgreSql.Database.HasPendingModelChanges(), "PostgreSQL: add a migration with --context PostgreSqlSurveyDbContext.");
        Assert.All(sqlite.Database.GetMigrations().Concat(postgreSql.Database.GetMigrations()), m => Assert.Matches(@"^\d{14}_", m));
        Assert.Contains(postgreSql.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    /// <summary>Each engine's context finds only its own migrations, so neither database gets the other's schema.</summary>
    [Fact]
    public void EachEngineHasItsOwnMigrations()
    {
        using var sqlite = new SqliteDesignTimeContext().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeContext().CreateDbContext([]);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgreSql.Database.GetMigrations()));
        Assert.Equal(12, sqlite.Database.GetMigrations().Count());
        Assert.Equal(5, postgreSql.Database.GetMigrations().Count());
    }
}
