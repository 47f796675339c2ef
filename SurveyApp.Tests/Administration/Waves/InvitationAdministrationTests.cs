using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>A wave's invitations: new links that keep saved answers, withdrawn links, links for the uninvited, reminder lists.</summary>
public sealed class InvitationAdministrationTests() : AdminPageTests
{
    private const string Page = "/admin/omgangar/1/inbjudningar";
    private async Task<int> InvitationIdAsync(string link)
    {
        var hash = InvitationToken.Hash(link["/s/".Length..]);
        await using var db = App.CreateDbContext();
        return await db.Invitations.Where(i => i.TokenHash == hash).Select(i => i.Id).SingleAsync();
    }

    private async Task<Page> ActAsync(string action, int invitationId) =>
        await Admin.PostFormAsync(Page, $"{action}-{invitationId}", ("Form.InvitationId", invitationId.ToString()));

    [Fact]
    public async Task ANewLinkReplacesTheOldOneAndKeepsTheSavedAnswers()
    {
        var old = App.InvitationPaths()[0];
        using var respondent = App.CreateRespondent();
        await respondent.PostFormAsync($"{old}/sida/1", "page", RespondentHttp.ModelAnswers[0]);
        var id = await InvitationIdAsync(old);

        var page = await ActAsync("reissue", id);
        var link = new Uri(WebUtility.HtmlDecode(Regex.Match(page.Main, "<code class=\"link\">([^<]+)</code>").Groups[1].Value)).AbsolutePath;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(old)).Status);
        var welcome = await respondent.GetPageAsync(link);
        Assert.Contains("Du har redan börjat svara", WebUtility.HtmlDecode(welcome.Main));
        await respondent.CompleteSurveyAsync(link);
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.InvitationId == id && r.SubmittedAt != null));
        Assert.Equal(AuditActions.InvitationReissued, await db.AuditLog.Select(e => e.Action).SingleAsync());
    }

    [Fact]
    public async Task AWithdrawnLinkGetsTheUnusableLinkPageAndASubmittedOneCannotBeChanged()
    {
        var (open, done) = (App.InvitationPaths()[1], App.InvitationPaths()[2]);
        using var respondent = App.CreateRespondent();
        await respondent.CompleteSurveyAsync(done);

        var revoked = await ActAsync("revoke", await InvitationIdAsync(open));
        var submitted = await ActAsync("reissue", await InvitationIdAsync(done));

        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Contains("Tillbakadragen", WebUtility.HtmlDecode(revoked.Main));
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(open)).Status);
        // A submitted link offers no actions; a crafted post is refused with its reason.
        Assert.Equal(HttpStatusCode.BadRequest, submitted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(done)).Status);
    }

    [Fact]
    public async Task TheRemindersListHasEveryoneWhoHasNotSubmitted()
    {
        using var respondent = App.CreateRespondent();
        await respondent.CompleteSurveyAsync(App.InvitationPaths()[0]);
        await respondent.PostFormAsync($"{App.InvitationPaths()[1]}/sida/1", "page", RespondentHttp.ModelAnswers[0]);

        var csv = (await Admin.GetPageAsync("/admin/omgangar/1/ej-svarat.csv")).Html.TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("participant,type,status", rows[0]);
        Assert.Equal(19, rows.Length - 1);
        Assert.DoesNotContain(rows, r => r.StartsWith("Arvika kommun,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EndsWith(",started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinksForParticipantsWithoutOneComeAsACsvOnce()
    {
        await ActAsync("revoke", await InvitationIdAsync(App.InvitationPaths()[3]));
        var token = await Admin.AntiforgeryTokenAsync(Page);

        using var first = await Admin.PostAsync("/admin/omgangar/1/lankar", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var second = await Admin.PostAsync("/admin/omgangar/1/lankar", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var rows = (await first.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var again = (await second.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, rows.Length);
        Assert.Single(again);
        using var respondent = App.CreateRespondent();
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(new Uri(rows[1].Split(',')[^1]).AbsolutePath)).Status);
    }

    [Fact]
    public async Task LinksAreBuiltFromTheConfiguredAddressWhateverHostTheRequestNames()
    {
        using var forging = await App.SignedInClientAsync(StaffRoles.Admin);
        forging.DefaultRequestHeaders.Host = "evil.example";
        await ActAsync("revoke", await InvitationIdAsync(App.InvitationPaths()[3]));
        var token = await forging.AntiforgeryTokenAsync(Page);

        using var issued = await forging.PostAsync("/admin/omgangar/1/lankar", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var rows = (await issued.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var reissued = await forging.PostFormAsync(Page, $"reissue-{await InvitationIdAsync(App.InvitationPaths()[4])}",
            ("Form.InvitationId", (await InvitationIdAsync(App.InvitationPaths()[4])).ToString()));
        var shown = WebUtility.HtmlDecode(Regex.Match(reissued.Main, "<code class=\"link\">([^<]+)</code>").Groups[1].Value);

        Assert.Equal(2, rows.Length);
        Assert.StartsWith("http://localhost/s/", rows[1].Split(',')[^1]);
        Assert.StartsWith("http://localhost/s/", shown);
        Assert.DoesNotContain("evil.example", reissued.Html);
    }
}
