using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Storage;

namespace SurveyApp.Administration;

/// <summary>A new invitation link; the token is shown once and only its hash is kept.</summary>
public sealed record IssuedInvitation(int InvitationId, int ParticipantId, string ParticipantName, string ParticipantType, string Token)
{
    public string Path => $"/s/{Token}";
}

public sealed class InvitationService(IDbContextFactory<SurveyDbContext> factory, TimeProvider clock)
{
    /// <summary>Creates one invitation to the wave for each given participant.</summary>
    public async Task<IReadOnlyList<IssuedInvitation>> IssueAsync(int waveId, IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = participantIds.ToList();
        var participants = await db.Participants.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var issued = new List<(Invitation Invitation, Participant Participant, string Token)>();
        foreach (var id in ids)
        {
            var participant = participants.GetValueOrDefault(id) ?? throw new ArgumentException($"No participant {id}.", nameof(participantIds));
            var token = InvitationToken.Generate();
            var invitation = new Invitation { WaveId = waveId, ParticipantId = id, TokenHash = InvitationToken.Hash(token), CreatedAt = clock.GetUtcNow() };
            db.Invitations.Add(invitation);
            issued.Add((invitation, participant, token));
        }
        await db.SaveChangesAsync(cancellationToken);
        return issued.Select(i => new IssuedInvitation(i.Invitation.Id, i.Participant.Id, i.Participant.Name, i.Participant.Type, i.Token)).ToList();
    }
}
