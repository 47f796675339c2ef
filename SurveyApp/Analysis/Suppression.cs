namespace SurveyApp.Analysis;

/// <summary>
/// Which groups of responses may be shown (docs/privacy.md). An empty group is hidden like a small one, so
/// that hiding never says whether a group holds 0 or 1 to minimum − 1 responses.
/// </summary>
public static class Suppression
{
    public static bool CanShowWave(int waveCount, int minimum) => waveCount >= minimum;

    /// <summary>Rule 2: a rest of 0 counts as small, or showing the part would tell an empty rest apart from a small one.</summary>
    public static bool CanShowPart(int partCount, int wholeCount, int minimum) =>
        partCount >= minimum && wholeCount - partCount >= minimum;

    /// <summary>
    /// Rule 3, for segments whose sizes are known anyway: the next smallest are hidden too until the hidden
    /// ones together reach the minimum, so that the total minus the visible segments never reveals a small group.
    /// </summary>
    public static IReadOnlySet<string> HiddenSegments(IReadOnlyDictionary<string, int> counts, int minimum)
    {
        var ordered = Ordered(counts);
        var hidden = ordered.Where(c => c.Value < minimum).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var hiddenTotal = ordered.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
        foreach (var next in ordered.Where(c => !hidden.Contains(c.Key)))
        {
            if (hidden.Count == 0 || hiddenTotal >= minimum) break;
            hidden.Add(next.Key);
            hiddenTotal += next.Value;
        }
        return hidden;
    }

    /// <summary>
    /// Rule 3, for segments whose sizes are secret: the decision may depend only on which segments are below
    /// the minimum, never on how far below; the smallest of the others alone brings the hidden total to the minimum.
    /// </summary>
    public static IReadOnlySet<string> HiddenSegmentsOfSecretSize(IReadOnlyDictionary<string, int> counts, int minimum)
    {
        var ordered = Ordered(counts);
        var hidden = ordered.Where(c => c.Value < minimum).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count > 0 && ordered.FirstOrDefault(c => !hidden.Contains(c.Key)) is { Key: not null } next)
        {
            hidden.Add(next.Key);
        }
        return hidden;
    }

    private static List<KeyValuePair<string, int>> Ordered(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
}
