using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis.Statistics;

public class MannWhitneyTests
{
    [Fact]
    public void CompletelySeparatedSamplesGiveUZeroAndExactPOfTwoTwentieths()
    {
        // No a exceeds any b: U1 = 0, U2 = 9. Of the C(6,3) = 20 equally likely rank sets for a only
        // {1,2,3} (W = 6) and {4,5,6} (W = 15) lie 4.5 from E[W] = 10.5, so p = 2/20.
        var result = MannWhitney.Test([1, 2, 3], [4, 5, 6]);

        Assert.Equal(0.0, result.U);
        Assert.Equal(0.0, result.U1);
        Assert.Equal(9.0, result.U2);
        Assert.Equal(6.0, result.RankSum1);
        Assert.Equal(PValueMethod.Exact, result.Method);
        Assert.Equal(0.1, result.PValue!.Value, 12);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void OneInversionGivesU1OneAndExactPOfFourTwentieths()
    {
        // Pairs with a > b: only (4, 3), so U1 = 1 = W − 3·4/2 with W = 1 + 2 + 4 = 7; U2 = 9 − 1 = 8.
        // Rank sums of 3 out of 6 (20 sets): 6:1, 7:1, 8:2, 9:3, 10:3, 11:3, 12:3, 13:2, 14:1, 15:1.
        // |W − 10.5| ≥ 3.5 for W ∈ {6, 7, 14, 15}: 4 sets, p = 4/20 = 0.2.
        var result = MannWhitney.Test([1, 2, 4], [3, 5, 6]);

        Assert.Equal(1.0, result.U1);
        Assert.Equal(8.0, result.U2);
        Assert.Equal(1.0, result.U);
        Assert.Equal(0.2, result.PValue!.Value, 12);
    }

    [Fact]
    public void FourAgainstFourWithoutOverlapGivesTwoSeventieths()
    {
        // Textbook table: n1 = n2 = 4, U = 0 has one-sided probability 1/70, two-sided 2/70.
        var result = MannWhitney.Test([5, 6, 7, 8], [1, 2, 3, 4]);

        Assert.Equal(16.0, result.U1);
        Assert.Equal(0.0, result.U);
        Assert.Equal(2.0 / 70.0, result.PValue!.Value, 12);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 2, 3, 3, 4 }, new[] { 2, 3, 3, 3, 4, 4, 5 })] // brute force: 356 of 1716
    [InlineData(new[] { 3, 3, 3, 4, 4 }, new[] { 3, 4, 4, 4, 5, 5, 5 })]
    [InlineData(new[] { 2, 2, 2, 2 }, new[] { 2, 2, 3, 2, 2 })]
    [InlineData(new[] { 4, 4, 5, 5, 5, 3, 4, 5 }, new[] { 1, 2, 2, 3, 3, 3, 4, 2 })]
    public void TiedSamplesGiveTheExactPOfBruteForceEnumeration(int[] a, int[] b)
    {
        var result = MannWhitney.Test(a, b);

        Assert.Equal(PValueMethod.Exact, result.Method);
        Assert.Equal(BruteForceTwoSidedP(a, b), result.PValue!.Value, 12);
    }

    [Fact]
    public void TwentyAgainstTwentyUsesTheTieCorrectedNormalApproximation()
    {
        int[] a = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 3, 4];
        int[] b = [1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 2, 5, 5, 3, 3, 1];

        // Independently: U1 by counting pairs, σ² = n1·n2/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))).
        var u1 = a.Sum(x => b.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0.0));
        const int n1 = 20, n2 = 20, n = 40;
        var tieTerm = a.Concat(b).GroupBy(x => x).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var sigma = Math.Sqrt(n1 * n2 / 12.0 * (n + 1 - tieTerm / (n * (n - 1.0))));
        var z = (Math.Abs(u1 - n1 * n2 / 2.0) - 0.5) / sigma;

        var result = MannWhitney.Test(a, b);

        Assert.Equal(271.0, u1);
        Assert.Equal(u1, result.U1);
        Assert.Equal(400.0 - 271.0, result.U);
        Assert.Equal(PValueMethod.Normal, result.Method);
        Assert.Equal(z, result.Z!.Value, 12);
        // erfc(z/√2) for z = 1.9637607572076572, from Python's math.erfc.
        Assert.Equal(0.0495578429815896, result.PValue!.Value, 1e-12);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 4 }, new[] { 3, 5, 6 })]
    [InlineData(new[] { 1, 2, 2, 3, 3, 4 }, new[] { 2, 3, 3, 3, 4, 4, 5 })]
    [InlineData(new[] { 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 3, 4 },
                new[] { 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 2, 5, 5, 3, 3, 1 })]
    public void SwappingTheSamplesKeepsUAndPAndMirrorsZ(int[] a, int[] b)
    {
        var forward = MannWhitney.Test(a, b);
        var backward = MannWhitney.Test(b, a);

        Assert.Equal(forward.U, backward.U);
        Assert.Equal(forward.U1, backward.U2);
        Assert.Equal(forward.PValue!.Value, backward.PValue!.Value, 12);
        Assert.Equal(-forward.Z!.Value, backward.Z!.Value, 12);
    }

    [Fact]
    public void ThirtyObservationsAreExactAndThirtyOneNormal()
    {
        var fifteen = Enumerable.Range(0, 15).Select(i => i % 5 + 1).ToArray();
        var sixteen = Enumerable.Range(0, 16).Select(i => i % 4 + 2).ToArray();

        Assert.Equal(30, MannWhitney.ExactLimit);
        Assert.Equal(PValueMethod.Exact, MannWhitney.Test(fifteen, fifteen.Reverse().ToArray()).Method);
        Assert.Equal(PValueMethod.Normal, MannWhitney.Test(fifteen, sixteen).Method);
    }

    [Theory]
    [InlineData(new int[0], new int[0], "Both")]
    [InlineData(new int[0], new[] { 1, 2 }, "a")]
    [InlineData(new[] { 3 }, new int[0], "b")]
    public void EmptySampleGivesNoPValueAndSaysWhy(int[] a, int[] b, string named)
    {
        var result = MannWhitney.Test(a, b);

        Assert.Null(result.PValue);
        Assert.Null(result.Z);
        Assert.Null(result.Method);
        Assert.Contains(named, result.Reason);
        Assert.Equal(a.Length, result.N1);
        Assert.Equal(b.Length, result.N2);
    }

    [Fact]
    public void AllObservationsEqualGivePOneWithoutZ()
    {
        var exact = MannWhitney.Test([3, 3, 3], [3, 3]);
        var normal = MannWhitney.Test(Enumerable.Repeat(4, 20).ToArray(), Enumerable.Repeat(4, 20).ToArray());

        Assert.Equal(1.0, exact.PValue);
        Assert.Equal(3.0, exact.U1); // 6 pairs, all ties, half each
        Assert.Equal(1.0, normal.PValue);
        Assert.Equal(PValueMethod.Normal, normal.Method);
        Assert.Null(normal.Z);
        Assert.NotNull(normal.Reason);
    }

    /// <summary>
    /// Every way to pick n1 of the pooled observations as sample a, counting those whose midrank
    /// sum is at least as far from n1(N + 1)/2 as the observed one.
    /// </summary>
    private static double BruteForceTwoSidedP(int[] a, int[] b)
    {
        var pooled = a.Concat(b).ToArray();
        var midranks = pooled
            .Select(x => pooled.Count(y => y < x) + (pooled.Count(y => y == x) + 1) / 2.0)
            .ToArray();
        var expected = a.Length * (pooled.Length + 1) / 2.0;
        var observed = Math.Abs(midranks.Take(a.Length).Sum() - expected);

        long atLeastAsFar = 0, all = 0;
        foreach (var chosen in Combinations(pooled.Length, a.Length))
        {
            all++;
            if (Math.Abs(chosen.Sum(i => midranks[i]) - expected) >= observed - 1e-9)
            {
                atLeastAsFar++;
            }
        }
        return (double)atLeastAsFar / all;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var indices = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])indices.Clone();
            var i = k - 1;
            while (i >= 0 && indices[i] == n - k + i)
            {
                i--;
            }
            if (i < 0)
            {
                yield break;
            }
            indices[i]++;
            for (var j = i + 1; j < k; j++)
            {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }
}
