using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

public class SuppressionTests
{
    [Theory]
    [InlineData(10, 17, true)]   // 10 shown, the other 7 are a group of their own
    [InlineData(4, 17, false)]   // the view itself is too small
    [InlineData(16, 17, false)]  // the wave minus the view is 1 response
    [InlineData(17, 17, true)]   // the whole wave
    [InlineData(12, 17, true)]   // the rest is exactly the minimum
    [InlineData(13, 17, false)]  // the rest is 4
    public void AFilteredViewIsShownOnlyWhenNeitherItNorTheRestIsASmallGroup(int view, int wave, bool shown) =>
        Assert.Equal(shown, Suppression.CanShowView(view, wave, minimum: 5));

    [Fact]
    public void EverySegmentBelowTheMinimumIsHidden()
    {
        var hidden = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 4, ["region"] = 2, ["regionförbund"] = 1 }, 5);

        Assert.Equal(["landsting", "region", "regionförbund"], hidden.Order());
    }

    [Fact]
    public void ALoneHiddenSegmentTakesTheNextSmallestWithItSoTheTotalCannotRevealIt()
    {
        var hidden = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 6, ["region"] = 3, ["regionförbund"] = 0 }, 5);

        Assert.Equal(["landsting", "region"], hidden.Order());
    }

    [Fact]
    public void TwoSmallHiddenSegmentsTakeTheNextSmallestWithThemWhenTogetherTheyAreStillSmall()
    {
        var hidden = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 6, ["region"] = 1, ["regionförbund"] = 1 }, 5);

        Assert.Equal(["landsting", "region", "regionförbund"], hidden.Order());
    }

    [Fact]
    public void NothingIsHiddenWhenEveryGroupIsLargeEnough()
    {
        Assert.Empty(Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 7 }, 5));
    }

    [Fact]
    public void NoHiddenCellCanBeRecoveredByTotalMinusVisible()
    {
        // Every combination of four segment sizes 0..9: after suppression the hidden segments are either
        // none, or together at least the minimum (total minus visible is then a group of at least the
        // minimum), or all of them, with a total below the minimum that is not shown either.
        for (var code = 0; code < 10_000; code++)
        {
            var counts = new Dictionary<string, int> { ["a"] = code % 10, ["b"] = code / 10 % 10, ["c"] = code / 100 % 10, ["d"] = code / 1000 };
            var hidden = Suppression.HiddenSegments(counts, 5);
            var hiddenTotal = counts.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
            Assert.True(hiddenTotal == 0 || hiddenTotal >= 5 || hidden.Count == counts.Count(c => c.Value > 0),
                $"hidden total {hiddenTotal} in {string.Join(",", counts.Values)}");
            Assert.All(counts.Where(c => c.Value is > 0 and < 5), c => Assert.Contains(c.Key, hidden));
        }
    }
}
