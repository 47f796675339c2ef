using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

public class SuppressionTests
{
    [Theory]
    [InlineData(10, 17, true)]   // 10 shown, the other 7 are a group of their own
    [InlineData(4, 17, false)]   // the part itself is too small
    [InlineData(0, 17, false)]   // an empty part reads as a small one
    [InlineData(16, 17, false)]  // the whole minus the part is 1 response
    [InlineData(17, 17, false)]  // a rest of 0 reads as a rest of 1 to 4
    [InlineData(12, 17, true)]   // the rest is exactly the minimum
    [InlineData(13, 17, false)]  // the rest is 4
    public void APartIsShownOnlyWhenNeitherItNorTheRestIsASmallOrEmptyGroup(int part, int whole, bool shown) =>
        Assert.Equal(shown, Suppression.CanShowPart(part, whole, minimum: 5));

    [Theory]
    [InlineData(17, true)]
    [InlineData(5, true)]
    [InlineData(4, false)]
    [InlineData(0, false)]
    public void AWholeWaveIsShownFromTheMinimumOn(int wave, bool shown) =>
        Assert.Equal(shown, Suppression.CanShowWave(wave, minimum: 5));

    [Fact]
    public void EverySegmentBelowTheMinimumIsHidden()
    {
        var hidden = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 4, ["region"] = 2, ["regionförbund"] = 1 }, 5);

        Assert.Equal(["landsting", "region", "regionförbund"], hidden.Order());
    }

    [Fact]
    public void AnEmptySegmentIsHiddenLikeASmallOne()
    {
        var empty = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 6, ["region"] = 0 }, 5);
        var small = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 6, ["region"] = 3 }, 5);

        Assert.Equal(["landsting", "region"], empty.Order());
        Assert.Equal(small.Order(), empty.Order());
    }

    [Fact]
    public void ALoneHiddenSegmentTakesTheNextSmallestWithItSoTheTotalCannotRevealIt()
    {
        var hidden = Suppression.HiddenSegments(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 6, ["region"] = 3, ["regionförbund"] = 0 }, 5);

        Assert.Equal(["landsting", "region", "regionförbund"], hidden.Order());
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
        Assert.Empty(Suppression.HiddenSegmentsOfSecretSize(new Dictionary<string, int> { ["kommun"] = 10, ["landsting"] = 7 }, 5));
    }

    [Fact]
    public void NoHiddenSegmentCanBeRecoveredByTotalMinusVisible()
    {
        // Every combination of four segment sizes 0..9: after suppression the hidden segments are either
        // none, or together at least the minimum (total minus visible is then a group of at least the
        // minimum), or all of them.
        foreach (var counts in AllCounts())
        {
            foreach (var hidden in new[] { Suppression.HiddenSegments(counts, 5), Suppression.HiddenSegmentsOfSecretSize(counts, 5) })
            {
                var hiddenTotal = counts.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
                Assert.True(hidden.Count == 0 || hiddenTotal >= 5 || hidden.Count == counts.Count,
                    $"hidden total {hiddenTotal} in {string.Join(",", counts.Values)}");
                Assert.All(counts.Where(c => c.Value < 5), c => Assert.Contains(c.Key, hidden));
            }
        }
    }

    [Fact]
    public void SegmentsOfSecretSizeAreHiddenAlikeWhateverTheSmallOnesHold()
    {
        // Replacing each size below the minimum by any other size below it (0 included) never changes
        // which segments are hidden: the decision cannot tell 0 from 1 to 4.
        foreach (var counts in AllCounts())
        {
            var masked = counts.ToDictionary(c => c.Key, c => c.Value < 5 ? 0 : c.Value);
            Assert.Equal(Suppression.HiddenSegmentsOfSecretSize(masked, 5).Order(), Suppression.HiddenSegmentsOfSecretSize(counts, 5).Order());
        }
    }

    [Fact]
    public void SegmentsOfSecretSizeHideTheSmallestLargeOneWithTheSmallOnes()
    {
        var hidden = Suppression.HiddenSegmentsOfSecretSize(new Dictionary<string, int> { ["kommun"] = 6, ["landsting"] = 3, ["region"] = 2, ["regionförbund"] = 9 }, 5);

        Assert.Equal(["kommun", "landsting", "region"], hidden.Order());
    }

    private static IEnumerable<Dictionary<string, int>> AllCounts() =>
        Enumerable.Range(0, 10_000).Select(code =>
            new Dictionary<string, int> { ["a"] = code % 10, ["b"] = code / 10 % 10, ["c"] = code / 100 % 10, ["d"] = code / 1000 });
}
