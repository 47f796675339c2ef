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
    /// The groups of a breakdown to hide when their total is known (shown, or derivable): every group
    /// below the minimum, and then the next smallest groups as well until the hidden groups together
    /// reach the minimum, so that the total minus the visible groups never reveals a small group.
    /// </summary>
    public static IReadOnlySet<string> HiddenSegments(IReadOnlyDictionary<string, int> counts, int minimum)
    {
        var present = counts.Where(c => c.Value > 0).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var hidden = present.Where(c => c.Value < minimum).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var hiddenTotal = present.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
        foreach (var next in present.Where(c => !hidden.Contains(c.Key)))
        {
            if (hiddenTotal == 0 || hiddenTotal >= minimum)
            {
                break;
            }
            hidden.Add(next.Key);
            hiddenTotal += next.Value;
        }
        return hidden;
    }
}
