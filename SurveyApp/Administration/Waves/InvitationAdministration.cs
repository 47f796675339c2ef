using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Storage;
using SurveyApp.Auditing;
using SurveyApp.Mail;

namespace SurveyApp.Administration.Waves;

public enum InvitationRefusal { None, NotFound, Submitted, Revoked }

/// <summary>A participant a wave may invite; <see cref="Invited"/> when it already holds a usable link to the wave.</summary>
public sealed record Invitee(int Id, string? Code, string Name, string Type, IReadOnlyDictionary<string, string> Attributes, bool Active, bool Invited);

public sealed record InviteeList(int Id, string Name, IReadOnlyList<Invitee> Participants);

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
        audit.Add(db, actor, AuditActions.InvitationRevoked, invitation.ParticipantId, Subject(invitation));
        await db.SaveChangesAsync(cancellationToken);
        return InvitationRefusal.None;
    }

    public async Task<(InvitationRefusal Refusal, string? Token)> ReissueAsync(string actor, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (invitation, refusal) = await FindChangeableAsync(db, invitationId, cancellationToken);
        if (invitation is null) return (refusal, null);
        var token = links.Renew(invitation);
        audit.Add(db, actor, AuditActions.InvitationReissued, invitation.ParticipantId, Subject(invitation));
        await db.SaveChangesAsync(cancellationToken);
        return (InvitationRefusal.None, token);
    }

    /// <summary>The lists the wave may invite from, each with its participants and whether each already has a usable link.</summary>
    public async Task<IReadOnlyList<InviteeList>?> CandidatesAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return null;
        var lists = await (await ParticipantScope.ListsOfSurveyAsync(db, wave.SurveyId, cancellationToken)).AsNoTracking()
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken);
        var ids = lists.Select(l => l.Id).ToList();
        var invited = db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null).Select(i => i.ParticipantId);
        var participants = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.ListId))
            .OrderBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)).ThenBy(p => p.Id)
            .Select(p => new { p.ListId, Row = new Invitee(p.Id, p.Code, p.Name, p.Type, p.Attributes, p.IsActive, invited.Contains(p.Id)) })
            .ToListAsync(cancellationToken);
        var byList = participants.ToLookup(p => p.ListId, p => p.Row);
        return lists.Select(l => new InviteeList(l.Id, l.Name, byList[l.Id].ToList())).ToList();
    }

    /// <summary>
    /// Invites the chosen participants of the wave's lists. One already holding a usable link, a deactivated one, or one
    /// outside the wave's lists is passed over. The links are returned once, never stored.
    /// </summary>
    public async Task<IReadOnlyList<IssuedInvitation>?> InviteAsync(string actor, int waveId, IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return null;
        var chosen = participantIds.Distinct().ToList();
        var invited = db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null).Select(i => i.ParticipantId);
        var invitable = await ParticipantScope.OfWaveAsync(db, waveId, cancellationToken);
        var ids = await invitable.Where(p => p.IsActive && chosen.Contains(p.Id) && !invited.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        var pending = await invitations.AddAsync(db, wave, ids, cancellationToken);
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
