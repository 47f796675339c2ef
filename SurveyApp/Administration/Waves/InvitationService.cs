using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Responding;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

/// <summary>A new invitation link; the token is shown once and only its hash is kept.</summary>
public sealed record IssuedInvitation(int InvitationId, int ParticipantId, string ParticipantName, string ParticipantType, string Token)
{
    public string Path => $"/s/{Token}";
}

/// <summary>Invitations added to a context and not yet saved; their links exist only here.</summary>
public sealed class PendingInvitations(IReadOnlyList<(Invitation Invitation, Participant Participant, string Token)> invitations)
{
    public int Count => invitations.Count;

    /// <summary>The links, once the context has been saved (the invitations then have their ids).</summary>
    public IReadOnlyList<IssuedInvitation> Issued() =>
        invitations.Select(i => new IssuedInvitation(i.Invitation.Id, i.Participant.Id, i.Participant.Name, i.Participant.Type, i.Token)).ToList();
}

public sealed class InvitationService(IDbContextFactory<SurveyDbContext> factory, InvitationLinkProtector links, TimeProvider clock)
{
    public async Task<IReadOnlyList<IssuedInvitation>> IssueAsync(int waveId, IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        var pending = await AddAsync(db, wave, participantIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return pending.Issued();
    }

    // Saved with the context's next save, so that they are stored together with what else it holds.
    public async Task<PendingInvitations> AddAsync(SurveyDbContext db, Wave wave, IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        var ids = participantIds.ToList();
        var participants = await db.Participants.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var issued = new List<(Invitation Invitation, Participant Participant, string Token)>();
        foreach (var id in ids)
        {
            var participant = participants.GetValueOrDefault(id) ?? throw new ArgumentException($"No participant {id}.", nameof(participantIds));
            var invitation = new Invitation { ParticipantId = id, TokenHash = "", CreatedAt = clock.GetUtcNow() };
            var token = links.Renew(invitation);
            if (wave.Id == 0)
            {
                invitation.Wave = wave;
            }
            else
            {
                invitation.WaveId = wave.Id;
            }
            db.Invitations.Add(invitation);
            issued.Add((invitation, participant, token));
        }
        return new PendingInvitations(issued);
    }
}
