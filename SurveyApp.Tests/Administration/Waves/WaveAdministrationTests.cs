using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Waves;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>Admins create waves, open and close them, and copy one as a follow-up whose links are handed out once.</summary>
public sealed class WaveAdministrationTests : IDisposable
{
    private const string Actor = "admin@example.org";
    private readonly SurveyAppFactory _app = new();

    private WaveAdministration Waves => _app.Services.GetRequiredService<WaveAdministration>();

    private async Task<List<Wave>> StoredWavesAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Waves.OrderBy(w => w.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAdminCreatesAWaveWithDatesInTheServersTimeZone()
    {
        var opens = WaveTimes.FromLocal(new DateTime(2027, 1, 10), new TimeSpan(8, 0, 0));
        var closes = WaveTimes.FromLocal(new DateTime(2027, 2, 10), new TimeSpan(17, 0, 0));

        var (refusal, waveId) = await Waves.CreateAsync(Actor, 1, "  Uppföljning 2027 ", opens, closes);

        Assert.Equal(WaveRefusal.None, refusal);
        var wave = (await StoredWavesAsync()).Last();
        Assert.Equal(waveId, wave.Id);
        Assert.Equal("Uppföljning 2027", wave.Name);
        Assert.Equal(new DateTimeOffset(new DateTime(2027, 1, 10, 8, 0, 0, DateTimeKind.Local)), wave.OpensAt);
        Assert.Equal("2027-01-10 08:00", WaveTimes.Format(wave.OpensAt));
        var listed = (await Waves.ListAsync()).Single(w => w.Id == waveId);
        Assert.False(listed.AcceptsAnswers);
        Assert.False(listed.IsClosed);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(AuditActions.WaveCreated, entry.Action);
        Assert.Equal($"Uppföljning 2027 ({wave.Id})", entry.Subject);
    }

    [Theory]
    [InlineData("", false, WaveRefusal.NameMissing)]
    [InlineData("   ", false, WaveRefusal.NameMissing)]
    [InlineData("Omgång", true, WaveRefusal.ClosesBeforeOpens)]
    [InlineData("uppföljning december 2013", false, WaveRefusal.NameTaken)]
    [InlineData("UPPFÖLJNING DECEMBER 2013", false, WaveRefusal.NameTaken)]
    public async Task AWaveWithoutANameWithItsDatesReversedOrWithATakenNameIsRefused(string name, bool reversed, WaveRefusal expected)
    {
        var (early, late) = (WaveTimes.FromLocal(new DateTime(2027, 1, 10), null), WaveTimes.FromLocal(new DateTime(2027, 2, 10), null));

        var (refusal, waveId) = await Waves.CreateAsync(Actor, 1, name, reversed ? late : early, reversed ? early : late);

        Assert.Equal(expected, refusal);
        Assert.Null(waveId);
        Assert.Single(await StoredWavesAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ANameLongerThanTheLimitOrAnUnknownSurveyIsRefused()
    {
        Assert.Equal(WaveRefusal.NameTooLong, (await Waves.CreateAsync(Actor, 1, new string('x', WaveAdministration.MaxNameLength + 1), null, null)).Refusal);
        Assert.Equal(WaveRefusal.NotFound, (await Waves.CreateAsync(Actor, 99, "Omgång", null, null)).Refusal);
        Assert.Single(await StoredWavesAsync());
    }

    [Fact]
    public async Task AClosedWaveTurnsItsLinksAwayUntilReopened()
    {
        var link = _app.InvitationPaths()[0];
        using var respondent = _app.CreateRespondent();

        Assert.Equal(WaveRefusal.None, await Waves.SetClosedAsync(Actor, 1, closed: true));
        var closed = await respondent.GetPageAsync(link);
        Assert.Equal(WaveRefusal.None, await Waves.SetClosedAsync(Actor, 1, closed: true));
        Assert.Equal(WaveRefusal.None, await Waves.SetClosedAsync(Actor, 1, closed: false));
        var reopened = await respondent.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.Gone, closed.Status);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        // Closing a closed wave changes nothing and is not logged again.
        Assert.Equal([AuditActions.WaveClosed, AuditActions.WaveOpened], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal(WaveRefusal.NotFound, await Waves.SetClosedAsync(Actor, 99, closed: true));
    }

    [Fact]
    public async Task AFollowUpGetsAFreshLinkForEveryParticipantStoredOnlyAsAHash()
    {
        var (refusal, waveId, links) = await Waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning 2017", null, null);

        Assert.Equal(WaveRefusal.None, refusal);
        Assert.Equal(20, links.Count);
        Assert.Equal(20, links.Select(l => l.ParticipantId).Distinct().Count());
        var waves = await StoredWavesAsync();
        Assert.Equal(waveId, waves.Last().Id);
        Assert.Equal("Uppföljning 2017", waves.Last().Name);
        Assert.Equal(waves[0].SurveyId, waves.Last().SurveyId);
        Assert.Contains(waveId!.Value, (await Waves.ListAsync()).Select(w => w.Id));
        await using (var db = _app.CreateDbContext())
        {
            var hashes = await db.Invitations.Where(i => i.WaveId == waveId).Select(i => i.TokenHash).ToListAsync();
            Assert.Equal(links.Select(l => InvitationToken.Hash(l.Token)).Order(), hashes.Order());
            Assert.DoesNotContain(hashes, h => links.Any(l => h.Contains(l.Token, StringComparison.Ordinal)));
        }
        Assert.Empty(links.Select(l => l.Path).Intersect(_app.InvitationPaths()));
        using var respondent = _app.CreateRespondent();
        var welcome = await respondent.GetPageAsync(links[0].Path);
        Assert.Equal(HttpStatusCode.OK, welcome.Status);
        Assert.Contains("Uppföljning 2017", WebUtility.HtmlDecode(welcome.Main));
        var audit = await AuditAsync();
        Assert.Equal([AuditActions.WaveCreated, AuditActions.InvitationsIssued], audit.Select(e => e.Action));
        Assert.Equal($"Uppföljning 2017 ({waveId})", audit[1].Subject);
        Assert.Equal("20 ← Uppföljning december 2013 (1)", audit[1].Details);
        Assert.DoesNotContain(audit, e => links.Any(l => $"{e.Subject} {e.Details}".Contains(l.Token, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AFollowUpLeavesOutWithdrawnLinksAndInactiveParticipants()
    {
        await using (var db = _app.CreateDbContext())
        {
            var invitations = await db.Invitations.Include(i => i.Participant).OrderBy(i => i.Id).Take(2).ToListAsync();
            invitations[0].RevokedAt = DateTimeOffset.UtcNow;
            invitations[1].Participant!.IsActive = false;
            await db.SaveChangesAsync();
        }

        var (_, _, links) = await Waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning 2017", null, null);

        Assert.Equal(18, links.Count);
        Assert.DoesNotContain(links, l => l.ParticipantName is "Arvika kommun" or "Botkyrka kommun");
    }

    [Fact]
    public async Task AFollowUpMadeTwiceWithOneNameMakesOneWave()
    {
        var first = await Waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning 2017", null, null);
        var second = await Waves.CopyAsFollowUpAsync(Actor, 1, "UPPFÖLJNING 2017", null, null);

        Assert.Equal(WaveRefusal.None, first.Refusal);
        Assert.Equal(WaveRefusal.NameTaken, second.Refusal);
        Assert.Empty(second.Links);
        Assert.Equal(2, (await StoredWavesAsync()).Count);
        await using var db = _app.CreateDbContext();
        Assert.Equal(40, await db.Invitations.CountAsync());
    }

    [Theory]
    [InlineData(" ", 1, WaveRefusal.NameMissing)]
    [InlineData(null, 1, WaveRefusal.NameMissing)]
    [InlineData("Uppföljning", 99, WaveRefusal.NotFound)]
    public async Task AFollowUpWithoutANameOrOfAMissingWaveCreatesNothing(string? name, int source, WaveRefusal expected)
    {
        var (refusal, waveId, links) = await Waves.CopyAsFollowUpAsync(Actor, source, name, null, null);

        Assert.Equal(expected, refusal);
        Assert.Null(waveId);
        Assert.Empty(links);
        Assert.Single(await StoredWavesAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task TheLinksFileNamesEveryParticipantWithALinkAtTheConfiguredAddressInColumnsASwedishSpreadsheetSplits()
    {
        var (_, _, links) = await Waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning 2017", null, null);

        byte[] file;
        using (UiCulture.Swedish())
        {
            file = _app.Services.GetRequiredService<InvitationLinksCsv>().Write(links);
        }

        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);
        var rows = System.Text.Encoding.UTF8.GetString(file[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Deltagare;Typ;Länk", rows[0]);
        Assert.Equal(21, rows.Length);
        Assert.Equal($"Arvika kommun;kommun;http://localhost{links[0].Path}", rows[1]);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("http://localhost/s/", r.Split(';')[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEnglishAdminsLinksFileHasEnglishHeadingsAndCommas()
    {
        var (_, _, links) = await Waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning 2017", null, null);

        string[] rows;
        using (UiCulture.English())
        {
            var file = _app.Services.GetRequiredService<InvitationLinksCsv>().Write(links);
            rows = System.Text.Encoding.UTF8.GetString(file[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.Equal("Participant,Type,Link", rows[0]);
        Assert.Equal($"Arvika kommun,kommun,http://localhost{links[0].Path}", rows[1]);
    }
}
