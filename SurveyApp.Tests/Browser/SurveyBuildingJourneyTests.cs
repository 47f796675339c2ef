using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An administrator builds a small survey in the editor with one question of each kind, opens a wave
/// for it, makes the survey's participant list from a workbook, invites its municipalities and e-mails
/// them the invitation through a mail server (one in the test); a respondent answers through the link in
/// the message received, a reminder goes to the others only, and the wave counts the response. axe-core
/// audits every page at desktop and phone width; screenshots go to TestResults/screenshots/survey-building.
/// </summary>
public sealed class SurveyBuildingJourneyTests : AdminBrowserTests
{
    private const string SurveyTitle = "Samverkan i praktiken";

    private readonly TestSmtpServer _smtp;

    public SurveyBuildingJourneyTests() : this(new TestSmtpServer())
    {
    }

    private SurveyBuildingJourneyTests(TestSmtpServer smtp)
        : base("survey-building", new Dictionary<string, string>(smtp.Settings()) { ["Mail:MessagesPerMinute"] = "600" }) => _smtp = smtp;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public Task AnAdminBuildsASurveyOpensAWaveAndSeesTheResponseCounted() => Browser.ExplainFailureAsync(App, AnAdminBuildsASurveyOpensAWaveAndSeesTheResponseCountedStepsAsync);

    private async Task AnAdminBuildsASurveyOpensAWaveAndSeesTheResponseCountedStepsAsync()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(App.BaseUrl + "/admin/enkater");
        // The page is live once its menu button is: from then on the link is followed within the live app.
        await Expect(page.Locator("button.staff-menu-button:not([disabled])")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skapa en ny enkät" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/enkater/ny");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ny enkät");
        await WaitForInteractivityAsync(page);
        await Browser.CheckPageAsync(page, "editor-new", fitsPhone: true);

