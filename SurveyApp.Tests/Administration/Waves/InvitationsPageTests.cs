using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Responding;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

public sealed class InvitationsPageTests : WavePagesContext
{
    private IRenderedComponent<InvitationsPage> RenderPage(int waveId = 1)
    {
        var cut = Context.Render<InvitationsPage>(ps => ps.Add(p => p.WaveId, waveId));
        if (waveId == 1) cut.WaitForAssertion(() => Assert.Equal(20, Rows(cut).Count));
        return cut;
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<InvitationsPage> cut) =>
        [.. cut.FindAll(".invitations-grid tbody tr").Where(r => r.QuerySelectorAll("td").Length > 1)];

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<InvitationsPage> cut, string participant) =>
        Rows(cut).Single(r => r.QuerySelector("td")!.TextContent.Trim() == participant);

    [Fact]
    public void TheGridListsEveryParticipantWithStatusAndActionsForUsableLinks()
    {
        var cut = RenderPage();

        Assert.Equal("Inbjudningar: Uppföljning december 2013", cut.Find("h1").TextContent);
        Assert.Equal("Deltagare och deras länkar", cut.Find(".invitations-grid table").GetAttribute("aria-label"));
        // Status, never a time: the exports list responses in the order they were started (docs/privacy.md).
        Assert.Equal(["Deltagare", "Typ", "Status", "Åtgärd"], cut.FindAll(".invitations-grid thead th").Select(th => th.TextContent.Trim()));
        Assert.Contains("Inte påbörjad", Row(cut, "Arvika kommun").TextContent);
        Assert.NotNull(Row(cut, "Arvika kommun").QuerySelector("button[aria-label='Ny länk för Arvika kommun']"));
        Assert.Equal("/admin/omgangar/1/ej-svarat.csv", cut.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public void AnUnknownWaveSaysItIsNotFound()
    {
        var cut = RenderPage(99);

        cut.WaitForAssertion(() => Assert.Equal("Sidan finns inte", cut.Find("h1").TextContent));
        Assert.Empty(cut.FindAll(".invitations-grid"));
    }

    [Fact]
    public async Task TheNameFilterAsksTheDatabaseForMatchingRows()
    {
        var cut = RenderPage();

        cut.Find("#name-filter").Input("örebro");

        cut.WaitForAssertion(() => Assert.Equal(["Örebro kommun", "Örebro läns landsting"], Rows(cut).Select(r => r.QuerySelector("td")!.TextContent.Trim())));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ANewLinkIsGivenOnlyAfterConfirmingAndShownOnce()
    {
        var cut = RenderPage();

        ClickWhenReady(cut, "button[aria-label='Ny länk för Arvika kommun']");
        AnswerDialog(confirm: false);
        Assert.Empty(await AuditAsync());

        ClickWhenReady(cut, "button[aria-label='Ny länk för Arvika kommun']");
        AnswerDialog(confirm: true);

        Providers.WaitForAssertion(() => Assert.StartsWith("http://localhost/s/", Providers.Find("#new-link").GetAttribute("value")));
        var token = new Uri(Providers.Find("#new-link").GetAttribute("value")!).AbsolutePath["/s/".Length..];
        AssertSnackbar("Arvika kommun har fått en ny länk.");
        var hash = await ReadAsync(db => db.Invitations.Where(i => i.Participant!.Name == "Arvika kommun").Select(i => i.TokenHash).SingleAsync());
        Assert.Equal(InvitationToken.Hash(token), hash);
        Assert.Equal([AuditActions.InvitationReissued], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AWithdrawnLinkShowsAsWithdrawnWithoutActions()
    {
        var cut = RenderPage();

        ClickWhenReady(cut, "button[aria-label='Dra tillbaka länken för Botkyrka kommun']");
        AnswerDialog(confirm: true);

        cut.WaitForAssertion(() => Assert.Contains("Tillbakadragen", Row(cut, "Botkyrka kommun").TextContent));
        Assert.Empty(Row(cut, "Botkyrka kommun").QuerySelectorAll("button"));
        AssertSnackbar("Länken för Botkyrka kommun är tillbakadragen.");
        Assert.Equal([AuditActions.InvitationRevoked], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task TheInviteDialogOffersTheWavesListAndInvitesOnlyWhoIsTicked()
    {
        AcceptDownloads();
        var cut = RenderPage();
        foreach (var participant in new[] { "Botkyrka kommun", "Göteborgs stad" })
        {
            ClickWhenReady(cut, $"button[aria-label='Dra tillbaka länken för {participant}']");
            AnswerDialog(confirm: true);
            cut.WaitForAssertion(() => Assert.Contains("Tillbakadragen", Row(cut, participant).TextContent));
        }

        ClickWhenEnabled(cut, "Bjud in deltagare");
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".invite-table tbody tr")));
        // Everyone of the list is shown; only the two without a usable link can be ticked, and both are.
        Assert.Equal(20, Providers.FindAll(".invite-table tbody tr").Count);
        Assert.Equal(2, Providers.FindAll(".invite-table input[type=checkbox]").Count);
        Assert.Equal(18, Providers.FindAll(".invite-table .invite-state").Count);
        Assert.Contains("2 av 20 visade deltagare bjuds in.", Providers.Find(".invite-count").TextContent);
        var göteborg = await ReadAsync(db => db.Participants.SingleAsync(p => p.Name == "Göteborgs stad"));
        Providers.Find($"#invite-{göteborg.Id}").Change(false);
        Providers.WaitForAssertion(() => Assert.Contains("1 av 20", Providers.Find(".invite-count").TextContent));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Bjud in 1").Click();

        cut.WaitForAssertion(() => Assert.Single(Downloaded));
        var (fileName, text) = Downloaded[0];
        Assert.Equal("nya-lankar-omgang-1.csv", fileName);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("Botkyrka kommun;kommun;http://localhost/s/", rows[1], StringComparison.Ordinal);
        AssertSnackbar("1 nya länkar laddades ner.");
        cut.WaitForAssertion(() => Assert.Equal(21, Rows(cut).Count));
        Assert.Equal([AuditActions.InvitationRevoked, AuditActions.InvitationRevoked, AuditActions.InvitationsIssued], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AWaveWithNobodyInvitedSaysWhatToDoNext()
    {
        var waves = App.Services.GetRequiredService<WaveAdministration>();
        var (_, waveId) = await waves.CreateAsync("admin@example.se", 1, "Tom omgång", null, null);

        var cut = RenderPage(waveId!.Value);

        cut.WaitForAssertion(() => Assert.Contains("Ingen är inbjuden till omgången ännu.", cut.Find(".no-invitees").TextContent));
        Assert.Contains("Bjud in deltagare", cut.Find(".no-invitees").TextContent);
        Assert.Empty(RenderPage().FindAll(".no-invitees"));
    }

    // The page's buttons are disabled while an action runs, and the grid renders its rows again when it has read
    // them: a click waits for an enabled button in the current rendering, as a user would.
    private static void ClickWhenEnabled(IRenderedComponent<InvitationsPage> cut, string text) =>
        ClickWhenReady(cut, () => cut.FindAll("button").Single(b => b.TextContent.Contains(text)));

    private static void ClickWhenReady(IRenderedComponent<InvitationsPage> cut, string selector) =>
        ClickWhenReady(cut, () => cut.Find(selector));

    private static void ClickWhenReady(IRenderedComponent<InvitationsPage> cut, Func<AngleSharp.Dom.IElement> find) =>
        cut.WaitForAssertion(() =>
        {
            var button = find();
            Assert.False(button.HasAttribute("disabled"));
            button.Click();
        });
}
