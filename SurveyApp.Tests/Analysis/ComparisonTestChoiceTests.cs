using SurveyApp.Analysis;
using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis;

public class ComparisonTestChoiceTests
{
    [Fact]
    public void TheSameParticipantsInBothWavesArePaired()
    {
        var a = new Dictionary<int, int> { [1] = 2, [2] = 3, [3] = 3, [4] = 4, [5] = 2 };
        var b = new Dictionary<int, int> { [1] = 3, [2] = 4, [3] = 4, [4] = 5, [5] = 3 };

        var test = ComparisonService.Test(a, b);

        Assert.Equal(ComparisonTest.WilcoxonSignedRank, test.Test);
        Assert.Equal(5, test.Pairs);
        Assert.Equal(0.0625, test.PValue!.Value, 9); // all five differences +1: 2 of 32 sign patterns as extreme
    }

    [Fact]
    public void DifferentParticipantsAreComparedAsIndependentSamples()
    {
        var a = new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3 };
        var b = new Dictionary<int, int> { [7] = 4, [8] = 5, [9] = 6 };

        var test = ComparisonService.Test(a, b);

        Assert.Equal(ComparisonTest.MannWhitneyU, test.Test);
        Assert.Equal(0, test.Pairs);
        Assert.Equal(0, test.Statistic);
        Assert.Equal(0.1, test.PValue!.Value, 9); // U = 0: 2 of the 20 arrangements are as extreme
    }

    [Fact]
    public void PartlyPairedWavesAreTestedOnTheirPairsWithTheUnpairedAnswersCounted()
    {
        // 16 of 21 answers have a partner (76 %): the 16 are dependent, so they are tested as pairs.
        var a = Enumerable.Range(1, 21).ToDictionary(i => i, i => 1 + i % 5);
        var b = Enumerable.Range(6, 21).ToDictionary(i => i, i => 1 + (i + 1) % 5);

        var test = ComparisonService.Test(a, b);

        Assert.Equal(ComparisonTest.WilcoxonSignedRank, test.Test);
        Assert.Equal(16, test.Pairs);
        Assert.Equal(5, test.UnpairedA);
        Assert.Equal(5, test.UnpairedB);
    }

    [Fact]
    public void TheWorkedExampleOfHollanderAndWolfeGivesTEqualsFiveAndExactPOf20In512()
    {
        // Hollander & Wolfe (1973), Nonparametric Statistical Methods, the Hamilton depression scale factor
        // of nine patients at the first (x) and second (y) visit, in thousandths: the signed-rank statistic of
        // the negative differences is 5 (T+ = 40), and P(T- <= 5) = 10/512 one-sided, 20/512 two-sided.
        // Three first-visit and two second-visit measurements of other patients have no partner.
        int[] x = [1830, 500, 1620, 2480, 1680, 1880, 1550, 3060, 1300];
        int[] y = [878, 647, 598, 2050, 1060, 1290, 1060, 3140, 1290];
        var a = x.Select((v, i) => (Participant: i + 1, v)).Concat([(101, 1500), (102, 2200), (103, 900)]).ToDictionary(p => p.Item1, p => p.Item2);
        var b = y.Select((v, i) => (Participant: i + 1, v)).Concat([(201, 1000), (202, 1700)]).ToDictionary(p => p.Item1, p => p.Item2);

        var test = ComparisonService.Test(a, b);

        Assert.Equal(ComparisonTest.WilcoxonSignedRank, test.Test);
        Assert.Equal(9, test.Pairs);
        Assert.Equal(3, test.UnpairedA);
        Assert.Equal(2, test.UnpairedB);
        Assert.Equal(5, test.Statistic);
        Assert.Equal(PValueMethod.Exact, test.Method);
        Assert.Equal(20.0 / 512, test.PValue!.Value, 12);
    }
}
