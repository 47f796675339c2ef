using Microsoft.Playwright;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// A browser journey of an administrator: the app runs as its own process with a fresh database and
/// one admin account; <see cref="SignedInPageAsync"/> gives a page signed in as that admin.
/// </summary>
public abstract class AdminBrowserTests(string journey, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    protected const string Email = "admin@example.se";

    protected AppProcess App { get; } = new(settings: settings);

    protected BrowserSession Browser { get; private set; } = default!;

    private string _password = "";

    public async Task InitializeAsync()
    {
        var output = await App.RunCommandAsync("create-staff", Email, "admin");
        _password = AppProcess.PasswordFrom(output);
        await App.StartAsync();
        Browser = await BrowserSession.LaunchAsync(journey);
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }

    protected async Task<IPage> SignedInPageAsync()
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/logga-in");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", _password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        try
        {
            // Polls the address, so a redirect that has already arrived counts as well as one still coming.
            await Assertions.Expect(page).ToHaveURLAsync(App.BaseUrl + "/resultat");
        }
        catch (PlaywrightException e)
        {
            // Say what the browser shows and what the app printed, so that a failed sign-in can be told apart from a slow one.
            var shown = await page.Locator("body").InnerTextAsync();
            throw new InvalidOperationException($"Sign-in did not reach /resultat; the page at {page.Url} shows:\n{shown}\nThe app printed:\n{App.Output}", e);
        }
        return page;
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
