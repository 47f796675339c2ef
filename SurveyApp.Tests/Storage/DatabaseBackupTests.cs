using Microsoft.Data.Sqlite;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>Backups taken with <c>VACUUM INTO</c> from the running app, checked, and restored.</summary>
[Trait(TestDatabase.Engine, "Sqlite")]
public sealed class DatabaseBackupTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private HttpClient Respondent() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_app.BaseUrl) };

    [Fact]
    public async Task ABackupTakenWhileRespondentsSaveHoldsEveryResponseCommittedBeforeIt()
    {
        var links = _app.InvitationLinks().Select(l => new Uri(l).AbsolutePath).ToList();
        using (var first = Respondent())
        {
            await first.CompleteSurveyAsync(links[0]);
        }

        // Other respondents keep saving pages while the backup runs.
        using var cancel = new CancellationTokenSource();
        var saving = Task.Run(async () =>
        {
            var saved = 0;
            for (var i = 1; !cancel.IsCancellationRequested && i < links.Count; i++)
            {
                using var client = Respondent();
                await client.PostFormAsync($"{links[i]}/sida/1", "page", RespondentHttp.ModelAnswers[0]);
                saved++;
            }
            return saved;
        });
        var backup = Path.Combine(_app.Folder, "backups", "surveyapp-backup.db");
        var output = await _app.RunCommandAsync("backup", backup);
        await cancel.CancelAsync();
        await saving;

        Assert.Contains("integrity check ok", output);
        Assert.Null(await SqliteBackup.CheckAsync(backup));
        Assert.Equal(1, await CountAsync(backup, "SELECT COUNT(*) FROM Responses WHERE SubmittedAt IS NOT NULL"));
        Assert.Equal(20, await CountAsync(backup, "SELECT COUNT(*) FROM Invitations"));
        // Every response in the copy has its first page's answers: a response is created in the same
        // transaction as that page, and nothing is half-copied.
        Assert.Equal(0, await CountAsync(backup,
            "SELECT COUNT(*) FROM Responses r WHERE (SELECT COUNT(*) FROM Answers a WHERE a.ResponseId = r.Id) = 0"));
        Assert.True(await CountAsync(backup, "SELECT COUNT(*) FROM Responses WHERE ResumePosition > 0") >= 1);
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFile()
    {
        var target = Path.Combine(_app.Folder, "existing.db");
        await File.WriteAllTextAsync(target, "keep me");

        var result = await SqliteBackup.BackUpAsync(_app.DatabasePath, target);

        Assert.False(result.Succeeded);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task ARestoredBackupServesItsResponsesAfterARestart()
    {
        var links = _app.InvitationLinks().Select(l => new Uri(l).AbsolutePath).ToList();
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(links[0]);
        }
        var backup = Path.Combine(_app.Folder, "backup.db");
        await _app.RunCommandAsync("backup", backup);
        using (var client = Respondent())
        {
            await client.CompleteSurveyAsync(links[1]);
        }
        Assert.Equal(2, await CountAsync(_app.DatabasePath, "SELECT COUNT(*) FROM Responses WHERE SubmittedAt IS NOT NULL"));

        await _app.KillAsync();
        var output = await _app.RunCommandAsync("restore", backup);
        await _app.StartAsync();

        Assert.Contains("Restored", output);
        Assert.Equal(1, await CountAsync(_app.DatabasePath, "SELECT COUNT(*) FROM Responses WHERE SubmittedAt IS NOT NULL"));
        Assert.True(File.Exists(_app.DatabasePath + ".before-restore"));
        using var again = Respondent();
        // The second respondent's answers were made after the backup: their link is open again.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await again.GetPageAsync(links[1])).Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await again.GetPageAsync(links[0])).Status);
    }

    [Fact]
    public async Task ARestoreWhileTheAppRunsIsRefusedAndChangesNothing()
    {
        var backup = Path.Combine(_app.Folder, "backup.db");
        await _app.RunCommandAsync("backup", backup);
        using (var client = Respondent())
        {
            await client.GetPageAsync(_app.InvitationLinks().Select(l => new Uri(l).AbsolutePath).First());
        }

        var result = await SqliteBackup.RestoreAsync(backup, _app.DatabasePath);

        Assert.False(result.Succeeded);
        Assert.Contains("stop the app", result.Message);
        Assert.False(File.Exists(_app.DatabasePath + ".before-restore"));
    }

    [Fact]
    public async Task ADamagedOrForeignFileIsNotRestoredAndNothingChanges()
    {
        var damaged = Path.Combine(_app.Folder, "damaged.db");
        await File.WriteAllBytesAsync(damaged, new byte[8192]);
        var foreign = Path.Combine(_app.Folder, "foreign.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE Notes (Text TEXT)";
            await create.ExecuteNonQueryAsync();
        }
        await _app.KillAsync();
        var before = await File.ReadAllBytesAsync(_app.DatabasePath);

        foreach (var file in new[] { damaged, foreign, Path.Combine(_app.Folder, "missing.db") })
        {
            var result = await SqliteBackup.RestoreAsync(file, _app.DatabasePath);
            Assert.False(result.Succeeded);
            Assert.Contains(file, result.Message);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(_app.DatabasePath));
        Assert.False(File.Exists(_app.DatabasePath + ".before-restore"));
    }
}
