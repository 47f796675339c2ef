using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis.Statistics;

public class StandardNormalTests
{
    // Reference values from Python's math.erfc: 2·P(Z ≥ z) = erfc(z / √2).
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.31731050786291415)]
    [InlineData(1.959963984540054, 0.05)]
    [InlineData(3.0, 0.0026997960632601913)]
    [InlineData(6.0, 1.9731752900754024e-09)]
    [InlineData(-3.0, 0.0026997960632601913)]
    public void TwoSidedPValueMatchesReferenceValues(double z, double expected)
    {
        var p = StandardNormal.TwoSidedPValue(z);

        Assert.Equal(expected, p, expected * 1e-12);
    }

    [Fact]
    public void ASignedZGivesTheSameTwoSidedPValueEitherWay()
    {
        Assert.Equal(StandardNormal.TwoSidedPValue(1.96), StandardNormal.TwoSidedPValue(-1.96));
        Assert.Equal(0.04999579029644097, StandardNormal.TwoSidedPValue(-1.96), 1e-14);
    }
}
