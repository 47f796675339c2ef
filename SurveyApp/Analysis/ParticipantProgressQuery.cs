using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public sealed class ParticipantProgressQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public async Task<IReadOnlyList<ParticipantProgress>> ListAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from i in db.Invitations.AsNoTracking()
                where i.WaveId == waveId && i.RevokedAt == null
                join r in db.Responses on i.Id equals r.InvitationId into responses
                from r in responses.DefaultIfEmpty()
                select new { i.Participant!.Name, i.Participant.Type, Started = r != null, Submitted = r != null && r.SubmittedAt != null })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ParticipantProgress(r.Name, r.Type,
                r.Submitted ? ParticipantStatus.Submitted : r.Started ? ParticipantStatus.Started : ParticipantStatus.NotStarted))
            .OrderBy(p => p.Status).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }
}
