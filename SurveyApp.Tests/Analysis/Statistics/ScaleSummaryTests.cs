using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis.Statistics;

public class ScaleSummaryTests
{
    private static readonly int[] OneToFive = [1, 2, 3, 4, 5];

    [Fact]
    public void Question9CountsGiveMedianFourAndTopTwoTwelveOfSeventeen()
    {
        // Fråga 9: 0 + 1 + 4 + 11 + 1 = 17. Cumulative 0, 1, 5, 16: the 9th observation is in step 4.
        // Top two (4 and 5): 11 + 1 = 12. Mean (2 + 12 + 44 + 5) / 17 = 63 / 17.
        var counts = new Dictionary<int, int> { [1] = 0, [2] = 1, [3] = 4, [4] = 11, [5] = 1 };

        var summary = ScaleSummary.FromCounts(counts, OneToFive);

        Assert.Equal(17, summary.ValidCount);
        Assert.Equal(4.0, summary.Median);
        Assert.Equal(12.0 / 17.0, summary.TopTwoShare!.Value, 12);
        Assert.Equal(63.0 / 17.0, summary.Mean!.Value, 12);
    }

    [Fact]
    public void Question5CountsGiveMedianThreeFromTheNinthObservation()
    {
        // Fråga 5: 1 + 8 + 6 + 2 = 17. Cumulative 1, 9, 15, 17: the 9th observation is the last 3.
        // Top two (4 and 5): 6 + 2 = 8. Mean (2 + 24 + 24 + 10) / 17 = 60 / 17.
        var counts = new Dictionary<int, int> { [2] = 1, [3] = 8, [4] = 6, [5] = 2 };

        var summary = ScaleSummary.FromCounts(counts, OneToFive);

        Assert.Equal(17, summary.ValidCount);
        Assert.Equal(3.0, summary.Median);
        Assert.Equal(8.0 / 17.0, summary.TopTwoShare!.Value, 12);
        Assert.Equal(60.0 / 17.0, summary.Mean!.Value, 12);
    }

    [Fact]
    public void EvenCountWithMiddleObservationsInTwoStepsGivesTheirMidpoint()
    {
        // n = 10, cumulative 2, 5, 8, 10: the 5th observation is a 3, the 6th a 4, so the median is 3.5.
        var counts = new Dictionary<int, int> { [2] = 2, [3] = 3, [4] = 3, [5] = 2 };

        var summary = ScaleSummary.FromCounts(counts, OneToFive);

        Assert.Equal(10, summary.ValidCount);
        Assert.Equal(3.5, summary.Median);
        Assert.Equal(0.5, summary.TopTwoShare);
        Assert.Equal(3.5, summary.Mean!.Value, 12);
    }

    [Fact]
    public void EvenCountWithBothMiddleObservationsInOneStepGivesThatStep()
    {
        // n = 8, cumulative 1, 2, 6, 7, 8: the 4th and 5th observations are both 3.
        var counts = new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 4, [4] = 1, [5] = 1 };

        var summary = ScaleSummary.FromCounts(counts, OneToFive);

        Assert.Equal(3.0, summary.Median);
        Assert.Equal(2.0 / 8.0, summary.TopTwoShare);
    }

    [Fact]
    public void DescendingScaleGivesTheSameSummaryAsAscending()
    {
        // Scale shown as 3, 2, 1; 3 is the positive end. n = 8, top two (3 and 2) = 7, the 4th and
        // 5th observations (ascending: 1, 2, 2, 3, 3, ...) are both 3. Mean (1 + 4 + 15) / 8 = 2.5.
        var counts = new Dictionary<int, int> { [3] = 5, [2] = 2, [1] = 1 };

        var descending = ScaleSummary.FromCounts(counts, [3, 2, 1]);
        var ascending = ScaleSummary.FromCounts(counts, [1, 2, 3]);

        Assert.Equal(ascending, descending);
        Assert.Equal(new ScaleSummary(8, 3.0, 7.0 / 8.0, 2.5), descending);
    }

    [Fact]
    public void NoAnswersGiveNullsInsteadOfExceptions()
    {
        var allZero = ScaleSummary.FromCounts(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0 }, [1, 2, 3]);
        var nothing = ScaleSummary.FromCounts(new Dictionary<int, int>(), OneToFive);

        Assert.Equal(new ScaleSummary(0, null, null, null), allZero);
        Assert.Equal(new ScaleSummary(0, null, null, null), nothing);
    }

    [Fact]
    public void CountListGivesTheSameSummaryAsDictionaryAndAddsRepeatedValues()
    {
        // Fråga 9 again, with the 11 fours split in two entries.
        (int, int)[] list = [(2, 1), (3, 4), (4, 5), (4, 6), (5, 1)];
        var counts = new Dictionary<int, int> { [2] = 1, [3] = 4, [4] = 11, [5] = 1 };

        Assert.Equal(ScaleSummary.FromCounts(counts, OneToFive), ScaleSummary.FromCounts(list, OneToFive));
    }

    [Fact]
    public void CountForAValueOffTheScaleIsRejected()
    {
        var counts = new Dictionary<int, int> { [3] = 2, [9] = 1 };

        var error = Assert.Throws<ArgumentException>(() => ScaleSummary.FromCounts(counts, OneToFive));
        Assert.Contains("9", error.Message);
    }
}
