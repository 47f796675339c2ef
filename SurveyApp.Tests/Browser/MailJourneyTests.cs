using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An administrator opens a wave's e-mail page from its invitations, previews the invitation, asks to send it and sees the
/// count, and sees each invitee's state. axe-core audits every state at desktop and phone width; screenshots go to
/// TestResults/screenshots/mail.
/// </summary>
public sealed class MailJourneyTests() : AdminBrowserTests("mail")
{
    [Fact]
    public Task AdminPreviewsAndSendsTheInvitation() => Browser.ExplainFailureAsync(App, AdminPreviewsAndSendsTheInvitationStepsAsync);

    private async Task AdminPreviewsAndSendsTheInvitationStepsAsync()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(App.BaseUrl + "/admin/omgangar/1/inbjudningar");
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "E-post" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/utskick");
        await Expect(page.Locator("h1")).ToHaveTextAsync("E-post: Uppföljning december 2013");
        await Expect(page.Locator(".mailing-pickup")).ToContainTextAsync(".eml-filer");
        await Expect(page.Locator(".mailing-grid tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await Browser.CheckPageAsync(page, "mail", fitsPhone: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mailing-preview-body")).ToContainTextAsync("Hej Exempel kommun!");
        await Browser.CheckPageAsync(page, "mail-preview", fitsPhone: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan till alla inbjudna" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("20 inbjudningar läggs i kön och skickas. 20 av dem saknar e-postadress");
        await Browser.CheckPageAsync(page, "mail-confirm");
        await page.Locator(".mud-dialog .confirm-button").ClickAsync();
        await Expect(page.Locator("tbody tr:has(td:text-is('Arvika kommun'))")).ToContainTextAsync("ingen e-postadress");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Browser.CheckPageAsync(page, "mail-sent", fitsPhone: true);
    }
}
