using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Participants;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>Admins add, change, deactivate and import participants; every change is audited, a refused one changes nothing.</summary>
public sealed class ParticipantAdministrationTests : IDisposable
{
    private const string Actor = "admin@example.se";
    private readonly SurveyAppFactory _app = new();
    private readonly UiCulture _culture = UiCulture.Swedish();

    public void Dispose()
    {
        _culture.Dispose();
        _app.Dispose();
    }

    private ParticipantAdministration Participants => _app.Services.GetRequiredService<ParticipantAdministration>();

    private async Task<List<Participant>> ParticipantsAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private Task<ImportResult> ImportAsync(byte[] file) => Participants.ImportAsync(Actor, new MemoryStream(file));

    [Fact]
    public async Task AnAdminAddsAndRenamesAParticipantWithoutLosingItsInvitations()
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");

        Assert.Equal(ParticipantRefusal.None, await Participants.AddAsync(Actor, " Gotlands kommun ", "kommun"));
        Assert.Equal(ParticipantRefusal.None, await Participants.UpdateAsync(Actor, arvika.Id, "Arvika kommun (ny)", "kommun"));

        var participants = await ParticipantsAsync();
        Assert.Contains(participants, p => p.Name == "Gotlands kommun" && p.Type == "kommun" && p.IsActive);
        Assert.Equal("Arvika kommun (ny)", participants.Single(p => p.Id == arvika.Id).Name);
        using var respondent = _app.CreateRespondent();
        Assert.Contains("Arvika kommun (ny)", WebUtility.HtmlDecode((await respondent.GetPageAsync(_app.InvitationPaths()[0])).Main));
        Assert.Equal(
            [(AuditActions.ParticipantAdded, "Gotlands kommun", "kommun"), (AuditActions.ParticipantChanged, "Arvika kommun (ny)", "Arvika kommun (kommun) → Arvika kommun (ny) (kommun)")],
            (await AuditAsync()).Select(e => (e.Action, e.Subject, e.Details)));
    }

    [Theory]
    [InlineData("", "kommun", ParticipantRefusal.NameMissing)]
    [InlineData("Botkyrka kommun", "kommun", ParticipantRefusal.NameTaken)]
    [InlineData("BOTKYRKA KOMMUN", "kommun", ParticipantRefusal.NameTaken)]
    [InlineData("ÖREBRO KOMMUN", "kommun", ParticipantRefusal.NameTaken)]
    [InlineData("Ny", "  ", ParticipantRefusal.TypeMissing)]
    public async Task AMissingOrTakenNameOrTypeIsRefusedAndChangesNothing(string name, string type, ParticipantRefusal refusal)
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");

        Assert.Equal(refusal, await Participants.AddAsync(Actor, name, type));
        Assert.Equal(refusal, await Participants.UpdateAsync(Actor, arvika.Id, name, type));

        var participants = await ParticipantsAsync();
        Assert.Equal(20, participants.Count);
        Assert.Equal("Arvika kommun", participants.Single(p => p.Id == arvika.Id).Name);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task TooLongNamesAndTypesAndUnknownParticipantsAreRefused()
    {
        Assert.Equal(ParticipantRefusal.NameTooLong, await Participants.AddAsync(Actor, new string('a', ParticipantAdministration.MaxNameLength + 1), "kommun"));
        Assert.Equal(ParticipantRefusal.TypeTooLong, await Participants.AddAsync(Actor, "Ny", new string('a', ParticipantAdministration.MaxTypeLength + 1)));
        Assert.Equal(ParticipantRefusal.NotFound, await Participants.UpdateAsync(Actor, 9999, "Ny", "kommun"));
        Assert.Equal(ParticipantRefusal.NotFound, await Participants.SetActiveAsync(Actor, 9999, false));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ADeactivatedParticipantGetsNoNewLinksButKeepsItsOwn()
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");

        Assert.Equal(ParticipantRefusal.None, await Participants.SetActiveAsync(Actor, arvika.Id, false));
        var (refusal, _, links) = await _app.Services.GetRequiredService<WaveAdministration>()
            .CopyAsFollowUpAsync(Actor, 1, "Uppföljning utan Arvika", null, null);

        Assert.Equal(WaveRefusal.None, refusal);
        Assert.False((await ParticipantsAsync()).Single(p => p.Id == arvika.Id).IsActive);
        Assert.Equal(19, links.Count);
        Assert.DoesNotContain(links, l => l.ParticipantId == arvika.Id);
        // Its existing link still works: deactivation stops new links only.
        using var respondent = _app.CreateRespondent();
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(_app.InvitationPaths()[0])).Status);
        Assert.Equal((AuditActions.ParticipantDeactivated, "Arvika kommun"), (await AuditAsync()).Select(e => (e.Action, e.Subject)).First());
    }

    [Fact]
    public async Task ReactivatingIsRecordedAndRepeatingAStateChangesNothing()
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");

        await Participants.SetActiveAsync(Actor, arvika.Id, false);
        await Participants.SetActiveAsync(Actor, arvika.Id, false);
        await Participants.SetActiveAsync(Actor, arvika.Id, true);

        Assert.True((await ParticipantsAsync()).Single(p => p.Id == arvika.Id).IsActive);
        Assert.Equal([AuditActions.ParticipantDeactivated, AuditActions.ParticipantReactivated], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AnImportKeepsExtraColumnsAsAttributes()
    {
        var result = await ImportAsync(Encoding.UTF8.GetBytes("name,type,lan,invanare\nGotlands kommun,kommun,Gotland,61000\nRegion Gotland,region,Gotland,\n"));

        Assert.Equal((2, 0), (result.Imported, result.Problems.Count));
        var participants = await ParticipantsAsync();
        Assert.Equal(new Dictionary<string, string> { ["lan"] = "Gotland", ["invanare"] = "61000" }, participants.Single(p => p.Name == "Gotlands kommun").Attributes);
        Assert.Equal(new Dictionary<string, string> { ["lan"] = "Gotland" }, participants.Single(p => p.Name == "Region Gotland").Attributes);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.ParticipantsImported, "n=2", "lan, invanare"), (entry.Action, entry.Subject, entry.Details));
    }

    [Fact]
    public async Task ARowWithTooFewOrTooManyValuesIsAProblemOnItsLineAndImportsNothing()
    {
        var result = await ImportAsync(Encoding.UTF8.GetBytes("name,type\nCentrum AB\nNy kommun,kommun\nExtra AB,företag,överbliven\n"));

        Assert.Equal(0, result.Imported);
        Assert.Equal(
            [(2, "raden har 1 värden men rubrikraden har 2 kolumner"), (4, "raden har 3 värden men rubrikraden har 2 kolumner")],
            result.Problems.Select(p => (p.Line, p.Message)));
        Assert.Equal(20, (await ParticipantsAsync()).Count);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task AnImportWithAnyWrongRowImportsNothingAndListsEveryRow()
    {
        var result = await ImportAsync(Encoding.UTF8.GetBytes(
            "name,type\nNy kommun,kommun\nArvika kommun,kommun\nDubbel,kommun\nDubbel,kommun\n,kommun\n<script>alert(1)</script>,\n"));
        var latin1 = await ImportAsync(Encoding.Latin1.GetBytes("name,type\nMölndals stad,kommun\n"));
        var noType = await ImportAsync(Encoding.UTF8.GetBytes("name\nNågon\n"));

        Assert.Equal(0, result.Imported);
        Assert.Equal(
            [(3, "'Arvika kommun' finns redan eller står flera gånger i filen"), (5, "'Dubbel' finns redan eller står flera gånger i filen"), (6, "Namn saknas."), (7, "Typ saknas.")],
            result.Problems.Select(p => (p.Line, p.Message)));
        Assert.Contains("inte kunde läsas", Assert.Single(latin1.Problems).Message);
        Assert.Equal((1, "kolumnen 'type' saknas"), (Assert.Single(noType.Problems).Line, noType.Problems[0].Message));
        Assert.Equal(20, (await ParticipantsAsync()).Count);
        Assert.Empty(await AuditAsync());
    }
}
