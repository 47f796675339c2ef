using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Security;

/// <summary>
/// Staff pages run interactively, so moving between them happens in the browser without a request to
/// authorise. An analyst who navigates in the app to an administrator's page must not see it, exactly as if
/// the address had been typed. A link followed before the page is live opens its page all the same.
/// </summary>
public sealed class InAppNavigationTests : IAsyncLifetime
{
    private const string Analyst = "analytiker@example.se";
    private readonly AppProcess _app = new();
    private BrowserSession _browser = default!;
    private string _password = "";

    public async Task InitializeAsync()
    {
        _password = AppProcess.PasswordFrom(await _app.RunCommandAsync("create-staff", Analyst, "analyst"));
        await _app.StartAsync();
        _browser = await BrowserSession.LaunchAsync("in-app-navigation");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public Task AnAnalystNavigatingInTheAppToAnAdministratorsPageIsTurnedAway() => _browser.ExplainFailureAsync(_app, AnAnalystNavigatingInTheAppToAnAdministratorsPageIsTurnedAwayStepsAsync);

    private async Task AnAnalystNavigatingInTheAppToAnAdministratorsPageIsTurnedAwayStepsAsync()
    {
        foreach (var adminPage in new[] { "/admin/personal", "/admin/logg", "/admin/enkater" })
        {
            await TryAsync(adminPage);
        }
    }

    [Fact]
    public Task ALinkFollowedBeforeThePageIsLiveOpensItsPage() => _browser.ExplainFailureAsync(_app, async () =>
    {
        var page = await SignedInPageAsync();
        // The page's circuit is slow to connect, as on a slow network: the link is followed in the meantime.
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await Task.Delay(3000);
            await route.ContinueAsync();
        });
        await page.GotoAsync(_app.BaseUrl + "/resultat");
        await Assertions.Expect(page.Locator("main[data-live='false']")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Uppföljning december 2013", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(_app.BaseUrl + "/resultat/1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Uppföljning december 2013");
        // Once live, links are followed within the page again.
        await Assertions.Expect(page.Locator("main[data-live='true']")).ToHaveCountAsync(1);
    });

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "/logga-in");
        await page.FillAsync("#email", Analyst);
        await page.FillAsync("#password", _password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_app.BaseUrl + "/resultat");
        return page;
    }

    private async Task TryAsync(string adminPage)
    {
        var page = await SignedInPageAsync();
        var seen = new List<string>();
        page.FrameNavigated += (_, frame) => seen.Add(frame.Url);
        await page.GotoAsync(_app.BaseUrl + "/resultat/1");
        // The menu button works once the page's circuit is connected: from then on links are followed in the browser.
        await Assertions.Expect(page.Locator("button.staff-menu-button:not([disabled])")).ToHaveCountAsync(1);

        await page.EvaluateAsync("url => Blazor.navigateTo(url)", adminPage);

        await page.WaitForURLAsync(url => url.Contains("/ingen-behorighet"));
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Personal");
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(Analyst, shown);
        Assert.DoesNotContain("samlingen-uppfoljning-2013", shown);
        Assert.Contains(seen, url => url.Contains("/ingen-behorighet"));
    }
}
