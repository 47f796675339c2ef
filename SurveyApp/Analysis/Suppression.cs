namespace SurveyApp.Analysis;

/// <summary>
/// Which groups of responses may be shown (docs/privacy.md). A group is a set of responses that numbers
/// are broken down by: a filtered view, a cross-tab column, the participant type written beside a raw
/// response. A group below the minimum is hidden, an empty one included, so that hiding never says
/// whether a group holds 0 or 1 to minimum − 1 responses; and so is any group that could be worked out by
/// subtracting what is shown from something else that is shown.
/// </summary>
public static class Suppression
{
    /// <summary>A whole wave is shown when it holds at least the minimum.</summary>
    public static bool CanShowWave(int waveCount, int minimum) => waveCount >= minimum;

    /// <summary>
    /// A part of a larger group that is also shown (a filtered view of the wave, a category's view narrowed
    /// by type) is shown only if it and the rest are both at least the minimum. A rest of 0 does not count
    /// as "nothing to hide": it would tell an empty rest apart from a small one.
    /// </summary>
    public static bool CanShowPart(int partCount, int wholeCount, int minimum) =>
        partCount >= minimum && wholeCount - partCount >= minimum;

    /// <summary>
    /// The segments of a breakdown to hide when the segments' sizes are known anyway (responses per
    /// participant type in a whole wave, which the list of who has answered shows): every segment below the
    /// minimum, empty ones included, and then the next smallest as well until the hidden ones together reach
    /// the minimum, so that the total minus the visible segments never reveals a small group.
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
    /// The segments to hide when the segments' sizes are themselves secret (participant types within a coded
    /// category): the decision may depend only on which segments are below the minimum, never on how far
    /// below. So every segment below the minimum is hidden and, if any is, the smallest of the others too,
    /// which alone brings the hidden total to the minimum whatever the small ones hold.
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
