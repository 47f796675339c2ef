using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public sealed class ViewSuppression(IDbContextFactory<SurveyDbContext> factory, IOptions<AnalysisOptions> options)
{
    public int MinGroupSize => options.Value.MinGroupSize;

    /// <summary>
    /// Decided on the whole wave's counts, which the list of who has answered shows anyway (docs/privacy.md,
    /// rule 3), so the hidden types are the same whatever else the filter selects.
    /// </summary>
    public async Task<IReadOnlySet<string>> HiddenTypesAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return Suppression.HiddenSegments(await TypeCountsAsync(db, waveId, null, cancellationToken), MinGroupSize);
    }

    // Rule 2 of docs/privacy.md. Within a category each named type must itself reach the minimum, so that no
    // two type filters of one category differ by a small group. Every test is "at least the minimum", so 0
    // and 1 to minimum − 1 always give the same answer.
    internal async Task<bool> ViewAllowedAsync(SurveyDbContext db, int waveId, ResultsFilter filter, int inView, int waveCount, CancellationToken cancellationToken)
    {
        var waveTypes = filter.ParticipantTypes.Count == 0 ? [] : await TypeCountsAsync(db, waveId, null, cancellationToken);
        // Naming every type of the wave narrows nothing: the view is the wave (or the category's view).
        var types = filter.ParticipantTypes.Distinct().ToList();
        if (types.Count > 0 && waveTypes.Keys.All(types.Contains) && types.All(waveTypes.ContainsKey)) types = [];

        if (types.Count == 0 && filter.CategoryId is null)
        {
            return Suppression.CanShowWave(inView, MinGroupSize);
        }
        if (!Suppression.CanShowPart(inView, waveCount, MinGroupSize))
        {
            return false;
        }
        if (types.Count == 0)
        {
            return true;
        }
        var hidden = Suppression.HiddenSegments(waveTypes, MinGroupSize);
        if (types.Any(t => !waveTypes.ContainsKey(t) || hidden.Contains(t)))
        {
            return false;
        }
        if (filter.CategoryId is null)
        {
            return true;
        }
        var inCategory = await TypeCountsAsync(db, waveId, filter.CategoryId, cancellationToken);
        if (types.Any(t => inCategory[t] < MinGroupSize))
        {
            return false;
        }
        var typesOnly = types.Sum(t => waveTypes[t]);
        return Suppression.CanShowPart(inView, inCategory.Values.Sum(), MinGroupSize) && Suppression.CanShowPart(inView, typesOnly, MinGroupSize);
    }

    // Types with no responses included, as 0.
    private static async Task<Dictionary<string, int>> TypeCountsAsync(SurveyDbContext db, int waveId, int? categoryId, CancellationToken cancellationToken)
    {
        var counts = await ResponsesInView.Responses(db, waveId, new ResultsFilter([], categoryId))
            .Join(db.Participants, r => r.ParticipantId, p => p.Id, (r, p) => p.Type)
            .GroupBy(t => t)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        foreach (var type in await ParticipantTypesQuery.OfWave(db, waveId).ToListAsync(cancellationToken))
        {
            counts.TryAdd(type, 0);
        }
        return counts;
    }
}
