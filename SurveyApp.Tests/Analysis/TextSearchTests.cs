using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

public class TextSearchTests
{
    [Fact]
    public void AsciiLettersAreLoweredAsSqlLowersThem() =>
        Assert.Equal(["stad 2"], TextSearch.Variants("STAD 2"));

    [Fact]
    public void OtherLettersAreTriedInBothCases() =>
        Assert.Equal(["örebro", "Örebro"], TextSearch.Variants("Örebro"));

    [Fact]
    public void PastFourSuchLettersTheRestAreMatchedAsTyped()
    {
        var variants = TextSearch.Variants("åäöéü");

        Assert.Equal(16, variants.Count);
        Assert.All(variants, v => Assert.EndsWith("ü", v, StringComparison.Ordinal));
    }
}
