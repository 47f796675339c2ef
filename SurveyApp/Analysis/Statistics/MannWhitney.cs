namespace SurveyApp.Analysis.Statistics;

/// <summary>
/// <see cref="U1"/> belongs to sample a (pairs with a &gt; b, ties counting one half); <see cref="U"/> is the
/// smaller of U1 and n1·n2 − U1, the figure tables print. <see cref="Z"/> is positive when sample a tends to be
/// higher and is given whichever method produced the two-sided <see cref="PValue"/>.
/// </summary>
public sealed record MannWhitneyResult(
    int N1,
    int N2,
    double U,
    double U1,
    double U2,
    double RankSum1,
    double? Z,
    double? PValue,
    PValueMethod? Method,
    string? Reason);

public static class MannWhitney
{
    /// <summary>Up to this many observations in total the p-value is exact; above, normal.</summary>
    public const int ExactLimit = 30;

    /// <summary>
    /// The exact p-value is the permutation distribution of the midrank sum, conditional on the observed
    /// ties: over all C(n1 + n2, n1) ways to pick n1 of the pooled observations, the share whose sum W lies
    /// at least as far from E[W] = n1(N + 1)/2 as the observed one. The normal approximation uses
    /// σ² = n1·n2/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) and a continuity correction of 0.5 towards the
    /// mean; when every observation is equal σ = 0, Z is null and p = 1.
    /// </summary>
    public static MannWhitneyResult Test(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n1 = a.Count, n2 = b.Count, total = n1 + n2;

        if (n1 == 0 || n2 == 0)
        {
            var reason = total == 0 ? "Both samples are empty." : (n1 == 0 ? "Sample a is empty." : "Sample b is empty.");
            return new MannWhitneyResult(n1, n2, 0, 0, 0, 0, null, null, null, reason);
        }

        var ranks = MidRanks.Of(a.Concat(b).ToArray());
        long doubledRankSum1 = ranks.DoubledRanks.Take(n1).Sum(r => (long)r);
        double rankSum1 = doubledRankSum1 / 2.0;
        double u1 = rankSum1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double)n1 * n2 - u1;

        var mean = n1 * (double)n2 / 2.0;
        var variance = n1 * (double)n2 / 12.0 * (total + 1 - ranks.TieTerm / ((double)total * (total - 1)));
        double? z = variance > 1e-12 ? ContinuityCorrected(u1 - mean) / Math.Sqrt(variance) : null;
        var allTied = z is null ? "All observations are equal." : null;

        if (total <= ExactLimit)
        {
            var p = ExactPValue(ranks.DoubledRanks, n1, doubledRankSum1);
            return new MannWhitneyResult(n1, n2, Math.Min(u1, u2), u1, u2, rankSum1, z, p, PValueMethod.Exact, allTied);
        }

        var normalP = z is { } zValue ? StandardNormal.TwoSidedPValue(zValue) : 1.0;
        return new MannWhitneyResult(n1, n2, Math.Min(u1, u2), u1, u2, rankSum1, z, normalP, PValueMethod.Normal, allTied);
    }

    private static double ContinuityCorrected(double deviation) =>
        Math.Sign(deviation) * Math.Max(Math.Abs(deviation) - 0.5, 0.0);

    private static double ExactPValue(int[] doubledRanks, int n1, long observedDoubledSum)
    {
        var maxSum = doubledRanks.Sum();
        // ways[k, s]: subsets of k observations seen so far whose doubled ranks sum to s.
        var ways = new long[n1 + 1, maxSum + 1];
        ways[0, 0] = 1;
        var seen = 0;
        foreach (var rank in doubledRanks)
        {
            seen++;
            for (var k = Math.Min(seen, n1); k >= 1; k--)
            {
                for (var s = maxSum - rank; s >= 0; s--)
                {
                    if (ways[k - 1, s] != 0)
                    {
                        ways[k, s + rank] += ways[k - 1, s];
                    }
                }
            }
        }

        long doubledCentre = (long)n1 * (doubledRanks.Length + 1);
        var observedDistance = Math.Abs(observedDoubledSum - doubledCentre);
        long atLeastAsFar = 0, all = 0;
        for (var s = 0; s <= maxSum; s++)
        {
            all += ways[n1, s];
            if (Math.Abs(s - doubledCentre) >= observedDistance)
            {
                atLeastAsFar += ways[n1, s];
            }
        }
        return (double)atLeastAsFar / all;
    }
}
