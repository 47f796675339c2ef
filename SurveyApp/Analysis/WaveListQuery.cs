using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public sealed class WaveListQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public async Task<IReadOnlyList<WaveSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waves = await db.Waves.AsNoTracking()
            .OrderBy(w => w.SurveyId).ThenBy(w => w.Id)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .ToListAsync(cancellationToken);
        // Read after the waves, so that every wave's survey is in it.
        var series = await SeriesAsync(db, cancellationToken);
        return waves.Select(w => w with { SeriesId = series.GetValueOrDefault(w.SurveyId, w.SurveyId) }).ToList();
    }

    public static async Task<IReadOnlyDictionary<int, int>> SeriesAsync(SurveyDbContext db, CancellationToken cancellationToken) =>
        Survey.Series((await db.Surveys.AsNoTracking().Select(s => new { s.Id, s.PreviousVersionId }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.PreviousVersionId)));
}
