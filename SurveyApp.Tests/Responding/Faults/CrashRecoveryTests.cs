using System.Net;
using Microsoft.Data.Sqlite;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Faults;

/// <summary>
/// The app process is killed (SIGKILL) while respondents are mid-survey or submitting, then started
/// again on the same database: what was saved is there, what was submitted is whole, nothing is half.
/// SQLite only: it reads the file directly and checks its integrity; on PostgreSQL the server, not the app
/// process, owns the data, so killing the app cannot damage it.
/// </summary>
[Trait(TestDatabase.Engine, "Sqlite")]
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AppProcess _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Respondent() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    private IReadOnlyList<string> Links() => _app.InvitationLinks().Select(l => new Uri(l).AbsolutePath).ToList();

    private SqliteConnection Database() =>
        new(new SqliteConnectionStringBuilder { DataSource = _app.DatabasePath, Pooling = false }.ToString());

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Database();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The answers stored for a link's response, as "question:item:code:text" lines in a stable order.</summary>
    private async Task<IReadOnlyList<string>> StoredAnswersAsync(string link)
    {
        await using var connection = Database();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT q.Key || ':' || COALESCE(a.ItemId, '') || ':' || COALESCE(a.Code, '') || ':' || COALESCE(a.Text, '')
            FROM Answers a JOIN Questions q ON q.Id = a.QuestionId JOIN Responses r ON r.Id = a.ResponseId
            JOIN Invitations i ON i.Id = r.InvitationId WHERE i.TokenHash = $hash ORDER BY 1
            """;
        command.Parameters.AddWithValue("$hash", SurveyApp.Domain.InvitationToken.Hash(link["/s/".Length..]));
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<string> IntegrityAsync() => await ScalarAsync<string>("PRAGMA integrity_check");

    [Fact]
    public async Task EveryPageSavedBeforeTheKillIsThereAfterTheRestartAndTheSurveysCanBeFinished()
    {
        var links = Links().Take(10).ToList();
        // Respondent i has saved i % 5 + 1 pages when the server dies. The respondents answer side by side,
        // each page after the last; every save has been answered before the kill.
        await Task.WhenAll(links.Select(async (link, i) =>
        {
            using var client = Respondent();
            for (var page = 0; page <= i % 5; page++)
            {
                var saved = await client.PostFormAsync($"{link}/sida/{page + 1}", "page", RespondentHttp.ModelAnswers[page]);
                Assert.Equal(HttpStatusCode.Found, saved.Status);
            }
        }));
        var before = new List<IReadOnlyList<string>>();
        foreach (var link in links) before.Add(await StoredAnswersAsync(link));

        await _app.KillAsync();
        await _app.StartAsync();

        Assert.Equal("ok", await IntegrityAsync());
        for (var i = 0; i < links.Count; i++)
        {
            Assert.NotEmpty(before[i]);
            Assert.Equal(before[i], await StoredAnswersAsync(links[i]));
        }
        await Task.WhenAll(links.Select(async link =>
        {
            using var client = Respondent();
            var welcome = await client.GetPageAsync(link);
            Assert.Contains("Du har redan börjat svara", WebUtility.HtmlDecode(welcome.Main));
            await client.CompleteSurveyAsync(link);
        }));
        Assert.Equal(links.Count, await ScalarAsync<long>("SELECT COUNT(*) FROM Responses WHERE SubmittedAt IS NOT NULL"));
    }

    [Fact]
    public async Task ASubmissionRacingTheKillIsStoredWholeOrNotAtAll()
    {
        var links = Links();
        using var complete = Respondent();
        await complete.CompleteSurveyAsync(links[0]);
        var whole = await StoredAnswersAsync(links[0]);

        // Three rounds: every remaining respondent fills in the survey, all submit at once, and the
        // server is killed a little later each round, so the kill lands before, among and after commits.
        var remaining = links.Skip(1).ToList();
        var outcomes = new List<string>();
        foreach (var delay in new[] { 5, 40, 150 })
        {
            var round = remaining.Take(6).ToList();
            remaining = remaining.Skip(6).ToList();
            var clients = round.Select(_ => Respondent()).ToList();
            await Task.WhenAll(round.Select((link, i) => clients[i].AnswerAllPagesAsync(link)));
            var tokens = await Task.WhenAll(round.Select((link, i) => clients[i].AntiforgeryTokenAsync($"{link}/granska")));

            var submits = round.Select((link, i) => Task.Run(async () =>
            {
                try
                {
                    return (await clients[i].PostWithTokenAsync($"{link}/granska", "submit", tokens[i])).Location ?? "stayed";
                }
                catch (HttpRequestException)
                {
                    return "cut off";
                }
                catch (TaskCanceledException)
                {
                    return "cut off";
                }
            })).ToList();
            await Task.Delay(delay);
            await _app.KillAsync();
            var answers = await Task.WhenAll(submits);
            await _app.StartAsync();

            Assert.Equal("ok", await IntegrityAsync());
            for (var i = 0; i < round.Count; i++)
            {
                var hash = SurveyApp.Domain.InvitationToken.Hash(round[i]["/s/".Length..]);
                var submitted = await ScalarAsync<long>(
                    "SELECT COUNT(*) FROM Responses r JOIN Invitations i ON i.Id = r.InvitationId WHERE i.TokenHash = $h AND r.SubmittedAt IS NOT NULL", ("$h", hash));
                // Submitted or not, the response has every answer its pages saved: the same as the complete one.
                Assert.Equal(whole, await StoredAnswersAsync(round[i]));
                if (answers[i] == "/tack") Assert.Equal(1, submitted);
                using var again = Respondent();
                var link = await again.GetPageAsync(round[i]);
                if (submitted == 1)
                {
                    Assert.Equal(HttpStatusCode.NotFound, link.Status);
                }
                else
                {
                    // Not stored: the link still works and the survey can be submitted now.
                    Assert.Equal(HttpStatusCode.OK, link.Status);
                    Assert.Equal("/tack", (await again.PostFormAsync($"{round[i]}/granska", "submit")).Location);
                }
                outcomes.Add($"{delay} ms: {answers[i]}, {(submitted == 1 ? "stored" : "not stored")}");
            }
            clients.ForEach(c => c.Dispose());
        }

        output.WriteLine(string.Join(Environment.NewLine, outcomes));
        Assert.Equal(19, await ScalarAsync<long>("SELECT COUNT(*) FROM Responses WHERE SubmittedAt IS NOT NULL"));
        Assert.Equal(0, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM Responses r WHERE r.SubmittedAt IS NOT NULL AND (SELECT COUNT(*) FROM Answers a WHERE a.ResponseId = r.Id) <> $n",
            ("$n", (long)whole.Count)));
    }
}
