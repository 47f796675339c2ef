using SurveyApp.Analysis.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public sealed class FormatTests
{
    [Theory]
    [InlineData(1, 8, "13 %")]
    [InlineData(3, 8, "38 %")]
    [InlineData(5, 8, "63 %")]
    [InlineData(11, 17, "65 %")]
    [InlineData(0, 17, "0 %")]
    [InlineData(17, 17, "100 %")]
    public void APercentRoundsHalvesUpAsTheWorkbookDoes(int count, int total, string expected)
    {
        using var _ = UiCulture.Swedish();

        Assert.Equal(expected, Format.Percent((double)count / total).Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData(0.0625, "6,3 %")]
    [InlineData(1.0 / 17, "5,9 %")]
    public void APercentWithADecimalRoundsItsHalvesUpToo(double share, string expected)
    {
        using var _ = UiCulture.Swedish();

        Assert.Equal(expected, Format.Percent(share, 1).Replace('\u00A0', ' '));
    }

    [Fact]
    public void EnglishPercentsHaveNoSpace()
    {
        using var _ = UiCulture.English();

        Assert.Equal("13%", Format.Percent(0.125));
    }
}
