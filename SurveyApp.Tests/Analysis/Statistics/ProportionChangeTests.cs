using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis.Statistics;

public class ProportionChangeTests
{
    [Fact]
    public void RiseFromAQuarterToFortyPercentIsFifteenPoints()
    {
        Assert.Equal(15.0, ProportionChange.PercentagePoints(0.25, 0.40), 10);
    }

    [Fact]
    public void FallGivesNegativePoints()
    {
        // 12/17 → 8/17 is −4/17 of the whole, −23.53 percentage points.
        Assert.Equal(-400.0 / 17.0, ProportionChange.PercentagePoints(12.0 / 17.0, 8.0 / 17.0), 10);
    }

    [Theory]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.5, 1.5)]
    [InlineData(double.NaN, 0.5)]
    public void ShareOutsideZeroToOneIsRejected(double fromShare, double toShare)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionChange.PercentagePoints(fromShare, toShare));
    }
}
