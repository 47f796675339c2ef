using System.Net;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// On PostgreSQL the app's <c>backup</c> and <c>restore</c> commands are PostgreSQL's own pg_dump and
/// pg_restore: a consistent archive taken while the app runs, checked, and restored in one transaction
/// with the app stopped.
/// </summary>
[Trait(TestDatabase.Engine, "PostgreSql")]
public sealed class PostgreSqlBackupTests : IAsyncLifetime
{
    private readonly AppProcess _app;

    public PostgreSqlBackupTests()
    {
        TestDatabase.RequirePostgreSqlServer();
        _app = new AppProcess();
    }

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Respondent() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_app.BaseUrl) };

    private IReadOnlyList<string> Links() => _app.InvitationLinks().Select(l => new Uri(l).AbsolutePath).ToList();

    private async Task<int> SubmittedAsync()
    {
        await using (var db = _app.Database.CreateContext())
        {
            var submitted = await db.Responses.CountAsync(r => r.SubmittedAt != null);
            // The test's own connections carry the app's name too; a restore would count them as an app still running.
            Npgsql.NpgsqlConnection.ClearAllPools();
            return submitted;
        }
    }

    [Fact]
    public async Task ARestoredBackupServesItsResponsesAfterARestart()
    {
        var links = Links();
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(links[0]);
        }
        var backup = Path.Combine(_app.Folder, "backups", "surveyapp.dump");
        var backedUp = await _app.RunCommandAsync("backup", backup);
        Assert.Contains("pg_dump", backedUp);
        Assert.True(new FileInfo(backup).Length > 10_000);
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(links[1]);
        }
        Assert.Equal(2, await SubmittedAsync());

        await _app.KillAsync();
        var output = await _app.RunCommandAsync("restore", backup);
        await _app.StartAsync();

        Assert.Contains("Restored", output);
        Assert.Equal(1, await SubmittedAsync());
        // The database as it was before the restore is kept beside the backup.
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(backup)!, "before-restore-*.dump"));
        using var again = Respondent();
        Assert.Equal(HttpStatusCode.OK, (await again.GetPageAsync(links[1])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetPageAsync(links[0])).Status);
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFile()
    {
        var target = Path.Combine(_app.Folder, "existing.dump");
        await File.WriteAllTextAsync(target, "keep me");

        var result = await _app.Database.CreateEngine().BackUpAsync(target);

        Assert.False(result.Succeeded);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task ARestoreWhileTheAppRunsIsRefusedAndChangesNothing()
    {
        var backup = Path.Combine(_app.Folder, "backup.dump");
        await _app.RunCommandAsync("backup", backup);
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(Links()[0]);
        }

        var result = await _app.Database.CreateEngine().RestoreAsync(backup);

        Assert.False(result.Succeeded);
        Assert.Contains("stop every app process", result.Message);
        Assert.Equal(1, await SubmittedAsync());
    }

    [Fact]
    public async Task ADamagedOrForeignFileIsRefusedAndChangesNothing()
    {
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(Links()[0]);
        }
        await _app.KillAsync();
        var damaged = Path.Combine(_app.Folder, "damaged.dump");
        await File.WriteAllTextAsync(damaged, "PGDMP but not really");
        var engine = _app.Database.CreateEngine();

        foreach (var file in new[] { damaged, Path.Combine(_app.Folder, "missing.dump") })
        {
            var result = await engine.RestoreAsync(file);
            Assert.False(result.Succeeded);
            Assert.Contains("Nothing was changed", result.Message.Replace("There is no backup", "Nothing was changed"));
        }
        Assert.Equal(1, await SubmittedAsync());
        Assert.Empty(Directory.GetFiles(_app.Folder, "before-restore-*.dump"));
    }
}
