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

    private async Task<int> ListIdAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.ParticipantLists.Where(l => l.Name == "Samlingens 20 organisationer").Select(l => l.Id).SingleAsync();
    }

    private async Task<ImportResult> ImportAsync(byte[] file, string name = "deltagare.csv") =>
        await Participants.ImportAsync(Actor, await ListIdAsync(), name, file);

    [Fact]
    public async Task AnAdminAddsAndRenamesAParticipantWithoutLosingItsInvitations()
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");

        Assert.Equal(ParticipantRefusal.None, await Participants.AddAsync(Actor, await ListIdAsync(), " Gotlands kommun ", "kommun"));
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

        Assert.Equal(refusal, await Participants.AddAsync(Actor, await ListIdAsync(), name, type));
        Assert.Equal(refusal, await Participants.UpdateAsync(Actor, arvika.Id, name, type));

        var participants = await ParticipantsAsync();
        Assert.Equal(20, participants.Count);
        Assert.Equal("Arvika kommun", participants.Single(p => p.Id == arvika.Id).Name);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task TooLongNamesAndTypesAndUnknownParticipantsAreRefused()
    {
        Assert.Equal(ParticipantRefusal.NameTooLong, await Participants.AddAsync(Actor, await ListIdAsync(), new string('a', ParticipantAdministration.MaxNameLength + 1), "kommun"));
        Assert.Equal(ParticipantRefusal.TypeTooLong, await Participants.AddAsync(Actor, await ListIdAsync(), "Ny", new string('a', ParticipantAdministration.MaxTypeLength + 1)));
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
            [(5, "Namnet står flera gånger i filen.", "name", "Dubbel"), (6, "Namn saknas.", "name", ""), (7, "Typ saknas.", "type", "")],
            result.Problems.Select(p => (p.Line, p.Message, p.Column, p.Value)));
        Assert.Contains("inte kunde läsas", Assert.Single(latin1.Problems).Message);
        Assert.Equal((1, "kolumnen 'type' saknas", "type, typ"), (Assert.Single(noType.Problems).Line, noType.Problems[0].Message, noType.Problems[0].Accepted));
        Assert.Equal(20, (await ParticipantsAsync()).Count);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task AListBelongsToItsSurveysSeriesAndItsNameIsTakenWhateverTheCase()
    {
        await using (var db = _app.CreateDbContext())
        {
            // A later version of the model survey: its lists are the first version's.
            var first = await db.Surveys.AsNoTracking().Include(s => s.Sections).ThenInclude(s => s.Questions).Include(s => s.Scales).SingleAsync();
            db.Surveys.Add(new Survey { Key = first.Key, Title = first.Title, Version = 2, PreviousVersionId = first.Id });
            await db.SaveChangesAsync();
        }
        var second = await SurveyIdAsync(version: 2);

        var (created, listId) = await Participants.CreateListAsync(Actor, second, " Regionala nätverket ");
        var (taken, _) = await Participants.CreateListAsync(Actor, second, "REGIONALA NÄTVERKET");
        var (missing, _) = await Participants.CreateListAsync(Actor, second, " ");
        var (noSurvey, _) = await Participants.CreateListAsync(Actor, 999, "Annan");

        Assert.Equal((ParticipantRefusal.None, ParticipantRefusal.ListNameTaken, ParticipantRefusal.ListNameMissing, ParticipantRefusal.SurveyNotFound),
            (created, taken, missing, noSurvey));
        await using var check = _app.CreateDbContext();
        var list = await check.ParticipantLists.SingleAsync(l => l.Id == listId);
        Assert.Equal(("Regionala nätverket", await SurveyIdAsync(version: 1)), (list.Name, list.SurveyId));
        Assert.Equal(ParticipantRefusal.ListNameTaken, await Participants.RenameListAsync(Actor, listId!.Value, "samlingens 20 organisationer"));
        Assert.Equal(ParticipantRefusal.None, await Participants.RenameListAsync(Actor, listId.Value, "Nätverket"));
        Assert.Equal(ParticipantRefusal.ListNotFound, await Participants.RenameListAsync(Actor, 999, "Nätverket"));
        Assert.Equal(
            [(AuditActions.ParticipantListCreated, $"Regionala nätverket ({listId})"), (AuditActions.ParticipantListRenamed, $"Nätverket ({listId})")],
            (await AuditAsync()).Select(e => (e.Action, e.Subject)));
    }

    [Fact]
    public async Task NamesAndCodesAreUniqueWithinAListOnly()
    {
        var (_, other) = await Participants.CreateListAsync(Actor, await SurveyIdAsync(version: 1), "Nätverket");
        var seeded = await ListIdAsync();

        // Another list may hold an organisation of the same name: each list is its own.
        Assert.Equal(ParticipantRefusal.None, await Participants.AddAsync(Actor, other!.Value, "Arvika kommun", "kommun", "1784"));
        Assert.Equal(ParticipantRefusal.None, await Participants.AddAsync(Actor, seeded, "Gotlands kommun", "kommun", "0980"));
        Assert.Equal(ParticipantRefusal.CodeTaken, await Participants.AddAsync(Actor, seeded, "Ny kommun", "kommun", " 0980 "));
        Assert.Equal(ParticipantRefusal.None, await Participants.AddAsync(Actor, other.Value, "Ny kommun", "kommun", "0980"));
        Assert.Equal(ParticipantRefusal.CodeTooLong, await Participants.AddAsync(Actor, seeded, "Lång", "kommun", new string('1', 65)));
        Assert.Equal(ParticipantRefusal.ListNotFound, await Participants.AddAsync(Actor, 999, "Ingen lista", "kommun"));
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun" && p.ListId == seeded);
        Assert.Equal(ParticipantRefusal.CodeTaken, await Participants.UpdateAsync(Actor, arvika.Id, "Arvika kommun", "kommun", "0980"));
        Assert.Equal(ParticipantRefusal.None, await Participants.UpdateAsync(Actor, arvika.Id, "Arvika kommun", "kommun", "1784"));

        var participants = await ParticipantsAsync();
        Assert.Equal("1784", participants.Single(p => p.Id == arvika.Id).Code);
        // The list is searched by code as well as by name.
        var found = await _app.Services.GetRequiredService<ParticipantQuery>().PageAsync(new ParticipantFilter(seeded, "178"), ParticipantSort.Name, false, 0, 25);
        Assert.Equal([("Arvika kommun", "1784")], found.Rows.Select(r => (r.Name, r.Code)));
        Assert.Equal(2, participants.Count(p => p.Name == "Arvika kommun"));
        Assert.Equal((21, 2), (participants.Count(p => p.ListId == seeded), participants.Count(p => p.ListId == other)));
    }

    [Fact]
    public async Task AWorkbookImportsWithSwedishHeadersCodesAndAttributes()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Deltagare");
        string[][] rows = [["Kod", "Namn", "Typ", "Län"], ["0980", "Gotlands kommun", "kommun", "Gotland"], ["", "Region Gotland", "region", "Gotland"]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                // As text, the way a code column with leading zeros has to be kept in a workbook.
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]).DataType = ClosedXML.Excel.XLDataType.Text;
            }
        }
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var result = await ImportAsync(file.ToArray(), "deltagare.xlsx");

        Assert.Equal((2, 0), (result.Imported, result.Problems.Count));
        var participants = await ParticipantsAsync();
        var gotland = participants.Single(p => p.Name == "Gotlands kommun");
        Assert.Equal(("0980", "kommun", await ListIdAsync()), (gotland.Code, gotland.Type, gotland.ListId));
        Assert.Equal(new Dictionary<string, string> { ["Län"] = "Gotland" }, gotland.Attributes);
        Assert.Null(participants.Single(p => p.Name == "Region Gotland").Code);
    }

    [Fact]
    public async Task ImportingTheListAgainUpdatesWhoIsInItByCodeOrNameAndAddsTheRest()
    {
        var listId = await ListIdAsync();
        await Participants.AddAsync(Actor, listId, "Gotlands kommun", "kommun", "0980");

        var result = await ImportAsync(Encoding.UTF8.GetBytes(
            "kod,namn,typ,län\n0980,Region Gotland,region,Gotland\n1784,ARVIKA KOMMUN,kommun,Värmland\n,Ny kommun,kommun,Uppsala\n"));

        Assert.Equal((1, 2, 0), (result.Imported, result.Updated, result.Problems.Count));
        var participants = (await ParticipantsAsync()).Where(p => p.ListId == listId).ToList();
        Assert.Equal(22, participants.Count);
        // The code names the participant: its name and type follow the file.
        var gotland = participants.Single(p => p.Code == "0980");
        Assert.Equal(("Region Gotland", "region", "Gotland"), (gotland.Name, gotland.Type, gotland.Attributes["län"]));
        // The name names one without a code, which gets the file's code; its invitations and answers stay its own.
        var arvika = participants.Single(p => p.Code == "1784");
        Assert.Equal(("ARVIKA KOMMUN", "Värmland"), (arvika.Name, arvika.Attributes["län"]));
        await using var db = _app.CreateDbContext();
        Assert.True(await db.Invitations.AnyAsync(i => i.ParticipantId == arvika.Id));
        Assert.Equal("n=1, updated=2", (await AuditAsync()).Last().Subject);
    }

    [Fact]
    public async Task ANameOrCodeOfAnotherParticipantOrGivenTwiceIsAProblemAtItsCell()
    {
        await Participants.AddAsync(Actor, await ListIdAsync(), "Gotlands kommun", "kommun", "0980");

        var result = await ImportAsync(Encoding.UTF8.GetBytes(
            "code,name,type\n0980,Arvika kommun,kommun\n0127,Gotlands kommun,kommun\n1111,Kommun A,kommun\n1111,Kommun B,kommun\n"));

        Assert.Equal(0, result.Imported);
        Assert.Equal(
            [(2, "name", "Arvika kommun", "Det finns redan en deltagare med det namnet i listan."), (3, "code", "0127", "Namnet hör till en deltagare i listan som har en annan kod."),
                (5, "code", "1111", "Koden står flera gånger i filen.")],
            result.Problems.Select(p => (p.Line, p.Column, p.Value, p.Message)));
        Assert.Equal("ett namn som ingen annan deltagare i listan har", result.Problems[0].Accepted);
        Assert.Equal("deltagarens kod, 0980, eller en tom cell", result.Problems[1].Accepted);
        Assert.Equal(21, (await ParticipantsAsync()).Count);
    }

    [Fact]
    public async Task AddressesAndLanguageImportAndAMalformedOneIsAProblemAtItsCell()
    {
        var refused = await ImportAsync(Encoding.UTF8.GetBytes(
            "namn;typ;e-post;språk\nNy kommun;kommun;registrator@ny.se;sv\nAnnan kommun;kommun;inte en adress;svenska\nTredje kommun;kommun;;tyska\n"));
        var result = await ImportAsync(Encoding.UTF8.GetBytes(
            "namn;typ;e-post;språk\nNy kommun;kommun;registrator@ny.se, kansli@ny.se;engelska\nArvika kommun;kommun;kommun@arvika.se;\n"));

        Assert.Equal([(3, "e-post", "inte en adress"), (4, "språk", "tyska")], refused.Problems.Select(p => (p.Line, p.Column, p.Value)));
        Assert.Equal((1, 1, 0), (result.Imported, result.Updated, result.Problems.Count));
        var participants = await ParticipantsAsync();
        Assert.Equal(("registrator@ny.se, kansli@ny.se", "en"), participants.Where(p => p.Name == "Ny kommun").Select(p => (p.Email, p.Language)).Single());
        Assert.Equal(("kommun@arvika.se", "sv"), participants.Where(p => p.Name == "Arvika kommun").Select(p => (p.Email, p.Language)).Single());
        // The e-mail columns are the participant's own, not other details.
        Assert.All(participants, p => Assert.False(p.Attributes.ContainsKey("e-post")));
        Assert.Equal(ParticipantRefusal.EmailInvalid, await Participants.AddAsync(Actor, await ListIdAsync(), "Fjärde", "kommun", email: "fel@"));
        Assert.Equal(ParticipantRefusal.LanguageUnknown, await Participants.AddAsync(Actor, await ListIdAsync(), "Fjärde", "kommun", language: "de"));
    }

    private async Task<int> SurveyIdAsync(int version)
    {
        await using var db = _app.CreateDbContext();
        return await db.Surveys.Where(s => s.Version == version).Select(s => s.Id).SingleAsync();
    }
}
