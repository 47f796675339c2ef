using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>Admins add, change, deactivate and import participants on /admin/deltagare.</summary>
public sealed class ParticipantsPageTests() : AdminPageTests
{
    private const string Page = "/admin/deltagare";
    private async Task<List<Participant>> ParticipantsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    [Fact]
    public async Task AnAdminAddsAndRenamesAParticipantWithoutLosingItsInvitations()
    {
        var added = await Admin.PostFormAsync(Page, "add", ("Form.Name", "Gotlands kommun"), ("Form.Type", "kommun"));
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");
        var renamed = await Admin.PostFormAsync(Page, $"edit-{arvika.Id}", ("Form.Id", arvika.Id.ToString()), ("Form.Name", "Arvika kommun (ny)"), ("Form.Type", "kommun"));

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        var participants = await ParticipantsAsync();
        Assert.Contains(participants, p => p.Name == "Gotlands kommun" && p.IsActive);
        Assert.Equal("Arvika kommun (ny)", participants.Single(p => p.Id == arvika.Id).Name);
        using var respondent = App.CreateRespondent();
        Assert.Contains("Arvika kommun (ny)", WebUtility.HtmlDecode((await respondent.GetPageAsync(App.InvitationPaths()[0])).Main));
    }

    [Theory]
    [InlineData("", "kommun", "Namn saknas")]
    [InlineData("Botkyrka kommun", "kommun", "finns redan en deltagare")]
    [InlineData("Ny", "", "Typ saknas")]
    public async Task AMissingOrTakenNameOrTypeIsRefused(string name, string type, string message)
    {
        var page = await Admin.PostFormAsync(Page, "add", ("Form.Name", name), ("Form.Type", type));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, WebUtility.HtmlDecode(page.Main));
        Assert.Equal(20, (await ParticipantsAsync()).Count);
    }

    [Fact]
    public async Task ADeactivatedParticipantGetsNoNewLinks()
    {
        var arvika = (await ParticipantsAsync()).First(p => p.Name == "Arvika kommun");
        await Admin.PostFormAsync(Page, $"active-{arvika.Id}", ("Form.Id", arvika.Id.ToString()), ("Form.Active", "false"));
        var token = await Admin.AntiforgeryTokenAsync("/admin/omgangar");

        using var followUp = await Admin.PostAsync("/admin/omgangar/1/uppfoljning",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Uppföljning utan Arvika")]));
        var csv = await followUp.Content.ReadAsStringAsync();

        Assert.False((await ParticipantsAsync()).Single(p => p.Id == arvika.Id).IsActive);
        Assert.Equal(20, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Arvika kommun", csv);
        // Its existing link still works: deactivation stops new links only.
        using var respondent = App.CreateRespondent();
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(App.InvitationPaths()[0])).Status);
    }

    [Fact]
    public async Task AnImportKeepsExtraColumnsAsAttributes()
    {
        var (status, main) = await UploadAsync(Page, Encoding.UTF8.GetBytes("name,type,lan,invanare\nGotlands kommun,kommun,Gotland,61000\nRegion Gotland,region,Gotland,\n"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 deltagare importerades.", main);
        var gotland = (await ParticipantsAsync()).Single(p => p.Name == "Gotlands kommun");
        Assert.Equal(new Dictionary<string, string> { ["lan"] = "Gotland", ["invanare"] = "61000" }, gotland.Attributes);
        Assert.Equal(new Dictionary<string, string> { ["lan"] = "Gotland" }, (await ParticipantsAsync()).Single(p => p.Name == "Region Gotland").Attributes);
    }

    [Fact]
    public async Task AnImportWithAnyWrongRowImportsNothingAndListsEveryRow()
    {
        var (status, main) = await UploadAsync(Page, Encoding.UTF8.GetBytes(
            "name,type\nNy kommun,kommun\nArvika kommun,kommun\nDubbel,kommun\nDubbel,kommun\n,kommun\n<script>alert(1)</script>,\n"));
        var (latin1, latin1Main) = await UploadAsync(Page, Encoding.Latin1.GetBytes("name,type\nMölndals stad,kommun\n"));
        var (noType, noTypeMain) = await UploadAsync(Page, Encoding.UTF8.GetBytes("name\nNågon\n"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Ingenting importerades: 4 fel.", main);
        Assert.Contains("Rad 3: 'Arvika kommun' finns redan", main);
        Assert.Contains("Rad 5: 'Dubbel' finns redan", main);
        Assert.Contains("Rad 6: Namn saknas.", main);
        Assert.Contains("Rad 7: Typ saknas.", main);
        Assert.Equal(HttpStatusCode.BadRequest, latin1);
        Assert.Contains("inte kunde läsas", latin1Main);
        Assert.Equal(HttpStatusCode.BadRequest, noType);
        Assert.Contains("kolumnen 'type' saknas", noTypeMain);
        Assert.Equal(20, (await ParticipantsAsync()).Count);
        await using var db = App.CreateDbContext();
        Assert.Empty(await db.AuditLog.ToListAsync());
    }
}
