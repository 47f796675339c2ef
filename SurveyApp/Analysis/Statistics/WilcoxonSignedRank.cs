namespace SurveyApp.Analysis.Statistics;

/// <summary>
/// Differences are after − before: <see cref="WPlus"/> sums the ranks of the pairs that rose, and <see cref="Z"/>
/// is positive for a rise. <see cref="N"/> counts the non-zero differences the test used; <see cref="Z"/> is
/// given whichever method produced the two-sided <see cref="PValue"/>.
/// </summary>
public sealed record WilcoxonSignedRankResult(
    int PairCount,
    int ZeroDifferencesDropped,
    int N,
    double WPlus,
    double WMinus,
    double T,
    double? Z,
    double? PValue,
    PValueMethod? Method,
    string? Reason);

public static class WilcoxonSignedRank
{
    /// <summary>Up to this many non-zero differences the p-value is exact; above, normal.</summary>
    public const int ExactLimit = 30;

    /// <summary>
    /// Zero differences are dropped before ranking (Wilcoxon's original method), so n is the number of
    /// non-zero differences. The exact p-value enumerates all 2^n sign assignments of the midranks of |d|
    /// and is the share whose W+ lies at least as far from E[W+] = n(n + 1)/4 as the observed one. The
    /// normal approximation uses σ² = n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48 and a continuity correction of 0.5.
    /// </summary>
    public static WilcoxonSignedRankResult Test(IReadOnlyList<(int Before, int After)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var differences = pairs.Select(pair => pair.After - pair.Before).Where(d => d != 0).ToArray();
        var zeros = pairs.Count - differences.Length;
        var n = differences.Length;

        if (n == 0)
        {
            var reason = pairs.Count == 0 ? "There are no pairs." : "Every pair has a zero difference.";
            return new WilcoxonSignedRankResult(pairs.Count, zeros, 0, 0, 0, 0, null, null, null, reason);
        }

        var ranks = MidRanks.Of(differences.Select(Math.Abs).ToArray());
        long doubledWPlus = 0;
        for (var i = 0; i < n; i++)
        {
            if (differences[i] > 0)
            {
                doubledWPlus += ranks.DoubledRanks[i];
            }
        }
        var wPlus = doubledWPlus / 2.0;
        var wMinus = n * (n + 1) / 2.0 - wPlus;

        var mean = n * (n + 1) / 4.0;
        var variance = n * (n + 1.0) * (2 * n + 1) / 24.0 - ranks.TieTerm / 48.0;
        var deviation = wPlus - mean;
        var z = Math.Sign(deviation) * Math.Max(Math.Abs(deviation) - 0.5, 0.0) / Math.Sqrt(variance);

        var (p, method) = n <= ExactLimit
            ? (ExactPValue(ranks.DoubledRanks, doubledWPlus), PValueMethod.Exact)
            : (StandardNormal.TwoSidedPValue(z), PValueMethod.Normal);
        return new WilcoxonSignedRankResult(pairs.Count, zeros, n, wPlus, wMinus, Math.Min(wPlus, wMinus), z, p, method, null);
    }

    private static double ExactPValue(int[] doubledRanks, long observedDoubledWPlus)
    {
        var maxSum = doubledRanks.Sum();
        // ways[s]: sign assignments of the ranks seen so far whose positive ranks sum (doubled) to s.
        var ways = new long[maxSum + 1];
        ways[0] = 1;
        foreach (var rank in doubledRanks)
        {
            for (var s = maxSum - rank; s >= 0; s--)
            {
                ways[s + rank] += ways[s];
            }
        }

        // Distances from E[W+] = n(n + 1)/4 are compared as 2·(2W+) − 2n(n + 1)/2 to stay in integers.
        var observedDistance = Math.Abs(2 * observedDoubledWPlus - maxSum);
        long atLeastAsFar = 0, all = 0;
        for (var s = 0; s <= maxSum; s++)
        {
            all += ways[s];
            if (Math.Abs(2L * s - maxSum) >= observedDistance)
            {
                atLeastAsFar += ways[s];
            }
        }
        return (double)atLeastAsFar / all;
    }
}
