using Microsoft.Playwright;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// A browser journey of an administrator: the app runs as its own process with a fresh database and
/// one admin account; <see cref="SignedInPageAsync"/> gives a page signed in as that admin.
/// </summary>
public abstract class AdminBrowserTests(string journey) : IAsyncLifetime
{
    protected const string Email = "admin@example.se";

    protected AppProcess App { get; } = new();

    protected BrowserSession Browser { get; private set; } = default!;

    private string _password = "";

    public async Task InitializeAsync()
    {
        var output = await App.RunCommandAsync("create-staff", Email, "admin");
        _password = AppProcess.PasswordFrom(output);
        await App.StartAsync();
        Browser = await BrowserSession.LaunchAsync(journey);
    }

    public async Task DisposeAsync()
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
        await page.WaitForURLAsync(App.BaseUrl + "/resultat", new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
