using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis.Statistics;

public class WilcoxonSignedRankTests
{
    [Fact]
    public void FivePositiveDifferencesGiveWPlusFifteenAndExactPTwoThirtySeconds()
    {
        // d = 1..5, ranks 1..5, all positive: W+ = 15, W− = 0. Of 2^5 = 32 sign patterns only
        // all-plus (15) and all-minus (0) lie 7.5 from E[W+] = 7.5, so p = 2/32 = 0.0625.
        (int, int)[] pairs = [(1, 2), (1, 3), (1, 4), (1, 5), (0, 5)];

        var result = WilcoxonSignedRank.Test(pairs);

        Assert.Equal(5, result.N);
        Assert.Equal(15.0, result.WPlus);
        Assert.Equal(0.0, result.WMinus);
        Assert.Equal(0.0, result.T);
        Assert.Equal(PValueMethod.Exact, result.Method);
        Assert.Equal(0.0625, result.PValue!.Value, 12);
    }

    [Fact]
    public void ZeroDifferenceIsDroppedAndTiedDifferencesShareMidranks()
    {
        // d = 0, 1, −1, 2, 2, 3, −2, 4. The zero is dropped: n = 7. |d| = 1, 1, 2, 2, 3, 2, 4 get
        // midranks 1.5, 1.5, 4, 4, 6, 4, 7. W+ = 1.5 + 4 + 4 + 6 + 7 = 22.5, W− = 1.5 + 4 = 5.5.
        (int, int)[] pairs = [(3, 3), (2, 3), (3, 2), (1, 3), (2, 4), (1, 4), (4, 2), (1, 5)];

        var result = WilcoxonSignedRank.Test(pairs);

        Assert.Equal(8, result.PairCount);
        Assert.Equal(1, result.ZeroDifferencesDropped);
        Assert.Equal(7, result.N);
        Assert.Equal(22.5, result.WPlus);
        Assert.Equal(5.5, result.WMinus);
        Assert.Equal(5.5, result.T);
        Assert.Equal(BruteForceTwoSidedP([1, -1, 2, 2, 3, -2, 4]), result.PValue!.Value, 12);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, -1, 2, -2, 2, 3, 3, -3 })]
    [InlineData(new[] { -1, -1, -1, -1, -2, -1, 1 })]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2 })]
    [InlineData(new[] { 1, -2, 3, -4, 4, 4, -1, 2, 1, 1, 3, -3 })]
    public void TiedDifferencesGiveTheExactPOfAllSignPatterns(int[] differences)
    {
        var pairs = differences.Select(d => (3, 3 + d)).ToArray();

        var result = WilcoxonSignedRank.Test(pairs);

        Assert.Equal(PValueMethod.Exact, result.Method);
        Assert.Equal(BruteForceTwoSidedP(differences), result.PValue!.Value, 12);
    }

    [Fact]
    public void SingleNonZeroDifferenceGivesPOne()
    {
        // n = 1: W+ is 0 or 1 with probability ½ each, both 0.5 from E[W+] = 0.5.
        var result = WilcoxonSignedRank.Test([(2, 2), (2, 4)]);

        Assert.Equal(1, result.N);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void FortyThreeNonZeroPairsUseTheTieCorrectedNormalApproximation()
    {
        int[] before = [3, 2, 4, 3, 2, 3, 4, 1, 2, 3, 3, 4, 2, 3, 5, 2, 3, 4, 3, 2, 1, 3, 4, 2, 3, 3, 2, 4, 3, 2, 3, 4, 2, 3, 1, 2, 4, 3, 3, 2, 4, 5, 3, 2, 4, 3, 1, 2, 5, 4];
        int[] after = [4, 3, 3, 4, 3, 2, 5, 2, 2, 4, 1, 4, 3, 4, 4, 3, 2, 5, 4, 1, 2, 3, 5, 3, 4, 2, 3, 2, 4, 3, 4, 5, 2, 4, 2, 3, 3, 4, 3, 3, 2, 4, 4, 3, 5, 1, 1, 3, 3, 4];
        var pairs = before.Zip(after).ToArray();

        // Independently: midrank of |d| = (#smaller) + (#equal + 1)/2; σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48.
        var d = pairs.Select(pair => pair.Second - pair.First).Where(x => x != 0).ToArray();
        var abs = d.Select(Math.Abs).ToArray();
        var wPlus = d.Select((x, i) => x > 0 ? abs.Count(y => y < abs[i]) + (abs.Count(y => y == abs[i]) + 1) / 2.0 : 0.0).Sum();
        var n = d.Length;
        var tieTerm = abs.GroupBy(x => x).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var sigma = Math.Sqrt(n * (n + 1.0) * (2 * n + 1) / 24.0 - tieTerm / 48.0);
        var z = (Math.Abs(wPlus - n * (n + 1) / 4.0) - 0.5) / sigma;

        var result = WilcoxonSignedRank.Test(pairs);

        Assert.Equal(43, n);
        Assert.Equal(7, result.ZeroDifferencesDropped);
        Assert.Equal(585.0, wPlus);
        Assert.Equal(wPlus, result.WPlus);
        Assert.Equal(361.0, result.WMinus);
        Assert.Equal(PValueMethod.Normal, result.Method);
        Assert.Equal(z, result.Z!.Value, 12);
        // erfc(z/√2) for z = 1.4750916371190113, from Python's math.erfc.
        Assert.Equal(0.1401879085015905, result.PValue!.Value, 1e-12);
    }

    [Fact]
    public void ThirtyNonZeroPairsAreExactAndThirtyOneNormal()
    {
        // Differences +1, −2, +3, −1, +2, −3, ... : none is zero.
        var thirty = Enumerable.Range(0, 30).Select(i => (3, 3 + (i % 2 == 0 ? 1 : -1) * (1 + i % 3))).ToArray();
        var thirtyOne = thirty.Append((1, 5)).ToArray();

        Assert.Equal(30, WilcoxonSignedRank.Test(thirty).N);
        Assert.Equal(PValueMethod.Exact, WilcoxonSignedRank.Test(thirty).Method);
        Assert.Equal(PValueMethod.Normal, WilcoxonSignedRank.Test(thirtyOne).Method);
    }

    [Fact]
    public void ReversingBeforeAndAfterSwapsWPlusAndWMinusAndKeepsP()
    {
        (int, int)[] pairs = [(3, 3), (2, 3), (3, 2), (1, 3), (2, 4), (1, 4), (4, 2), (1, 5)];
        var reversed = pairs.Select(p => (p.Item2, p.Item1)).ToArray();

        var forward = WilcoxonSignedRank.Test(pairs);
        var backward = WilcoxonSignedRank.Test(reversed);

        Assert.Equal(forward.WPlus, backward.WMinus);
        Assert.Equal(forward.T, backward.T);
        Assert.Equal(forward.PValue!.Value, backward.PValue!.Value, 12);
    }

    [Fact]
    public void AllDifferencesZeroGiveNoPValueAndSayWhy()
    {
        var result = WilcoxonSignedRank.Test([(3, 3), (4, 4), (1, 1)]);

        Assert.Equal(3, result.PairCount);
        Assert.Equal(3, result.ZeroDifferencesDropped);
        Assert.Equal(0, result.N);
        Assert.Equal(0.0, result.T);
        Assert.Null(result.PValue);
        Assert.Null(result.Method);
        Assert.Contains("zero", result.Reason);
    }

    [Fact]
    public void NoPairsGiveNoPValueAndSayWhy()
    {
        var result = WilcoxonSignedRank.Test([]);

        Assert.Equal(0, result.PairCount);
        Assert.Null(result.PValue);
        Assert.NotNull(result.Reason);
    }

    /// <summary>Every one of the 2^n sign patterns on the midranks of |d|, counting those whose W+ is at least as far from n(n + 1)/4.</summary>
    private static double BruteForceTwoSidedP(int[] differences)
    {
        var abs = differences.Select(Math.Abs).ToArray();
        var midranks = abs.Select(x => abs.Count(y => y < x) + (abs.Count(y => y == x) + 1) / 2.0).ToArray();
        var n = differences.Length;
        var expected = n * (n + 1) / 4.0;
        var observed = Math.Abs(midranks.Where((_, i) => differences[i] > 0).Sum() - expected);

        var atLeastAsFar = 0;
        for (var signs = 0; signs < 1 << n; signs++)
        {
            var wPlus = midranks.Where((_, i) => (signs & (1 << i)) != 0).Sum();
            if (Math.Abs(wPlus - expected) >= observed - 1e-9)
            {
                atLeastAsFar++;
            }
        }
        return (double)atLeastAsFar / (1 << n);
    }
}
