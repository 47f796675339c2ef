using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// The rules of <see cref="Suppression"/> applied to a wave's views, on the database's counts of their
/// responses: which views may show numbers and which participant types may not be named.
/// </summary>
public sealed class ViewSuppression(IDbContextFactory<SurveyDbContext> factory, IOptions<AnalysisOptions> options)
{
    public int MinGroupSize => options.Value.MinGroupSize;

    /// <summary>
    /// The participant types a filter may not name, nor the raw responses show, in the wave: too few
    /// responses (none included), or needed to keep the other small types' total from being worked out.
    /// Decided on the whole wave's counts, which the list of who has answered shows anyway, so it is the
    /// same whatever else the filter selects.
    /// </summary>
    public async Task<IReadOnlySet<string>> HiddenTypesAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return Suppression.HiddenSegments(await TypeCountsAsync(db, waveId, null, cancellationToken), MinGroupSize);
    }

    /// <summary>
    /// Whether a view's numbers may be shown. Beyond the view's own size, no view may differ by a small
    /// (or empty) group from a view that is also shown: from the wave, from the same category's view or the
    /// same types' view. Types the wave hides may not be named; within a category each named type must
    /// itself reach the minimum, so that no two type filters of one category differ by a small group.
    /// Every test below is "at least the minimum", so 0 and 1 to minimum − 1 always give the same answer.
    /// </summary>
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

    /// <summary>Submitted responses per participant type of the wave's invitees (or within a category's responses), 0 included.</summary>
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
