using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An administrator looks at the surveys, adds, finds and deactivates a participant, creates a wave, closes it, creates an analyst account,
/// promotes and deactivates it, and reads and filters the audit log. axe-core audits
/// every page at desktop and phone width; screenshots go to TestResults/screenshots/admin.
/// </summary>
public sealed class AdminJourneyTests() : AdminBrowserTests("admin")
{
    [Fact]
    public async Task AdminManagesWavesAndAccountsAndReadsTheLog()
    {
        var page = await SignedInPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Enkäter" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/enkater");
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Uppföljning av Samling för social hållbarhet");
        await Browser.CheckPageAsync(page, "surveys");

        await page.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/deltagare");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(20);
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Ny deltagare" });
        await Expect(add).ToBeEnabledAsync();
        await add.ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await form.Locator("#participant-name").FillAsync("Gotlands kommun");
        await form.Locator("#participant-type").FillAsync("kommun");
        await form.Locator("#participant-type").PressAsync("Tab");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Gotlands kommun är tillagd.");
        await page.Locator("#participant-search").FillAsync("gotland");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Gotlands kommun");
        await MessagesGoneAsync(page);
        await Browser.CheckPageAsync(page, "participants", fitsPhone: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stäng av Gotlands kommun" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Avstängd");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Gotlands kommun är avstängd.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Omgångar" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Omgångar");
        await Browser.CheckPageAsync(page, "waves");
        await page.FillAsync("#name", "Uppföljning 2027");
        await page.FillAsync("#opens", "2027-01-10T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgång" }).ClickAsync();
        await Expect(page.Locator("main [role=status]")).ToContainTextAsync("Omgången Uppföljning 2027 är skapad.");
        var wave = page.Locator("tr:has(th:has-text('Uppföljning 2027'))");
        await Expect(wave).ToContainTextAsync("Utanför datumen");
        await wave.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        await Expect(page.Locator("tr:has(th:has-text('Uppföljning 2027'))")).ToContainTextAsync("Stängd");
        await Browser.CheckPageAsync(page, "waves-changed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Uppföljning december 2013" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/inbjudningar");
        var arvika = page.Locator("tr:has(th:text-is('Arvika kommun'))");
        await Expect(arvika).ToContainTextAsync("Inte påbörjad");
        await arvika.GetByRole(AriaRole.Button, new() { Name = "Ny länk" }).ClickAsync();
        await Expect(page.Locator("code.link")).ToContainTextAsync(App.BaseUrl + "/s/");
        await Browser.CheckPageAsync(page, "invitations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera svar (CSV)" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Välj en CSV-fil att importera.");
        await Browser.CheckPageAsync(page, "import");
        await page.GetByRole(AriaRole.Link, new() { Name = "Till inbjudningarna" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/inbjudningar");
        await page.GetByRole(AriaRole.Link, new() { Name = "Till omgångarna" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");

        await page.GetByRole(AriaRole.Link, new() { Name = "Personal" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/personal");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Personal");
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" });
        await Expect(create).ToBeEnabledAsync();
        await Browser.CheckPageAsync(page, "staff", fitsPhone: true);

        await page.FillAsync("#new-email", "ny@example.se");
        await create.ClickAsync();
        var created = page.GetByRole(AriaRole.Dialog);
        await Expect(created).ToContainTextAsync("Kontot ny@example.se är skapat");
        await Expect(created.Locator("code.password")).ToHaveTextAsync(new Regex("^[A-Za-z2-9]{20}$"));
        await MessagesGoneAsync(page);
        await Browser.CheckPageAsync(page, "staff-created");
        await created.GetByRole(AriaRole.Button, new() { Name = "Klart" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        var row = page.Locator("tbody tr:has-text('ny@example.se')");
        await Expect(row).ToContainTextAsync("Analytiker");
        await row.Locator(".role-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Administratör" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ändra roll" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("ny@example.se har nu rollen Administratör.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stäng av ny@example.se" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();
        await Expect(page.Locator("tbody tr:has-text('ny@example.se')")).ToContainTextAsync("Avstängt");
        await MessagesGoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Logg" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/logg");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(8);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Konto avstängt");
        await Browser.CheckPageAsync(page, "audit-log", fitsPhone: true);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Vad" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Roll ändrad" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Analytiker → Administratör");
        await Browser.CheckPageAsync(page, "audit-log-filtered", fitsPhone: true);
    }

    /// <summary>Waits until the messages of earlier actions have faded out: axe would measure their contrast half-way.</summary>
    private static Task MessagesGoneAsync(IPage page) =>
        Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
}
