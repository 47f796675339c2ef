using System.Net;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>Admins create waves, open and close them, and copy one as a follow-up whose links come as a CSV download.</summary>
public sealed class WaveAdministrationTests() : AdminPageTests
{
    private const string Page = "/admin/omgangar";
    private async Task<List<Wave>> WavesAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Waves.OrderBy(w => w.Id).ToListAsync();
    }

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task AnAdminCreatesAWaveWithDates()
    {
        var page = await Admin.PostFormAsync(Page, "create", ("Form.SurveyId", "1"), ("Form.Name", "Uppföljning 2027"),
            ("Form.Opens", "2027-01-10T08:00"), ("Form.Closes", "2027-02-10T17:00"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Omgången Uppföljning 2027 är skapad.", WebUtility.HtmlDecode(page.Main));
        var wave = (await WavesAsync()).Last();
        Assert.Equal("Uppföljning 2027", wave.Name);
        Assert.Equal(new DateTimeOffset(new DateTime(2027, 1, 10, 8, 0, 0, DateTimeKind.Local)), wave.OpensAt);
        Assert.Contains("Utanför datumen", WebUtility.HtmlDecode(page.Main));
        Assert.Equal([AuditActions.WaveCreated], await AuditActionsAsync());
        await using var db = App.CreateDbContext();
        Assert.Equal($"Uppföljning 2027 ({wave.Id})", (await db.AuditLog.SingleAsync()).Subject);
    }

    [Theory]
    [InlineData("", "", "", "Ge omgången ett namn")]
    [InlineData("Omgång", "2027-02-10T08:00", "2027-01-10T08:00", "efter öppningen")]
    public async Task AWaveWithoutANameOrWithItsDatesReversedIsRefused(string name, string opens, string closes, string message)
    {
        var page = await Admin.PostFormAsync(Page, "create", ("Form.SurveyId", "1"), ("Form.Name", name), ("Form.Opens", opens), ("Form.Closes", closes));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, WebUtility.HtmlDecode(page.Main));
        Assert.Single(await WavesAsync());
        Assert.Empty(await AuditActionsAsync());
    }

    [Fact]
    public async Task AClosedWaveTurnsItsLinksAwayUntilReopened()
    {
        var link = App.InvitationPaths()[0];
        using var respondent = App.CreateRespondent();

        await Admin.PostFormAsync(Page, "state-1", ("Form.WaveId", "1"), ("Form.Close", "true"));
        var closed = await respondent.GetPageAsync(link);
        await Admin.PostFormAsync(Page, "state-1", ("Form.WaveId", "1"), ("Form.Close", "false"));
        var reopened = await respondent.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.Gone, closed.Status);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        Assert.Equal([AuditActions.WaveClosed, AuditActions.WaveOpened], await AuditActionsAsync());
    }

    [Fact]
    public async Task AFollowUpGetsAFreshLinkForEveryParticipantAsACsvDownload()
    {
        var token = await Admin.AntiforgeryTokenAsync(Page);
        using var response = await Admin.PostAsync($"{Page}/1/uppfoljning",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Uppföljning 2017")]));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("participant,type,link", rows[0]);
        Assert.Equal(21, rows.Length);
        var waves = await WavesAsync();
        Assert.Equal("Uppföljning 2017", waves.Last().Name);
        Assert.Equal(waves[0].SurveyId, waves.Last().SurveyId);
        var links = rows.Skip(1).Select(r => new Uri(r.Split(',')[^1]).AbsolutePath).ToList();
        Assert.Empty(links.Intersect(App.InvitationPaths()));
        using var respondent = App.CreateRespondent();
        var welcome = await respondent.GetPageAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, welcome.Status);
        Assert.Contains("Uppföljning 2017", WebUtility.HtmlDecode(welcome.Main));
        Assert.Equal([AuditActions.WaveCreated, AuditActions.InvitationsIssued], await AuditActionsAsync());
    }

    [Fact]
    public async Task AFollowUpSentTwiceMakesOneWave()
    {
        var token = await Admin.AntiforgeryTokenAsync(Page);
        FormUrlEncodedContent Form() => new([new("__RequestVerificationToken", token), new("name", "Uppföljning 2017")]);

        using var first = await Admin.PostAsync($"{Page}/1/uppfoljning", Form());
        using var second = await Admin.PostAsync($"{Page}/1/uppfoljning", Form());
        var page = await Admin.GetPageAsync(second.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("finns redan en omgång", WebUtility.HtmlDecode(page.Main));
        Assert.Equal(2, (await WavesAsync()).Count);
    }

    [Fact]
    public async Task AFollowUpWithoutTheFormsTokenOrNameCreatesNothing()
    {
        using var forged = await Admin.PostAsync($"{Page}/1/uppfoljning", new FormUrlEncodedContent([new("name", "Förfalskad")]));
        var token = await Admin.AntiforgeryTokenAsync(Page);
        using var nameless = await Admin.PostAsync($"{Page}/1/uppfoljning", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", " ")]));
        var page = await Admin.GetPageAsync(nameless.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, nameless.StatusCode);
        Assert.Contains("Ge omgången ett namn", WebUtility.HtmlDecode(page.Main));
        Assert.Single(await WavesAsync());
    }

    [Fact]
    public async Task AFollowUpsLinksUseTheConfiguredAddressNotTheRequestsHost()
    {
        using var forging = await App.SignedInClientAsync(StaffRoles.Admin);
        forging.DefaultRequestHeaders.Host = "evil.example:8443";
        var token = await forging.AntiforgeryTokenAsync(Page);

        using var response = await forging.PostAsync($"{Page}/1/uppfoljning",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Uppföljning med förfalskad värd")]));
        var rows = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(21, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("http://localhost/s/", r.Split(',')[^1]));
    }
}
