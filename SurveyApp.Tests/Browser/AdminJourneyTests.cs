using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An administrator looks at the surveys, adds, finds, deactivates and erases a participant, creates a wave, closes it, makes a follow-up,
/// gives a new link, imports responses, creates an analyst account, promotes and deactivates it, and reads and filters the audit log. axe-core audits
/// every page at desktop and phone width; screenshots go to TestResults/screenshots/admin.
/// </summary>
public sealed class AdminJourneyTests() : AdminBrowserTests("admin")
{
    [Fact]
    public Task AdminManagesWavesAndAccountsAndReadsTheLog() => Browser.ExplainFailureAsync(App, AdminManagesWavesAndAccountsAndReadsTheLogStepsAsync);

    private async Task AdminManagesWavesAndAccountsAndReadsTheLogStepsAsync()
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
        // Erasing its data asks for its name, typed exactly, before the button works; it then leaves the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Radera uppgifter om Gotlands kommun…" }).ClickAsync();
        var erase = page.GetByRole(AriaRole.Dialog);
        await Expect(erase.Locator("h2")).ToHaveTextAsync("Radera uppgifterna om Gotlands kommun?");
        await Expect(erase).ToContainTextAsync("Inbjudningar (länkarna slutar fungera): 0");
        var eraseButton = erase.GetByRole(AriaRole.Button, new() { Name = "Radera för alltid" });
        await Expect(eraseButton).ToBeDisabledAsync();
        await erase.Locator("#participant-erase-name").FillAsync("gotlands kommun");
        await Expect(eraseButton).ToBeDisabledAsync();
        await erase.Locator("#participant-erase-name").FillAsync("Gotlands kommun");
        await Expect(eraseButton).ToBeEnabledAsync();
        await MessagesGoneAsync(page);
        await Browser.CheckPageAsync(page, "participants-erase-dialog", fitsPhone: true);
        await eraseButton.ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Uppgifterna om Gotlands kommun är raderade.");
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Inga deltagare matchar.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Omgångar" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Omgångar");
        await WaitForInteractivityAsync(page);
        await Browser.CheckPageAsync(page, "waves");
        await page.FillAsync("#name", "Uppföljning 2027");
        await page.FillAsync("#opens-date", "2027-01-10");
        await page.PressAsync("#opens-date", "Tab");
        await page.FillAsync("#opens-time", "08:00");
        await page.PressAsync("#opens-time", "Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgång" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Omgången Uppföljning 2027 är skapad.");
        var wave = page.Locator("tbody tr:has(a:text-is('Uppföljning 2027'))");
        await Expect(wave).ToContainTextAsync("Utanför datumen");
        await Expect(wave).ToContainTextAsync("2027-01-10 08:00 – …");
        // Closing asks first; the dialog's own button closes the wave.
        await wave.GetByRole(AriaRole.Button, new() { Name = "Stäng Uppföljning 2027" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog h2")).ToHaveTextAsync("Stänga omgången Uppföljning 2027?");
        await Browser.CheckPageAsync(page, "waves-close-dialog");
        await page.Locator(".mud-dialog .confirm-button").ClickAsync();
        await Expect(wave).ToContainTextAsync("Stängd");
        await Browser.CheckPageAsync(page, "waves-changed");

        // A follow-up is named in a dialog; its links come as a download once and the wave is listed at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa uppföljning av Uppföljning december 2013" }).ClickAsync();
        await page.FillAsync("#follow-up-name", "Uppföljning 2014");
        await Browser.CheckPageAsync(page, "waves-follow-up-dialog");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Skapa och ladda ner länkar" }).ClickAsync());
        var links = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("Deltagare;Typ;Länk", links[0].TrimStart('\uFEFF'));
        Assert.Equal(21, links.Length);
        Assert.StartsWith(App.BaseUrl + "/s/", links[1].Split(';')[^1]);
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Uppföljningen Uppföljning 2014 skapades: 20 länkar laddades ner.");
        await Expect(page.Locator("tbody tr:has(a:text-is('Uppföljning 2014'))")).ToContainTextAsync("0 av 20");

        await page.GetByRole(AriaRole.Link, new() { Name = "Uppföljning december 2013" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/inbjudningar");
        var arvika = page.Locator("tbody tr:has(td:text-is('Arvika kommun'))");
        await Expect(arvika).ToContainTextAsync("Inte påbörjad");
        await Browser.CheckPageAsync(page, "invitations");
        await arvika.GetByRole(AriaRole.Button, new() { Name = "Ny länk för Arvika kommun" }).ClickAsync();
        await page.Locator(".mud-dialog .confirm-button").ClickAsync();
        await Expect(page.Locator("#new-link")).ToHaveValueAsync(new Regex("^" + Regex.Escape(App.BaseUrl + "/s/")));
        await Browser.CheckPageAsync(page, "invitations-new-link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klar" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await page.FillAsync("#name-filter", "örebro");
        await Expect(page.Locator("tbody tr:has(td:text-is('Örebro kommun'))")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr:has(td:text-is('Arvika kommun'))")).ToHaveCountAsync(0);
        await Browser.CheckPageAsync(page, "invitations-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Importera svar (CSV, Excel)" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera", Exact = true }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Välj en CSV- eller Excel-fil att importera.");
        await Browser.CheckPageAsync(page, "import");
        var wrong = Path.Combine(Path.GetTempPath(), $"svar-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(wrong, "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod\n"
            + "Ingen sådan kommun,nej,,,,4,Strategi,3,3,4,Stöd,Prioritering,,,\n"
            + "Botkyrka kommun,kanske,,,,4,Strategi,3,3,4,Stöd,Prioritering,,,\n");
        await page.Locator("input[type=file]").SetInputFilesAsync(wrong);
        await Expect(page.Locator(".import-file")).ToContainTextAsync(Path.GetFileName(wrong));
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera", Exact = true }).ClickAsync();
        await Expect(page.Locator("#error-summary tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#error-summary tbody tr").Nth(1)).ToContainTextAsync("kanske");
        File.Delete(wrong);
        await Browser.CheckPageAsync(page, "import-problems", fitsPhone: true);
        var file = Path.Combine(Path.GetTempPath(), $"svar-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod\n"
            + "Botkyrka kommun,nej,,,,4,Strategi,3,3,4,Stöd,Prioritering,,,\n");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(file);
        await Expect(page.Locator(".import-file")).ToContainTextAsync(Path.GetFileName(file));
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera", Exact = true }).ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync("1 svar importerades.");
        File.Delete(file);
        await Browser.CheckPageAsync(page, "import-done");
        await page.GetByRole(AriaRole.Link, new() { Name = "Till inbjudningarna" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar/1/inbjudningar");
        await Expect(page.Locator("tbody tr:has(td:text-is('Botkyrka kommun'))")).ToContainTextAsync("Inskickad");
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
        await SelectChoice.ChooseAsync(row.Locator(".role-select [role=combobox]"), "Administratör");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ändra roll" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("ny@example.se har nu rollen Administratör.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stäng av ny@example.se" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();
        await Expect(page.Locator("tbody tr:has-text('ny@example.se')")).ToContainTextAsync("Avstängt");
        await MessagesGoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Logg" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/logg");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Konto avstängt");
        await Expect(page.Locator("tbody tr:has-text('Deltagares uppgifter raderade')")).ToContainTextAsync("Svar: 0, svarsvärden: 0, inbjudningar: 0");
        await Expect(page.Locator("tbody")).Not.ToContainTextAsync("Gotlands kommun");
        await Browser.CheckPageAsync(page, "audit-log", fitsPhone: true);
        await SelectChoice.ChooseAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Vad" }), "Roll ändrad");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("Analytiker → Administratör");
        await Browser.CheckPageAsync(page, "audit-log-filtered", fitsPhone: true);

        // By keyboard: the pickers' open buttons are reached by Tab.
        await page.GetByRole(AriaRole.Link, new() { Name = "Omgångar" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");
        await WaitForInteractivityAsync(page);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Uppföljning december 2013");
        await page.Locator("#opens-date").PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Välj dag då omgången öppnar" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-picker-popover-paper, .mud-picker-paper").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
        await Browser.CheckPageAsync(page, "waves-date-picker");
        await page.Keyboard.PressAsync("Escape");

        // More participants than a page holds: the sort buttons name their columns; the focus stays on the pager when the
        // next page button is disabled on the last page; on a phone the new page is shown from its top.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/deltagare");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(20);
        var more = Path.Combine(Path.GetTempPath(), $"deltagare-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(more, "name,type\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"Provkommun {i},kommun\n")));
        await page.Locator("input[type=file]").SetInputFilesAsync(more);
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("10 deltagare importerades.");
        File.Delete(more);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sortera efter Namn" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sortera efter Typ" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(5);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Föregående sida" })).ToBeFocusedAsync();
        await BrowserSession.ResizeAsync(page, BrowserSession.Phone);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(25);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" }).ScrollIntoViewIfNeededAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(5);
        await page.WaitForFunctionAsync("""
            () => {
                const top = document.querySelector('.mud-data-grid').getBoundingClientRect().top;
                return top >= document.querySelector('.mud-appbar').getBoundingClientRect().bottom && top < window.innerHeight / 2;
            }
            """, null, new() { Timeout = 10_000 });

        // On a phone Escape puts the drawer away and gives the focus back to the menu button.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Meny" });
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg" }).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();
    }

    /// <summary>Waits until the messages of earlier actions have faded out: axe would measure their contrast half-way.</summary>
    private static Task MessagesGoneAsync(IPage page) =>
        Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

    /// <summary>The staff frame's menu button comes alive with the page's circuit.</summary>
    private static Task WaitForInteractivityAsync(IPage page) => Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
}
