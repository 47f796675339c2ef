using Bunit;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>The wave's e-mail page: texts with their checks and preview, sending with a confirmation, the state grid, resending, the schedule.</summary>
public sealed class MailingPageTests : WavePagesContext
{
    private IRenderedComponent<MailingPage> RenderPage(int waveId = 1)
    {
        var cut = Context.Render<MailingPage>(ps => ps.Add(p => p.WaveId, waveId));
        if (waveId == 1) cut.WaitForAssertion(() => Assert.Equal(20, Rows(cut).Count));
        return cut;
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<MailingPage> cut) =>
        [.. cut.FindAll(".mailing-grid tbody tr").Where(r => r.QuerySelectorAll("td").Length > 1)];

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MailingPage> cut, string participant) =>
        Rows(cut).Single(r => r.QuerySelector("td")!.TextContent.Trim() == participant);

    private static void Click(IRenderedComponent<MailingPage> cut, string selector) =>
        cut.WaitForAssertion(() =>
        {
            var button = cut.Find(selector);
            Assert.False(button.HasAttribute("disabled"));
            button.Click();
        });

    private async Task SetEmailAsync(string participant, string email)
    {
        await using var db = App.CreateDbContext();
        await db.Participants.Where(p => p.Name == participant).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, email));
    }

    [Fact]
    public void ThePageSaysWhereMessagesGoWithoutAServerAndListsEveryInvitee()
    {
        var cut = RenderPage();

        Assert.Equal("E-post: Uppföljning december 2013", cut.Find("h1").TextContent);
        var notice = System.Net.WebUtility.HtmlDecode(cut.Find(".mailing-pickup").TextContent);
        Assert.Contains(".eml-filer i " + Path.Combine(App.Folder, "mail"), notice, StringComparison.Ordinal);
        Assert.Equal("Meddelanden per inbjudan", cut.Find(".mailing-grid table").GetAttribute("aria-label"));
        Assert.Contains("Ingen adress", Row(cut, "Arvika kommun").TextContent);
        Assert.Contains("Inget skickat", Row(cut, "Arvika kommun").TextContent);
        Assert.Equal("Inbjudan att svara på en enkät", cut.Find("#text-subject").GetAttribute("value"));
        Assert.NotEmpty(cut.FindAll(".mailing-default"));
    }

    [Fact]
    public void TheInvitationsPageLinksHere()
    {
        var cut = Context.Render<InvitationsPage>(ps => ps.Add(p => p.WaveId, 1));

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/admin/omgangar/1/utskick" && a.TextContent.Contains("E-post")));
    }

    [Fact]
    public async Task ATextWithAnUnknownFieldIsRefusedAtTheFieldAndAValidOneIsSavedAndAudited()
    {
        var cut = RenderPage();

        cut.Find("#text-body").Change("Hej {namnet}! {länk}");
        Click(cut, "button.save-text");

        cut.WaitForAssertion(() => Assert.Contains("Okänt fält {namnet}.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(await ReadAsync(db => db.WaveMessageTexts.ToListAsync()));
        Assert.Empty(await AuditAsync());

        cut.Find("#text-body").Change("Hej {namn}! Utan länk.");
        Click(cut, "button.save-text");
        cut.WaitForAssertion(() => Assert.Contains("Texten måste innehålla {länk}", cut.Markup, StringComparison.Ordinal));

        cut.Find("#text-subject").Change("Vår enkät till {namn}");
        cut.Find("#text-body").Change("Hej {namn}!\n\nSvara här: {länk}\n\n{avsändare}");
        Click(cut, "button.save-text");

        AssertSnackbar("Texten har sparats.");
        var saved = Assert.Single(await ReadAsync(db => db.WaveMessageTexts.ToListAsync()));
        Assert.Equal((MessageKind.Invitation, "sv", "Vår enkät till {namn}"), (saved.Kind, saved.Language, saved.Subject));
        Assert.Equal([AuditActions.MailTextsChanged], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public void ThePreviewFillsInTheFieldsWithAStandInLink()
    {
        var cut = RenderPage();

        Click(cut, "button.preview-text");

        cut.WaitForAssertion(() => Assert.Equal("Inbjudan att svara på en enkät", cut.Find(".mailing-preview-subject").TextContent));
        var body = cut.Find(".mailing-preview-body").TextContent;
        Assert.StartsWith("Hej Exempel kommun!", body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/s/…", body, StringComparison.Ordinal);
        Assert.Contains("SurveyApp", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnglishTextIsEditedApart()
    {
        var cut = RenderPage();

        await cut.InvokeAsync(() => cut.FindComponents<MudBlazor.MudSelect<string>>().Single().Instance.ValueChanged.InvokeAsync("en"));

        cut.WaitForAssertion(() => Assert.Equal("Invitation to answer a survey", cut.Find("#text-subject").GetAttribute("value")));
    }

    [Fact]
    public async Task SendingAsksWithTheCountAndListsEachInviteesStateWithResendForFailedOnes()
    {
        await SetEmailAsync("Arvika kommun", "kansli@arvika.test");
        await using (var db = App.CreateDbContext())
        {
            // An invitation from before e-mail sending: the confirmation says it gets a new link.
            await db.Invitations.Where(i => i.Participant!.Name == "Eskilstuna kommun").ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, (string?)null));
        }
        var cut = RenderPage();

        Click(cut, "button.send-invitations");
        Providers.WaitForAssertion(() => Assert.Contains("20 inbjudningar läggs i kön och skickas. 19 av dem saknar e-postadress", Providers.Markup, StringComparison.Ordinal));
        Assert.Contains("1 av dem har en länk från tiden före e-postutskicken: de får en ny länk, och den gamla slutar fungera.", Providers.Markup, StringComparison.Ordinal);
        AnswerDialog(confirm: false);
        Assert.Empty(await ReadAsync(db => db.Outbox.ToListAsync()));

        Click(cut, "button.send-invitations");
        AnswerDialog(confirm: true);

        AssertSnackbar("1 meddelanden har lagts i kön.");
        Assert.Equal(20, await ReadAsync(db => db.Outbox.CountAsync()));
        Assert.Equal([AuditActions.MailQueued], (await AuditAsync()).Select(e => e.Action));
        cut.WaitForAssertion(() => Assert.Contains("ingen e-postadress", Row(cut, "Botkyrka kommun").TextContent));
        Assert.Contains("Misslyckades", Row(cut, "Botkyrka kommun").TextContent);

        await SetEmailAsync("Botkyrka kommun", "kansli@botkyrka.test");
        Click(cut, "button[aria-label='Skicka igen till Botkyrka kommun']");

        AssertSnackbar("Meddelandet till Botkyrka kommun har lagts i kön igen.");
        var resent = await ReadAsync(db => db.Outbox.SingleAsync(m => m.Invitation!.Participant!.Name == "Botkyrka kommun"));
        Assert.Contains(resent.State, new[] { OutboxState.Queued, OutboxState.Sending, OutboxState.Sent });
        Assert.Equal("kansli@botkyrka.test", resent.Recipients);
        Assert.Equal([AuditActions.MailQueued, AuditActions.MailResent], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task TheReminderScheduleTakesWholeDaysAndRefusesAnythingElse()
    {
        var cut = RenderPage();

        cut.Find("#reminder-days").Change("sju");
        Click(cut, "button.save-schedule");
        cut.WaitForAssertion(() => Assert.Contains("Skriv hela dagar från 1 till 365", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(await ReadAsync(db => db.ReminderSchedules.ToListAsync()));

        cut.Find("#reminder-days").Change("2, 7");
        Click(cut, "button.save-schedule");

        AssertSnackbar("Påminnelseschemat har sparats.");
        Assert.Equal("7, 2", (await ReadAsync(db => db.ReminderSchedules.SingleAsync())).DaysBeforeClosing);
        Assert.Equal([AuditActions.MailScheduleChanged], (await AuditAsync()).Select(e => e.Action));
    }
}
