using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// A respondent answers the whole model survey in Chromium, by keyboard: leaves midway, the server
/// is killed and restarted, the respondent resumes from the link, submits, and the answers are in
/// the database. axe-core audits every page at desktop and phone width; screenshots go to
/// TestResults/screenshots/respondent.
/// </summary>
public sealed class RespondentJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _browser = await BrowserSession.LaunchAsync("respondent");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public Task RespondentCompletesTheModelSurveyAcrossARestartAndTheAnswersAreStored() => _browser.ExplainFailureAsync(_app, RespondentCompletesTheModelSurveyAcrossARestartAndTheAnswersAreStoredStepsAsync);

    private async Task RespondentCompletesTheModelSurveyAcrossARestartAndTheAnswersAreStoredStepsAsync()
    {
        var link = _app.InvitationLinks()[0];

        // First visit: the welcome page, page 1, a page with an error, page 2; then the tab is closed.
        var first = await _browser.NewContextAsync();
        var page = await first.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Uppföljning av Samling för social hållbarhet");
        await Expect(page.Locator(".lead")).ToContainTextAsync("Arvika kommun");
        await _browser.CheckPageAsync(page, "welcome");

        await page.GetByRole(AriaRole.Link, new() { Name = "Starta enkäten" }).ClickAsync();
        await page.WaitForURLAsync($"{link}/sida/1");
        await Expect(page.GetByText("Sida 1 av 5")).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "page-1");
        await ChooseAsync(page, "#q-f1-ja_helt_sakert");
        await TypeAsync(page, "#q-f2", "Kunskaps- och erfarenhetsutbyte med andra kommuner och regioner.");
        await NextAsync(page, $"{link}/sida/2");

        // A required question left blank: the error is announced, linked, and nothing typed is lost.
        await TypeAsync(page, "#q-f6", "Vi tar fram en egen strategi för jämlik hälsa.");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och fortsätt" }).PressAsync("Enter");
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-summary")).ToHaveAttributeAsync("role", "alert");
        await Expect(page.Locator("#q-f6")).ToHaveValueAsync("Vi tar fram en egen strategi för jämlik hälsa.");
        await _browser.CheckPageAsync(page, "page-2-error");
        await page.Locator("#error-summary a").First.ClickAsync();
        await Expect(page.Locator("#q-f5-1")).ToBeFocusedAsync();

        await ChooseAsync(page, "#q-f5-4");
        await _browser.CheckPageAsync(page, "page-2");
        await NextAsync(page, $"{link}/sida/3");
        await first.CloseAsync();

        // The server dies and comes back; the respondent opens the link again, without script this time.
        await _app.KillAsync();
        await _app.StartAsync();
        var second = await _browser.NewContextAsync(javaScript: false);
        page = await second.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.GetByText("Du har redan börjat svara.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fortsätt där du slutade" }).ClickAsync();
        await page.WaitForURLAsync($"{link}/sida/3");
        await NextAsync(page, $"{link}/sida/3", expectToStay: true);
        await Expect(page.Locator("#error-summary li")).ToHaveCountAsync(2);
        await second.CloseAsync();

        // With script on again: the rest of the survey.
        var third = await _browser.NewContextAsync();
        page = await third.NewPageAsync();
        await page.GotoAsync($"{link}/sida/3");
        await Expect(page.Locator("#q-f7-3")).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "page-3");
        await ChooseAsync(page, "#q-f7-3");
        await ChooseAsync(page, "#q-f8-3");
        await ChooseAsync(page, "#q-f9-4");
        await NextAsync(page, $"{link}/sida/4");

        await _browser.CheckPageAsync(page, "page-4");
        await TypeAsync(page, "#q-framgangsfaktorer", "Politiskt stöd och uthållighet.");
        await TypeAsync(page, "#q-hinder-1", "Bristande prioritering");
        await TypeAsync(page, "#q-hinder-2", "Resursbrist");
        await NextAsync(page, $"{link}/sida/5");

        await _browser.CheckPageAsync(page, "page-5");
        await TypeAsync(page, "#q-skl-stod", "Fortsätt med Mötesplats social hållbarhet. <script>alert('x')</script>");
        await NextAsync(page, $"{link}/granska");

        // Review: every answer with its label; going back keeps the answers.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Granska dina svar");
        await Expect(page.Locator("main")).ToContainTextAsync("Ja, helt säkert");
        await Expect(page.Locator("main")).ToContainTextAsync("I hög grad");
        await Expect(page.Locator("main")).ToContainTextAsync("<script>alert('x')</script>");
        await _browser.CheckPageAsync(page, "review");
        await page.Locator("#change-rekommendationer").ClickAsync();
        await page.WaitForURLAsync($"{link}/sida/2", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#q-f5-4")).ToBeCheckedAsync();
        await page.GotoAsync($"{link}/granska");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in svaren" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(_app.BaseUrl + "/tack");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för dina svar!");
        await _browser.CheckPageAsync(page, "thank-you");

        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Länken kan inte användas");
        await _browser.CheckPageAsync(page, "used-link");

        await page.GotoAsync(link + "?culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("This link cannot be used");

        // Someone trying links: after thirty unusable ones in quick succession, every survey link waits.
        // (The allowance comes back one link per 2 s, so a slow browser may need a few more.)
        IResponse? refused = null;
        for (var i = 0; i < 90 && refused?.Status != 429; i++)
        {
            refused = await page.GotoAsync(link);
        }
        Assert.Equal(429, refused!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("För många felaktiga länkar");
        await _browser.CheckPageAsync(page, "too-many-wrong-links");
        await third.CloseAsync();

        await AssertStoredAnswersAsync();
    }

    private async Task AssertStoredAnswersAsync()
    {
        await using var db = _app.Database.CreateContext();
        var response = await db.Responses.Include(r => r.Answers).SingleAsync();
        Assert.NotNull(response.SubmittedAt);
        var keys = await db.Questions.ToDictionaryAsync(q => q.Id, q => q.Key);
        var stored = response.Answers.OrderBy(a => a.QuestionId).ThenBy(a => a.Position)
            .Select(a => $"{keys[a.QuestionId]}={a.Code ?? a.Text}").ToList();
        Assert.Equal(
        [
            "f1=ja_helt_sakert",
            "f2=Kunskaps- och erfarenhetsutbyte med andra kommuner och regioner.",
            "f5=4",
            "f6=Vi tar fram en egen strategi för jämlik hälsa.",
            "f7=3",
            "f8=3",
            "f9=4",
            "framgangsfaktorer=Politiskt stöd och uthållighet.",
            "hinder=Bristande prioritering",
            "hinder=Resursbrist",
            "skl-stod=Fortsätt med Mötesplats social hållbarhet. <script>alert('x')</script>",
        ], stored);
    }

    /// <summary>Selects a radio button from the keyboard: focus it, press space.</summary>
    private static async Task ChooseAsync(IPage page, string selector)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator(selector)).ToBeCheckedAsync();
    }

    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Presses the page's main button with Enter and waits for where it leads.</summary>
    private async Task NextAsync(IPage page, string expectedUrl, bool expectToStay = false)
    {
        var button = page.Locator(".form-nav .button--primary");
        await button.FocusAsync();
        // Waits for the form's own post to be answered: when the page stays where it is, its address alone
        // cannot tell the answered page from the one before the post.
        var posted = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        try
        {
            await page.WaitForURLAsync(expectedUrl);
        }
        catch (TimeoutException e)
        {
            // Say what the post was answered with, what the browser shows and what the app printed.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 });
            throw new InvalidOperationException(
                $"After the post to {posted.Url} (answered {posted.Status} {await posted.HeaderValueAsync("location")}) the page at {page.Url} " +
                $"did not become {expectedUrl}; it shows:\n{shown}\nThe app printed:\n{_app.Output}", e);
        }
        if (!expectToStay)
        {
            await Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);
        }
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
