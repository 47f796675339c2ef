using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Storage;
using SurveyApp.Auditing;
using SurveyApp.Mail;

namespace SurveyApp.Administration.Waves;

public enum InvitationRefusal { None, NotFound, Submitted, Revoked }

/// <summary>A new link replaces the token of the same invitation, so a respondent who had started keeps every saved answer.</summary>
public sealed class InvitationAdministration(IDbContextFactory<SurveyDbContext> factory, InvitationService invitations, InvitationLinkProtector links, AuditLog audit, TimeProvider clock)
{
    /// <summary>Withdraws a link that has not been used to submit; it then gets the same page as an unknown one.</summary>
    public async Task<InvitationRefusal> RevokeAsync(string actor, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (invitation, refusal) = await FindChangeableAsync(db, invitationId, cancellationToken);
        if (invitation is null) return refusal;
        invitation.RevokedAt = clock.GetUtcNow();
        audit.Add(db, actor, AuditActions.InvitationRevoked, Subject(invitation));
        await db.SaveChangesAsync(cancellationToken);
        return InvitationRefusal.None;
    }

    public async Task<(InvitationRefusal Refusal, string? Token)> ReissueAsync(string actor, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (invitation, refusal) = await FindChangeableAsync(db, invitationId, cancellationToken);
        if (invitation is null) return (refusal, null);
        var token = links.Renew(invitation);
        audit.Add(db, actor, AuditActions.InvitationReissued, Subject(invitation));
        await db.SaveChangesAsync(cancellationToken);
        return (InvitationRefusal.None, token);
    }

    /// <summary>Links for every active participant that has no usable invitation to the wave yet; returned once, never stored.</summary>
    public async Task<IReadOnlyList<IssuedInvitation>?> IssueMissingAsync(string actor, int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return null;
        var invited = db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null).Select(i => i.ParticipantId);
        var missing = await db.Participants.Where(p => p.IsActive && !invited.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var pending = await invitations.AddAsync(db, wave, missing, cancellationToken);
        audit.Add(db, actor, AuditActions.InvitationsIssued, $"{wave.Name} ({waveId})", pending.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return pending.Issued();
    }

    private static async Task<(Invitation? Invitation, InvitationRefusal Refusal)> FindChangeableAsync(SurveyDbContext db, int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.Include(i => i.Participant).Include(i => i.Wave).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null) return (null, InvitationRefusal.NotFound);
        if (invitation.RevokedAt is not null) return (null, InvitationRefusal.Revoked);
        if (await db.Responses.AnyAsync(r => r.InvitationId == invitationId && r.SubmittedAt != null, cancellationToken)) return (null, InvitationRefusal.Submitted);
        return (invitation, InvitationRefusal.None);
    }

    private static string Subject(Invitation invitation) => $"{invitation.Participant!.Name}, {invitation.Wave!.Name} ({invitation.WaveId})";
}
