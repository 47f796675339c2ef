using SurveyApp.Analysis.Charts;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

public sealed class LabelWithBaseTests
{
    [Fact]
    public void TheBaseInBracketsIsOneWordSoALabelNeverBreaksInsideIt()
    {
        using var _ = UiCulture.Swedish();

        var label = ResultsChart.LabelWithBase("Jag har rimlig arbetsbelastning.", 10);

        Assert.Equal("Jag har rimlig arbetsbelastning. (n\u00A0=\u00A010)", label);
    }
}
