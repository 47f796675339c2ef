using SurveyApp.Analysis;
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
    public void AFewSharedParticipantsDoNotMakeTheWavesPaired()
    {
        var a = Enumerable.Range(1, 10).ToDictionary(i => i, i => 1 + i % 5);
        var b = Enumerable.Range(8, 10).ToDictionary(i => i, i => 1 + i % 4);

        Assert.Equal(ComparisonTest.MannWhitneyU, ComparisonService.Test(a, b).Test);
    }
}
