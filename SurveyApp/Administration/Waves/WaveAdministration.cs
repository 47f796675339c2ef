using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Storage;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Waves;

public sealed record WaveSummary(int Id, string Name, int SurveyId, string SurveyTitle, bool IsClosed,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool AcceptsAnswers, int Invited, int Submitted);

/// <summary>Why a change to a wave was refused: a resource key for the message.</summary>
public enum WaveRefusal { None, NotFound, NameMissing, NameTooLong, ClosesBeforeOpens, NameTaken }

public sealed class WaveAdministration(IDbContextFactory<SurveyDbContext> factory, InvitationService invitations, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<IReadOnlyList<WaveSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waves = await db.Waves.AsNoTracking().Include(w => w.Survey).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        var invited = await db.Invitations.Where(i => i.RevokedAt == null).GroupBy(i => i.WaveId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var submitted = await db.Responses.Where(r => r.SubmittedAt != null).GroupBy(r => r.WaveId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var now = clock.GetUtcNow();
        return waves.Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed, w.OpensAt, w.ClosesAt,
            w.AcceptsAnswers(now), invited.GetValueOrDefault(w.Id), submitted.GetValueOrDefault(w.Id))).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Title)>> SurveysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Versions of one survey share its title; from the second on, the version tells them apart.
        return (await db.Surveys.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Title, s.Version }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Version > 1 ? Text.Format("Surveys.TitleWithVersion", s.Title, s.Version) : s.Title)).ToList();
    }

    public static WaveRefusal Check(string? name, DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        string.IsNullOrWhiteSpace(name) ? WaveRefusal.NameMissing
        : name.Trim().Length > MaxNameLength ? WaveRefusal.NameTooLong
        : opensAt is { } opens && closesAt is { } closes && closes <= opens ? WaveRefusal.ClosesBeforeOpens
        : WaveRefusal.None;

    public async Task<(WaveRefusal Refusal, int? WaveId)> CreateAsync(string actor, int surveyId, string? name, DateTimeOffset? opensAt,
        DateTimeOffset? closesAt, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (refusal, wave) = await AddWaveAsync(db, actor, surveyId, name, opensAt, closesAt, cancellationToken);
        if (wave is null) return (refusal, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WaveRefusal.None, wave.Id);
    }

    private async Task<(WaveRefusal Refusal, Wave? Wave)> AddWaveAsync(SurveyDbContext db, string actor, int surveyId, string? name,
        DateTimeOffset? opensAt, DateTimeOffset? closesAt, CancellationToken cancellationToken)
    {
        if (Check(name, opensAt, closesAt) is var refusal and not WaveRefusal.None) return (refusal, null);
        if (!await db.Surveys.AnyAsync(s => s.Id == surveyId, cancellationToken)) return (WaveRefusal.NotFound, null);
        // One name per survey's wave: it is how analysts tell waves apart, and a form sent twice makes no second wave.
        // Names differing only in case, of any letter, are the same name.
        var trimmed = name!.Trim();
        var folded = SwedishText.Fold(trimmed);
        if (await db.Waves.AnyAsync(w => w.SurveyId == surveyId && SwedishText.Folded(w.Name) == folded, cancellationToken)) return (WaveRefusal.NameTaken, null);
        var wave = new Wave { SurveyId = surveyId, Name = trimmed, OpensAt = opensAt, ClosesAt = closesAt };
        db.Waves.Add(wave);
        // Saved inside the caller's transaction for its id, which the entry names as the other wave entries do.
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.WaveCreated, $"{wave.Name} ({wave.Id})", Dates(opensAt, closesAt));
        return (WaveRefusal.None, wave);
    }

    /// <summary>Opening again leaves the wave's dates in force.</summary>
    public async Task<WaveRefusal> SetClosedAsync(string actor, int waveId, bool closed, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return WaveRefusal.NotFound;
        if (wave.IsClosed == closed) return WaveRefusal.None;
        wave.IsClosed = closed;
        audit.Add(db, actor, closed ? AuditActions.WaveClosed : AuditActions.WaveOpened, $"{wave.Name} ({wave.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return WaveRefusal.None;
    }

    /// <summary>
    /// Invites every active participant of <paramref name="sourceWaveId"/> whose link was not withdrawn. The wave,
    /// its invitations and their audit entries are stored together; the links are returned once, never stored.
    /// </summary>
    public async Task<(WaveRefusal Refusal, int? WaveId, IReadOnlyList<IssuedInvitation> Links)> CopyAsFollowUpAsync(string actor, int sourceWaveId,
        string? name, DateTimeOffset? opensAt, DateTimeOffset? closesAt, CancellationToken cancellationToken = default)
    {
        if (Check(name, opensAt, closesAt) is var refusal and not WaveRefusal.None) return (refusal, null, []);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == sourceWaveId, cancellationToken) is not { } source)
        {
            return (WaveRefusal.NotFound, null, []);
        }
        var participants = await db.Invitations.Where(i => i.WaveId == sourceWaveId && i.RevokedAt == null && i.Participant!.IsActive)
            .Select(i => i.ParticipantId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (created, wave) = await AddWaveAsync(db, actor, source.SurveyId, name, opensAt, closesAt, cancellationToken);
        if (wave is null) return (created, null, []);
        var pending = await invitations.AddAsync(db, wave, participants, cancellationToken);
        audit.Add(db, actor, AuditActions.InvitationsIssued, $"{wave.Name} ({wave.Id})", $"{pending.Count} ← {source.Name} ({sourceWaveId})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WaveRefusal.None, wave.Id, pending.Issued());
    }

    private static string? Dates(DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        opensAt is null && closesAt is null ? null : $"{opensAt:yyyy-MM-dd HH:mm} – {closesAt:yyyy-MM-dd HH:mm}";
}
