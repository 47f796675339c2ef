using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>A wave's invitations: new links that keep saved answers, withdrawn links, links for the uninvited, reminder lists.</summary>
public sealed class InvitationAdministrationTests() : AdminPageTests
{
    private const string Actor = "admin@example.org";

    private InvitationAdministration Invitations => App.Services.GetRequiredService<InvitationAdministration>();

    private async Task<int> InvitationIdAsync(string link)
    {
        var hash = InvitationToken.Hash(link["/s/".Length..]);
        await using var db = App.CreateDbContext();
        return await db.Invitations.Where(i => i.TokenHash == hash).Select(i => i.Id).SingleAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task ANewLinkReplacesTheOldOneAndKeepsTheSavedAnswers()
    {
        var old = App.InvitationPaths()[0];
        using var respondent = App.CreateRespondent();
        await respondent.PostFormAsync($"{old}/sida/1", "page", RespondentHttp.ModelAnswers[0]);
        var id = await InvitationIdAsync(old);

        var (refusal, token) = await Invitations.ReissueAsync(Actor, id);
        var link = App.Services.GetRequiredService<InvitationLinksCsv>().Link(token!);

        Assert.Equal(InvitationRefusal.None, refusal);
        Assert.StartsWith("http://localhost/s/", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(old)).Status);
        var path = new Uri(link).AbsolutePath;
        var welcome = await respondent.GetPageAsync(path);
        Assert.Contains("Du har redan börjat svara", WebUtility.HtmlDecode(welcome.Main));
        await respondent.CompleteSurveyAsync(path);
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.InvitationId == id && r.SubmittedAt != null));
        Assert.Equal(InvitationToken.Hash(token!), (await db.Invitations.SingleAsync(i => i.Id == id)).TokenHash);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(AuditActions.InvitationReissued, entry.Action);
        Assert.Equal("Arvika kommun, Uppföljning december 2013 (1)", entry.Subject);
        Assert.DoesNotContain(token!, $"{entry.Subject} {entry.Details}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnLinkGetsTheUnusableLinkPageAndASubmittedOneCannotBeChanged()
    {
        var (open, done) = (App.InvitationPaths()[1], App.InvitationPaths()[2]);
        using var respondent = App.CreateRespondent();
        await respondent.CompleteSurveyAsync(done);

        var revoked = await Invitations.RevokeAsync(Actor, await InvitationIdAsync(open));
        var again = await Invitations.RevokeAsync(Actor, await InvitationIdAsync(open));
        var reissuedRevoked = await Invitations.ReissueAsync(Actor, await InvitationIdAsync(open));
        var submitted = await Invitations.ReissueAsync(Actor, await InvitationIdAsync(done));
        var submittedRevoke = await Invitations.RevokeAsync(Actor, await InvitationIdAsync(done));
        var missing = await Invitations.RevokeAsync(Actor, 9999);

        Assert.Equal(InvitationRefusal.None, revoked);
        Assert.Equal(InvitationRefusal.Revoked, again);
        Assert.Equal(InvitationRefusal.Revoked, reissuedRevoked.Refusal);
        Assert.Null(reissuedRevoked.Token);
        Assert.Equal(InvitationRefusal.Submitted, submitted.Refusal);
        Assert.Equal(InvitationRefusal.Submitted, submittedRevoke);
        Assert.Equal(InvitationRefusal.NotFound, missing);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(open)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(done)).Status);
        Assert.Equal([AuditActions.InvitationRevoked], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task TheRemindersListHasEveryoneWhoHasNotSubmitted()
    {
        using var respondent = App.CreateRespondent();
        await respondent.CompleteSurveyAsync(App.InvitationPaths()[0]);
        await respondent.PostFormAsync($"{App.InvitationPaths()[1]}/sida/1", "page", RespondentHttp.ModelAnswers[0]);

        var download = await Admin.GetAsync("/admin/omgangar/1/ej-svarat.csv");
        var rows = (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        Assert.Equal("Deltagare;Typ;Status", rows[0]);
        Assert.Equal(19, rows.Length - 1);
        Assert.DoesNotContain(rows, r => r.StartsWith("Arvika kommun;", StringComparison.Ordinal));
        Assert.Contains("Botkyrka kommun;kommun;Påbörjad", rows);
        Assert.Contains("Eskilstuna kommun;kommun;Inte påbörjad", rows);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/admin/omgangar/99/ej-svarat.csv")).StatusCode);

        // An admin who reads the app in English gets English headings and states, split by commas.
        var english = (await (await Admin.GetAsync("/admin/omgangar/1/ej-svarat.csv?culture=en&ui-culture=en")).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Participant,Type,Status", english[0]);
        Assert.Contains("Botkyrka kommun,kommun,Started", english);
    }

    [Fact]
    public async Task ChosenParticipantsWithoutALinkGetOneOnce()
    {
        await Invitations.RevokeAsync(Actor, await InvitationIdAsync(App.InvitationPaths()[3]));
        var lists = await Invitations.CandidatesAsync(1);
        var list = Assert.Single(lists!);
        var everyone = list.Participants.Select(p => p.Id).ToList();

        var first = await Invitations.InviteAsync(Actor, 1, everyone);
        var second = await Invitations.InviteAsync(Actor, 1, everyone);

        Assert.Equal("Samlingens 20 organisationer", list.Name);
        Assert.Equal(20, list.Participants.Count);
        Assert.Equal(["Göteborgs stad"], list.Participants.Where(p => !p.Invited).Select(p => p.Name));
        var issued = Assert.Single(first!);
        Assert.Equal("Göteborgs stad", issued.ParticipantName);
        Assert.Empty(second!);
        Assert.Null(await Invitations.InviteAsync(Actor, 99, everyone));
        Assert.Null(await Invitations.CandidatesAsync(99));
        using var respondent = App.CreateRespondent();
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(issued.Path)).Status);
        await using var db = App.CreateDbContext();
        Assert.Equal(InvitationToken.Hash(issued.Token), (await db.Invitations.SingleAsync(i => i.Id == issued.InvitationId)).TokenHash);
        var audit = await AuditAsync();
        // Inviting nobody new writes nothing.
        Assert.Equal([AuditActions.InvitationRevoked, AuditActions.InvitationsIssued], audit.Select(e => e.Action));
        Assert.Equal("1", audit[1].Details);
    }

    [Fact]
    public async Task AWaveNeitherOffersNorInvitesParticipantsOfAnotherSurveysList()
    {
        await using (var db = App.CreateDbContext())
        {
            db.Participants.Add(new Participant
            {
                List = new ParticipantList { Survey = new Survey { Key = "annan", Title = "En annan enkät" }, Name = "Annan lista" },
                Name = "Utomstående kommun",
                Type = "kommun",
            });
            await db.SaveChangesAsync();
        }
        var outsider = await ReadParticipantIdAsync("Utomstående kommun");
        await Invitations.RevokeAsync(Actor, await InvitationIdAsync(App.InvitationPaths()[3]));

        var lists = await Invitations.CandidatesAsync(1);
        var issued = await Invitations.InviteAsync(Actor, 1, [outsider, await ReadParticipantIdAsync("Göteborgs stad")]);

        Assert.DoesNotContain(lists!.SelectMany(l => l.Participants), p => p.Id == outsider);
        Assert.Equal(["Göteborgs stad"], issued!.Select(i => i.ParticipantName));
    }

    private async Task<int> ReadParticipantIdAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.Participants.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }
}
