using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>The participant types of the wave's invitees, whether or not they answered: what a filter may offer.</summary>
public sealed class ParticipantTypesQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public async Task<IReadOnlyList<string>> ListAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await OfWave(db, waveId).OrderBy(t => EF.Functions.Collate(t, SwedishText.Collation)).ToListAsync(cancellationToken);
    }

    internal static IQueryable<string> OfWave(SurveyDbContext db, int waveId) =>
        db.Invitations.Where(i => i.WaveId == waveId).Select(i => i.Participant!.Type).Distinct();
}
