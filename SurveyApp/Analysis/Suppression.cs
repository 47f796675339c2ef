namespace SurveyApp.Analysis;

public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Groups of fewer responses than this are never shown (common practice in Swedish survey reporting: 5).</summary>
    public int MinGroupSize { get; set; } = 5;
}

/// <summary>
/// Which groups of responses may be shown. A group below the minimum is hidden, and so is any group
/// whose numbers could be recovered by subtracting what is shown from a total that is shown.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// A filtered view of a wave is shown only if it holds at least the minimum, and so does the rest
    /// of the wave (unless the rest is empty): otherwise the wave's totals minus the view reveal a small group.
    /// </summary>
    public static bool CanShowView(int viewCount, int waveCount, int minimum) =>
        viewCount >= minimum && (waveCount - viewCount == 0 || waveCount - viewCount >= minimum);

    /// <summary>
    /// The segments of a breakdown to hide when a total over all of them is shown: every segment below
    /// the minimum, and when that leaves exactly one hidden, the next smallest as well, so that no
    /// hidden segment equals the total minus the visible ones.
    /// </summary>
    public static IReadOnlySet<string> HiddenSegments(IReadOnlyDictionary<string, int> counts, int minimum)
    {
        var present = counts.Where(c => c.Value > 0).ToList();
        var hidden = present.Where(c => c.Value < minimum).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 1)
        {
            var next = present.Where(c => !hidden.Contains(c.Key)).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
            if (next.Key is not null)
            {
                hidden.Add(next.Key);
            }
        }
        return hidden;
    }
}
