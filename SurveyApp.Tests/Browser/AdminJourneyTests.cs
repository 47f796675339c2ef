using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An administrator looks at the surveys, creates a wave, closes it, creates an analyst account, deactivates it, and reads the audit log. axe-core audits
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
        await page.FillAsync("#new-name", "Gotlands kommun");
        await page.FillAsync("#new-type", "kommun");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Gotlands kommun är tillagd.");
        await Browser.CheckPageAsync(page, "participants");

        await page.GetByRole(AriaRole.Link, new() { Name = "Omgångar" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Omgångar");
        await Browser.CheckPageAsync(page, "waves");
        await page.FillAsync("#name", "Uppföljning 2027");
        await page.FillAsync("#opens", "2027-01-10T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgång" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Omgången Uppföljning 2027 är skapad.");
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
        await Browser.CheckPageAsync(page, "staff");

        await page.FillAsync("#new-email", "ny@example.se");
        await page.SelectOptionAsync("#new-role", "analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Kontot ny@example.se är skapat");
        await Expect(page.Locator("code.password")).ToHaveTextAsync(new Regex("^[A-Za-z2-9]{20}$"));
        await Browser.CheckPageAsync(page, "staff-created");

        var row = page.Locator("tr:has(th:text-is('ny@example.se'))");
        await row.GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();
        await Expect(page.Locator("tr:has(th:text-is('ny@example.se'))")).ToContainTextAsync("Avstängt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Logg" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/logg");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Konto avstängt");
        await Browser.CheckPageAsync(page, "audit-log");
    }
}