        // Saving the empty survey shows every problem next to its field and in the summary.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Expect(page.Locator("#error-summary h2")).ToContainTextAsync("Enkäten sparades inte");
        await Expect(page.Locator("#f-title-fel")).ToHaveTextAsync("Fel: värde saknas");
        await Expect(page.Locator("#f-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.CheckPageAsync(page, "editor-errors", fitsPhone: true);
        await page.Locator("#error-summary").GetByRole(AriaRole.Link, new() { Name = "Titel: värde saknas", Exact = true }).ClickAsync();
        await Expect(page.Locator("#f-title")).ToBeFocusedAsync();

        await page.FillAsync("#f-title", SurveyTitle);
        await page.FillAsync("#f-key", "samverkan");
        string[] steps = ["Inte alls", "I låg grad", "I hög grad", "I mycket hög grad"];
        for (var i = 0; i < steps.Length; i++)
        {
            await page.FillAsync($"#f-scales-0-steps-{i}-label", steps[i]);
        }
        await page.FillAsync("#f-sections-0-title", "Samverkan");
        await page.FillAsync("#f-sections-0-questions-0-text", "Hur väl fungerar samverkan?");
        await page.CheckAsync("#f-sections-0-questions-0-required");

        await AddQuestionAsync(page, 0, 1, "Matris (påståenden på en skala)");
        await page.FillAsync("#f-sections-0-questions-1-text", "Hur väl samverkar ni med");
        await page.FillAsync("#f-sections-0-questions-1-items-0-code", "regionen");
        await page.FillAsync("#f-sections-0-questions-1-items-0-text", "Regionen");

        await AddQuestionAsync(page, 0, 2, "Ett val");
        await page.FillAsync("#f-sections-0-questions-2-text", "Finns en gemensam plan?");
        await FillOptionsAsync(page, "#f-sections-0-questions-2-options", ("ja", "Ja"), ("nej", "Nej"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till sektion" }).ClickAsync();
        await page.FillAsync("#f-sections-1-title", "Erfarenheter");
        await ChooseAsync(page, "#f-sections-1-questions-0-kind", "Flera val");
        await page.FillAsync("#f-sections-1-questions-0-text", "Inom vilka områden?");
        await FillOptionsAsync(page, "#f-sections-1-questions-0-options", ("skola", "Skola"), ("vard", "Vård"));

        await AddQuestionAsync(page, 1, 1, "Fritext");
        await page.FillAsync("#f-sections-1-questions-1-text", "Beskriv ett gott exempel.");
        await AddQuestionAsync(page, 1, 2, "Flera korta fritextsvar");
        await page.FillAsync("#f-sections-1-questions-2-text", "Nämn upp till tre hinder.");

        // The preview shows the second page as respondents will get it.
        await page.Locator(".editor-preview__pages").GetByRole(AriaRole.Button, new() { Name = "2", Exact = true }).ClickAsync();
        await Expect(page.Locator(".editor-preview h3")).ToHaveTextAsync("Erfarenheter");
        await Expect(page.Locator(".editor-preview #q-q4 legend")).ToContainTextAsync("Inom vilka områden?");
        await Expect(page.Locator(".editor-preview textarea")).ToHaveCountAsync(1);
        await Expect(page.Locator(".field__error")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Expect(page.Locator(".editor-status")).ToHaveTextAsync("Enkäten är sparad.");
        await page.WaitForURLAsync(new Regex("/admin/enkater/\\d+/redigera\\?sparad=ny$"));
        var editor = page.Url.Split('?')[0];
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Redigera {SurveyTitle}");
        await Browser.CheckPageAsync(page, "editor-saved", fitsPhone: true);

        await page.GotoAsync(App.BaseUrl + "/admin/enkater");
        await Expect(page.Locator($"tbody tr:has(strong:text-is('{SurveyTitle}'))")).ToContainTextAsync("samverkan");
        await Browser.CheckPageAsync(page, "surveys");

        await page.GetByRole(AriaRole.Link, new() { Name = "Omgångar" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await ChooseAsync(page, "#survey", SurveyTitle);
        await page.FillAsync("#name", "Första omgången");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgång" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Omgången Första omgången är skapad.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Första omgången", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/omgangar/\\d+/inbjudningar$"));
        // A new wave of a survey without a list says what to do next.
        await Expect(page.Locator(".no-invitees")).ToContainTextAsync("Ingen är inbjuden till omgången ännu.");
        await Browser.CheckPageAsync(page, "invitations-empty");
        var invitations = page.Url;

        // The survey's own participants: a list made for it, filled from a workbook as the network keeps it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/admin/deltagare");
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny lista" }).ClickAsync();
        await Expect(page.Locator("#list-name")).ToBeVisibleAsync();
        // The newest survey is offered first.
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync(SurveyTitle);
        await page.FillAsync("#list-name", "Nätverkets medlemmar");
        await Browser.CheckPageAsync(page, "participants-new-list");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Ny lista" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Listan Nätverkets medlemmar är skapad.");
        await Expect(page.Locator(".participants-page")).ToContainTextAsync("Importeras till listan Nätverkets medlemmar.");
        var workbook = Path.Combine(Path.GetTempPath(), $"medlemmar-{Guid.NewGuid():N}.xlsx");
        WriteMembers(workbook);
        await page.Locator("input[type=file]").SetInputFilesAsync(workbook);
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("5 deltagare importerades.");
        File.Delete(workbook);
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("1440");
        await Browser.CheckPageAsync(page, "participants-list", fitsPhone: true);

        // Inviting the list's municipalities only: the region is left out by its type.
        await page.GotoAsync(invitations);
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bjud in deltagare…" }).ClickAsync();
        await Expect(page.Locator(".invite-table tbody tr")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Typ" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "kommun", Exact = true }).ClickAsync();
        // A choice of several stays open until closed: a click beside it closes it.
        await page.Locator(".mud-dialog .mud-dialog-title").ClickAsync(new() { Force = true });
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Expect(page.Locator(".invite-table tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator(".invite-count")).ToHaveTextAsync("4 av 4 visade deltagare bjuds in.");
        await Browser.CheckPageAsync(page, "invite-dialog", fitsPhone: true);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Bjud in 4" }).ClickAsync());
        var links = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("Deltagare;Typ;Länk", links[0].TrimStart('\uFEFF'));
        Assert.Equal(5, links.Length);
        Assert.DoesNotContain(links, l => l.StartsWith("Region Halland;", StringComparison.Ordinal));
        var aleLink = links.Single(l => l.StartsWith("Ale kommun;", StringComparison.Ordinal)).Split(';')[^1];
        Assert.StartsWith(App.BaseUrl + "/s/", aleLink);
        await Expect(page.Locator(".invitations-grid tbody tr")).ToHaveCountAsync(4);
        await Browser.CheckPageAsync(page, "invitations");

        // The invitations go out by e-mail, each in its participant's language, with the same personal link.
        await page.GetByRole(AriaRole.Link, new() { Name = "E-post" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/omgangar/\\d+/utskick$"));
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await Expect(page.Locator(".mailing-grid tbody tr")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan till alla inbjudna" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("4 inbjudningar läggs i kön och skickas.");
        await page.Locator(".mud-dialog .confirm-button").ClickAsync();
        var invitationMails = await _smtp.WaitForAsync(4, TimeSpan.FromSeconds(60));
        Assert.Equal(["info@alingsas.se", "kansli@ale.se", "kommun@halmstad.se", "kommun@nykoping.se", "registrator@nykoping.se"],
            invitationMails.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        var ale = invitationMails.Single(m => m.EnvelopeTo.Contains("kansli@ale.se")).Message;
        Assert.Contains("Ale kommun", ale.TextBody ?? "");
        var halmstad = invitationMails.Single(m => m.EnvelopeTo.Contains("kommun@halmstad.se")).Message;
        Assert.Equal("Invitation to answer a survey", halmstad.Subject);
        var link = Regex.Match(ale.TextBody ?? "", Regex.Escape(App.BaseUrl) + @"/s/\S+").Value;
        Assert.Equal(aleLink, link);

        await AnswerAsync(link);

        // Each invitation's message is shown as sent; a reminder goes to the three who have not answered, not to Ale kommun.
        var mailing = page.Url;
        await page.ReloadAsync();
        await Expect(page.Locator(".staff-menu-button")).ToBeEnabledAsync();
        await Expect(page.Locator(".mailing-grid tbody tr:has-text('Ale kommun')")).ToContainTextAsync("Skickat");
        await Browser.CheckPageAsync(page, "mail-sent", fitsPhone: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Påminn dem som inte har svarat" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("3 påminnelser läggs i kön och skickas till dem som inte har svarat.");
        await page.Locator(".mud-dialog .confirm-button").ClickAsync();
        var reminders = (await _smtp.WaitForAsync(7, TimeSpan.FromSeconds(60))).Except(invitationMails).ToList();
        Assert.Equal(3, reminders.Count);
        Assert.DoesNotContain(reminders, m => m.EnvelopeTo.Contains("kansli@ale.se"));
        Assert.Contains(reminders, m => m.Message.Subject == "Reminder: the survey closes soon");
        Assert.Equal(mailing, page.Url);

        await page.GotoAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator("tbody tr:has(a:text-is('Första omgången'))")).ToContainTextAsync("1 av 4");
        await Browser.CheckPageAsync(page, "waves-counted");

        // Now that the survey has an answer, removing a question is refused with the reason …
        await page.GotoAsync(editor);
        await WaitForInteractivityAsync(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("Enkäten har svar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort frågan q3" }).ClickAsync();
        await Expect(page.Locator("#f-sections-0-questions").GetByRole(AriaRole.Button, new() { Name = "Lägg till fråga" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Expect(page.Locator("#refused-summary")).ToContainTextAsync("frågan 'q3' tas bort");
        await Expect(page.Locator("#refused-summary")).ToBeFocusedAsync();
        await Browser.CheckPageAsync(page, "editor-refused", fitsPhone: true);

        // … and saved as version 2 instead, while the first version keeps its wave and answer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).ClickAsync();
        await Expect(page.Locator(".editor-status")).ToHaveTextAsync("Sparad som version 2. Skapa en omgång för den nya versionen under Omgångar.");
        await Expect(page.Locator(".lead").First).ToHaveTextAsync("Version 2");
        Assert.Matches("/admin/enkater/\\d+/redigera\\?sparad=version$", page.Url);
        Assert.NotEqual(editor, page.Url.Split('?')[0]);

        // A wording fix to the first version is saved over it.
        await page.GotoAsync(editor);
        await WaitForInteractivityAsync(page);
        await page.FillAsync("#f-sections-0-questions-0-text", "Hur väl fungerar samverkan i dag?");

        // Leaving with the change unsaved asks first; staying keeps the change.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "← Alla enkäter" }).ClickAsync();
        Assert.Equal("Enkäten har ändringar som inte är sparade. Lämna sidan ändå?", await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(editor, page.Url);
        await Expect(page.Locator("#f-sections-0-questions-0-text")).ToHaveValueAsync("Hur väl fungerar samverkan i dag?");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Expect(page.Locator(".editor-status")).ToHaveTextAsync("Enkäten är sparad.");

        await page.GotoAsync(App.BaseUrl + "/admin/enkater");
        await Expect(page.Locator($"tbody tr:has(strong:text-is('{SurveyTitle}'))")).ToHaveCountAsync(2);
        await page.GotoAsync(App.BaseUrl + "/admin/omgangar");
        await Expect(page.Locator("tbody tr:has(a:text-is('Första omgången'))")).ToContainTextAsync("1 av 4");
        await page.GotoAsync(App.BaseUrl + "/admin/logg");
        await Expect(page.Locator("tbody")).ToContainTextAsync("Ny version av enkät");
    }

    /// <summary>A respondent answers every question through the link, reviews and submits.</summary>
    private async Task AnswerAsync(string link)
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync(SurveyTitle);
        await Browser.CheckPageAsync(page, "respondent-welcome");
        await page.GetByRole(AriaRole.Link, new() { Name = "Starta enkäten" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Samverkan");
        await page.GetByRole(AriaRole.Group, new() { Name = "Hur väl fungerar samverkan?" }).GetByLabel("I hög grad").CheckAsync();
        await page.Locator("#q-q2 input[type=radio]").Nth(3).CheckAsync();
        await page.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await Browser.CheckPageAsync(page, "respondent-page-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och fortsätt" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Erfarenheter");
        await page.GetByLabel("Skola").CheckAsync();
        await page.GetByLabel("Vård").CheckAsync();
        await page.Locator("#q-q5-group textarea").FillAsync("Gemensam <script>alert(1)</script> plan");
        await page.Locator("#q-q6 input").First.FillAsync("Tid");
        await Browser.CheckPageAsync(page, "respondent-page-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och granska svaren" }).ClickAsync();

        await Expect(page.Locator("main")).ToContainTextAsync("Gemensam <script>alert(1)</script> plan");
        await Browser.CheckPageAsync(page, "respondent-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in svaren" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för dina svar!");
        await Browser.CheckPageAsync(page, "respondent-thank-you");
        await context.CloseAsync();
    }

    private static async Task AddQuestionAsync(IPage page, int section, int index, string kind)
    {
        await page.Locator($"#f-sections-{section}-questions").GetByRole(AriaRole.Button, new() { Name = "Lägg till fråga" }).ClickAsync();
        await ChooseAsync(page, $"#f-sections-{section}-questions-{index}-kind", kind);
    }

    /// <summary>Picks a choice from the select whose value input has the id, and sees it shown as chosen.</summary>
    private static async Task ChooseAsync(IPage page, string select, string choice)
    {
        var box = page.Locator($"{select} + [role=combobox]");
        await SelectChoice.ChooseAsync(box, choice);
        await Expect(box).ToHaveTextAsync(choice);
    }

    private static async Task FillOptionsAsync(IPage page, string list, params (string Code, string Label)[] options)
    {
        for (var i = 0; i < options.Length; i++)
        {
            await page.FillAsync($"{list}-{i}-code", options[i].Code);
            await page.FillAsync($"{list}-{i}-label", options[i].Label);
        }
    }

    /// <summary>The editor marks itself ready once its first interactive render is done.</summary>
    private static Task WaitForInteractivityAsync(IPage page) =>
        Expect(page.Locator(".editor-layout[data-ready]")).ToHaveCountAsync(1);

    /// <summary>A member list as a network keeps it in Excel: Swedish headings, codes with leading zeros kept as text, addresses and language.</summary>
    private static void WriteMembers(string path)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Medlemmar");
        string[][] rows =
        [
            ["Kod", "Namn", "Typ", "Län", "E-post", "Språk"],
            ["1440", "Ale kommun", "kommun", "Västra Götaland", "kansli@ale.se", "sv"],
            ["1489", "Alingsås kommun", "kommun", "Västra Götaland", "info@alingsas.se", ""],
            ["0480", "Nyköpings kommun", "kommun", "Södermanland", "kommun@nykoping.se; registrator@nykoping.se", "svenska"],
            ["1380", "Halmstads kommun", "kommun", "Halland", "kommun@halmstad.se", "en"],
            ["13", "Region Halland", "region", "Halland", "region@halland.se", "sv"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]).DataType = ClosedXML.Excel.XLDataType.Text;
            }
        }
        workbook.SaveAs(path);
    }
}
