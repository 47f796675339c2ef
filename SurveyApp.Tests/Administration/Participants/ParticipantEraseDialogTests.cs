using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Participants;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>
/// The erase dialog, opened from its row on the participants page over the demo data (two waves): it tells what
/// will go, and erases only once the participant's name is typed exactly.
/// </summary>
public sealed class ParticipantEraseDialogTests : StaffComponentContext, IDisposable
{
    private const string Actor = "admin@example.se";
    private readonly UiCulture _culture = UiCulture.Swedish();
    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public ParticipantEraseDialogTests()
    {
        Context.Services.AddFallbackServiceProvider(_app.Services);
        Authorization.SetAuthorized(Actor).SetRoles(StaffRoles.Admin);
    }

    public void Dispose()
    {
        _culture.Dispose();
        _app.Dispose();
    }

    /// <summary>A participant who answered in both waves, with how many invitations it has.</summary>
    private async Task<(Participant Participant, int Responses, int Invitations)> AnsweredTwiceAsync()
    {
        await using var db = _app.CreateDbContext();
        var id = await db.Responses.GroupBy(r => r.ParticipantId).Where(g => g.Select(r => r.WaveId).Distinct().Count() == 2)
            .Select(g => g.Key).OrderBy(p => p).FirstAsync();
        return (await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id),
            await db.Responses.CountAsync(r => r.ParticipantId == id), await db.Invitations.CountAsync(i => i.ParticipantId == id));
    }

    private async Task<bool> ExistsAsync(int participantId)
    {
        await using var db = _app.CreateDbContext();
        return await db.Participants.AnyAsync(p => p.Id == participantId);
    }

    private async Task<(IRenderedComponent<MudProviders> Providers, IRenderedComponent<ParticipantsPage> Page)> OpenDialogAsync(string name)
    {
        var providers = RenderProviders();
        var page = Context.Render<ParticipantsPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        // Found and clicked in one go: the grid may render again in between, which would leave a stale button.
        await page.InvokeAsync(() => page.Find($"button[aria-label='Radera uppgifter om {name}…']").Click());
        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#participant-erase-name")), TimeSpan.FromSeconds(10));
        return (providers, page);
    }

    private static bool EraseDisabled(IRenderedComponent<MudProviders> providers) => providers.Find("button.erase-button").HasAttribute("disabled");

    [Fact]
    public async Task TheDialogTellsWhatGoesAndWhatStaysAndErasesOnlyOnceTheExactNameIsTyped()
    {
        var (participant, responses, invitations) = await AnsweredTwiceAsync();
        var (providers, page) = await OpenDialogAsync(participant.Name);

        var dialog = providers.Find(".mud-dialog").TextContent;
        Assert.Contains($"Radera uppgifterna om {participant.Name}?", dialog);
        Assert.Contains($"Svar, med alla svarsvärden och kodningar: {responses}", dialog);
        Assert.Contains("Omgångar som svaren finns i: 2", dialog);
        Assert.Contains($"Inbjudningar (länkarna slutar fungera): {invitations}", dialog);
        Assert.Contains("Det går inte att ångra.", dialog);
        Assert.Contains("Exporter som redan gjorts (Excel, CSV) påverkas inte", dialog);
        Assert.True(EraseDisabled(providers));

        foreach (var wrong in new[] { participant.Name[..^1], participant.Name.ToUpperInvariant(), participant.Name + "x" })
        {
            providers.Find("#participant-erase-name").Input(wrong);
            Assert.True(EraseDisabled(providers), wrong);
            // Enter in the field submits the form: with a wrong name that must not erase either.
            providers.Find("form#participant-erase-form").Submit();
        }
        Assert.True(await ExistsAsync(participant.Id));

        providers.Find("#participant-erase-name").Input(participant.Name);
        providers.WaitForAssertion(() => Assert.False(EraseDisabled(providers)));
        providers.Find("form#participant-erase-form").Submit();

        providers.WaitForAssertion(() => Assert.Contains($"Uppgifterna om {participant.Name} är raderade.", providers.Markup), TimeSpan.FromSeconds(10));
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#participant-erase-name")));
        page.WaitForAssertion(() => Assert.Equal(19, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(participant.Name, page.Find("tbody").TextContent);
        Assert.False(await ExistsAsync(participant.Id));
    }

    [Fact]
    public async Task CancellingErasesNothing()
    {
        var (participant, _, _) = await AnsweredTwiceAsync();
        var (providers, _) = await OpenDialogAsync(participant.Name);

        providers.Find("#participant-erase-name").Input(participant.Name);
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Avbryt").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#participant-erase-name")));
        Assert.True(await ExistsAsync(participant.Id));
        await using var db = _app.CreateDbContext();
        Assert.DoesNotContain(await db.AuditLog.Select(e => e.Action).ToListAsync(), a => a == AuditActions.ParticipantErased);
    }

    [Fact]
    public async Task AParticipantErasedMeanwhileIsReportedAndNothingIsOffered()
    {
        var (participant, _, _) = await AnsweredTwiceAsync();
        var providers = RenderProviders();
        await _app.Services.GetRequiredService<ParticipantErasure>().EraseAsync(Actor, participant.Id);

        var dialogs = Context.Services.GetRequiredService<MudBlazor.IDialogService>();
        await providers.InvokeAsync(() => dialogs.ShowAsync<ParticipantEraseDialog>("", new MudBlazor.DialogParameters<ParticipantEraseDialog>
        {
            { d => d.Actor, Actor },
            { d => d.Participant, new ParticipantRow(participant.Id, participant.Code, participant.Name, participant.Type, true, new Dictionary<string, string>()) },
        }));

        providers.WaitForAssertion(() => Assert.Contains("Deltagaren finns inte längre.", providers.Find(".erase-refusal").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(providers.FindAll("#participant-erase-name"));
        Assert.True(EraseDisabled(providers));
    }
}
