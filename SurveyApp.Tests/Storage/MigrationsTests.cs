using Microsoft.EntityFrameworkCore;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>The migrations build the schema the model describes, on a real SQLite file.</summary>
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
}
