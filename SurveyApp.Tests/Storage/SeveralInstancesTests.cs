using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using SurveyApp.Tests.Support.Processes;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// Two published app processes on one PostgreSQL database, with nginx in front of them configured as the
/// deployment guide says (docs/several-instances.md): what one process issues (sign-in cookies, form
/// tokens) the other accepts, a respondent whose requests alternate between them loses nothing and
/// submits once, a survey edited through one is seen by the other within seconds, and an analyst's
/// interactive page works through the proxy.
/// </summary>
[Trait(TestDatabase.Engine, "PostgreSql")]
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private const string Email = "analytiker@example.se";
    private readonly TestDatabase _database;
    private readonly AppProcess _first;
    private readonly AppProcess _second;
    private readonly string _folder = Directory.CreateTempSubdirectory("surveyapp-instances-").FullName;
    private NginxProxy _proxy = default!;
    private string _password = "";

    public SeveralInstancesTests()
    {
        TestDatabase.RequirePostgreSqlServer();
        _database = new TestDatabase(_folder);
        _first = new AppProcess(demoResponses: true, database: _database);
        _second = new AppProcess(demoResponses: true, database: _database);
    }

    public async Task InitializeAsync()
    {
        _password = AppProcess.PasswordFrom(await _first.RunCommandAsync("create-staff", Email, "analyst"));
        // Both start at once on the new database: one seeds it, the other waits and finds it seeded.
        await Task.WhenAll(_first.StartAsync(), _second.StartAsync());
        _proxy = await NginxProxy.StartAsync(_first.Folder, [_first.Port, _second.Port], NginxProxy.DeploymentConfig(RepoPaths.Root));
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Two clients that share one browser's cookies, each talking to one process.</summary>
    private (HttpClient First, HttpClient Second) OneBrowser()
    {
        var cookies = new CookieContainer();
        HttpClient Client(AppProcess app) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        return (Client(_first), Client(_second));
    }

    /// <summary>The invitation links, written by whichever process seeded the database.</summary>
    private IReadOnlyList<string> SeededLinks() =>
        new[] { _first, _second }.Where(app => File.Exists(app.LinksFile)).SelectMany(app => app.InvitationLinks()).Select(l => new Uri(l).AbsolutePath).ToList();

    [Fact]
    public async Task ProcessesStartingTogetherSeedTheDatabaseOnce()
    {
        await using var db = _database.CreateContext();

        Assert.Equal(1, await db.Surveys.CountAsync());
        Assert.Equal(20, await db.Participants.CountAsync());
        Assert.Equal(2, await db.Waves.CountAsync());
        Assert.Equal(20, SeededLinks().Count);
    }

    /// <summary>Links whose participants have not submitted in the demo data, so still usable.</summary>
    private async Task<IReadOnlyList<string>> UsableLinksAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_first.BaseUrl) };
        var usable = new List<string>();
        foreach (var link in SeededLinks())
        {
            if ((await client.GetPageAsync(link)).Status == HttpStatusCode.OK)
            {
                usable.Add(link);
            }
        }
        return usable;
    }

    [Fact]
    public async Task ASignInOnOneProcessIsAcceptedByTheOther()
    {
        var (first, second) = OneBrowser();

        var before = await second.GetPageAsync("/resultat");
        Assert.Equal(HttpStatusCode.Found, before.Status);
        Assert.StartsWith("/logga-in", before.Location);

        // The sign-in form comes from the second process and is posted to the first.
        var token = await second.AntiforgeryTokenAsync("/logga-in");
        var signedIn = await first.PostWithTokenAsync("/logga-in", "login", token, ("Input.Email", Email), ("Input.Password", _password));
        Assert.Equal(HttpStatusCode.Found, signedIn.Status);

        var after = await second.GetPageAsync("/resultat");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains("Resultat", after.Main);
    }

    [Fact]
    public async Task ARespondentWhoseRequestsAlternateBetweenProcessesKeepsEveryPageAndSubmitsOnce()
    {
        var link = (await UsableLinksAsync())[0];
        var (first, second) = OneBrowser();
        var clients = new[] { first, second };

        for (var page = 0; page < RespondentHttp.ModelAnswers.Length; page++)
        {
            // Each page's form comes from one process and is saved by the other.
            var path = $"{link}/sida/{page + 1}";
            var token = await clients[page % 2].AntiforgeryTokenAsync(path);
            var saved = await clients[(page + 1) % 2].PostWithTokenAsync(path, "page", token, RespondentHttp.ModelAnswers[page]);
            Assert.Equal(HttpStatusCode.Found, saved.Status);
        }
        var review = await first.GetPageAsync($"{link}/granska");
        Assert.Contains("Politiskt", review.Main);
        var submitToken = await first.AntiforgeryTokenAsync($"{link}/granska");
        var submitted = await second.PostWithTokenAsync($"{link}/granska", "submit", submitToken);
        Assert.Equal("/tack", submitted.Location);
        // The same press of "Skicka in" arriving again, at the other process, still thanks the respondent.
        var again = await first.PostWithTokenAsync($"{link}/granska", "submit", submitToken);
        Assert.Equal("/tack", again.Location);

        await using var db = _database.CreateContext();
        var hash = SurveyApp.Domain.InvitationToken.Hash(link["/s/".Length..]);
        var response = await db.Responses.Include(r => r.Answers).SingleAsync(r => r.Invitation!.TokenHash == hash);
        Assert.NotNull(response.SubmittedAt);
        Assert.Equal(RespondentHttp.ModelAnswers.Sum(p => p.Count(f => f.Name.StartsWith("q.", StringComparison.Ordinal))), response.Answers.Count);
    }

    [Fact]
    public async Task ASurveyEditedThroughOneProcessIsSeenByTheOtherWithinSeconds()
    {
        var link = (await UsableLinksAsync())[1];
        var (first, second) = OneBrowser();
        var page = await second.GetPageAsync($"{link}/sida/1");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Hade ni tackat ja", page.Main);
        Assert.DoesNotContain("(omformulerad)", page.Main);

        // An edit as the first process would store it: the question's text changes in the database.
        await using (var db = _database.CreateContext())
        {
            var question = await db.Questions.SingleAsync(q => q.Key == "f1");
            question.Text = "Hade ni tackat ja till Samlingen i dag? (omformulerad)";
            await db.SaveChangesAsync();
        }

        // Each process may have loaded the survey just before the edit; within a few seconds both show it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        foreach (var process in new[] { second, first })
        {
            while (!(await process.GetPageAsync($"{link}/sida/1")).Main.Contains("(omformulerad)", StringComparison.Ordinal))
            {
                Assert.True(waited.Elapsed < SurveyApp.Storage.SurveyCatalog.SharedKeepFor + TimeSpan.FromSeconds(5),
                    $"A process still showed the old text after {waited.Elapsed.TotalSeconds:0} s.");
                await Task.Delay(250);
            }
        }
    }

    [Fact]
    public async Task AnAnalystCodesAnAnswerThroughTheProxy()
    {
        await using var browser = await BrowserSession.LaunchAsync("several-instances");
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(_proxy.BaseUrl + "/resultat");
        await page.WaitForURLAsync("**/logga-in?ReturnUrl=%2Fresultat");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", _password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_proxy.BaseUrl + "/resultat");
        await browser.CheckPageAsync(page, "waves-through-proxy");

        // The coding page is interactive: its WebSocket must reach the process that rendered it.
        await page.GotoAsync(_proxy.BaseUrl + "/resultat/1/fritext/f2");
        var research = page.Locator("tr:has(th:text-is('Ta del av forskning'))").First;
        await Assertions.Expect(research).ToContainTextAsync("3");
        await page.GetByLabel("Ta del av forskning").First.CheckAsync();
        await Assertions.Expect(research).ToContainTextAsync("4");
        await browser.CheckPageAsync(page, "coding-through-proxy");

        var route = (await context.CookiesAsync()).Single(c => c.Name == "surveyapp_route");
        Assert.True(route.HttpOnly);
        await context.CloseAsync();
    }
}
