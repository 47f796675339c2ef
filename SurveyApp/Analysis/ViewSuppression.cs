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
    public Task<IReadOnlySet<string>> HiddenTypesAsync(int waveId, CancellationToken cancellationToken = default) =>
        HiddenGroupsAsync(waveId, null, cancellationToken);

    /// <summary>The same for the groups of a further detail (null: the types): each detail is a dimension of its own.</summary>
    public async Task<IReadOnlySet<string>> HiddenGroupsAsync(int waveId, string? detail, CancellationToken cancellationToken = default) =>
        (await DimensionAsync(waveId, detail, cancellationToken)).Hidden;

    /// <summary>A dimension as the filter offers it: every group of the wave's invitees in Swedish order, and those it hides.</summary>
    public async Task<FilterDimension> DimensionAsync(int waveId, string? detail, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await GroupCountsAsync(db, waveId, detail, null, cancellationToken);
        return new FilterDimension(detail, counts.Keys.Order(Comparer<string>.Create(SwedishText.Compare)).ToList(), Suppression.HiddenSegments(counts, MinGroupSize));
    }

    // Rule 2 of docs/privacy.md, on the filter's one dimension (types, or one detail). Within a category each named
    // group must itself reach the minimum, so that no two filters of one category differ by a small group. Every
    // test is "at least the minimum", so 0 and 1 to minimum − 1 always give the same answer.
    internal async Task<bool> ViewAllowedAsync(SurveyDbContext db, int waveId, ResultsFilter filter, int inView, int waveCount, CancellationToken cancellationToken)
    {
        var waveGroups = filter.Groups.Count == 0 ? [] : await GroupCountsAsync(db, waveId, filter.Detail, null, cancellationToken);
        // Naming every group of the wave narrows nothing: the view is the wave (or the category's view).
        var groups = filter.Groups.Distinct().ToList();
        if (groups.Count > 0 && waveGroups.Keys.All(groups.Contains) && groups.All(waveGroups.ContainsKey)) groups = [];

        if (groups.Count == 0 && filter.CategoryId is null)
        {
            return Suppression.CanShowWave(inView, MinGroupSize);
        }
        if (!Suppression.CanShowPart(inView, waveCount, MinGroupSize))
        {
            return false;
        }
        if (groups.Count == 0)
        {
            return true;
        }
        var hidden = Suppression.HiddenSegments(waveGroups, MinGroupSize);
        if (groups.Any(g => !waveGroups.ContainsKey(g) || hidden.Contains(g)))
        {
            return false;
        }
        if (filter.CategoryId is null)
        {
            return true;
        }
        var inCategory = await GroupCountsAsync(db, waveId, filter.Detail, filter.CategoryId, cancellationToken);
        if (groups.Any(g => inCategory[g] < MinGroupSize))
        {
            return false;
        }
        var groupsOnly = groups.Sum(g => waveGroups[g]);
        return Suppression.CanShowPart(inView, inCategory.Values.Sum(), MinGroupSize) && Suppression.CanShowPart(inView, groupsOnly, MinGroupSize);
    }

    // Groups with no responses included, as 0.
    private static async Task<Dictionary<string, int>> GroupCountsAsync(SurveyDbContext db, int waveId, string? detail, int? categoryId, CancellationToken cancellationToken)
    {
        var counts = await ResponsesInView.Responses(db, waveId, new ResultsFilter([], categoryId))
            .Join(ParticipantGroups.Of(db, detail), r => r.ParticipantId, g => g.ParticipantId, (r, g) => g.Group)
            .GroupBy(g => g)
            .Select(g => new { Group = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Group, g => g.Count, StringComparer.Ordinal, cancellationToken);
        foreach (var group in await ParticipantGroups.OfWave(db, waveId, detail).ToListAsync(cancellationToken))
        {
            counts.TryAdd(group, 0);
        }
        return counts;
    }
}
