using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class DivergingLayoutTests
{
    private readonly Survey _survey = ModelSurvey.Load();

    private Distribution Distribution(string key, params int[] counts)
    {
        var question = _survey.FindQuestion(key)!;
        var choices = question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, i < counts.Length ? counts[i] : 0)).ToList();
        return new Distribution(null, null, counts.Sum(), 0, 0, choices, null);
    }

    [Fact]
    public void LowStepsGoLeftHighStepsRightAndTheMiddleIsSplitAcrossZero()
    {
        var f9 = Distribution("f9", 0, 1, 4, 11, 1); // the report's Fråga 9

        var series = DivergingLayout.Series(_survey.FindQuestion("f9")!.Scale!, [("2013", f9)]);

        var values = series.Select(s => (s.Label, Math.Round(s.Values[0].Value, 2))).ToList();
        Assert.Equal(
        [
            ("Varken låg eller hög grad", -11.76),
            ("I låg grad", -5.88),
            ("I mycket låg grad", 0),
            ("Varken låg eller hög grad", 11.76),
            ("I hög grad", 64.71),
            ("I mycket hög grad", 5.88),
        ], values);
    }

    [Fact]
    public void OffScaleAnswersAreNeverPartOfTheBar()
    {
        var f5 = Distribution("f5", 0, 1, 8, 6, 2, 3); // three answered "Vi har ej gått vidare"

        var series = DivergingLayout.Series(_survey.FindQuestion("f5")!.Scale!, [("2013", f5)]);

        Assert.DoesNotContain(series, s => s.Label == "Vi har ej gått vidare");
        Assert.Equal(100, series.Sum(s => Math.Abs(s.Values[0].Value)), 9);
    }

    [Fact]
    public void AOneSidedScaleStacksFromZeroInOrderOfValue()
    {
        var f8 = Distribution("f8", 9, 8, 0); // ja3 lists "Ja, i hög grad" (3) first and is one-sided

        var series = DivergingLayout.Series(_survey.FindQuestion("f8")!.Scale!, [("2013", f8)]);
        var legend = DivergingLayout.Legend(_survey.FindQuestion("f8")!.Scale!);

        Assert.Equal(["Nej", "Ja, i viss grad", "Ja, i hög grad"], legend.Select(l => l.Label));
        Assert.Equal(["Nej", "Ja, i viss grad", "Ja, i hög grad"], series.Select(s => s.Label));
        Assert.All(series, s => Assert.True(s.Values[0].Value >= 0));
        Assert.Equal(100.0 * 9 / 17, series[2].Values[0].Value, 9);
    }

    [Fact]
    public void EveryBarGetsItsOwnValue()
    {
        var a = Distribution("f9", 0, 1, 4, 11, 1);
        var b = Distribution("f9", 0, 0, 3, 9, 4);

        var series = DivergingLayout.Series(_survey.FindQuestion("f9")!.Scale!, [("2013", a), ("2015", b)]);

        var top = series.Single(s => s.Label == "I mycket hög grad");
        Assert.Equal(["2013", "2015"], top.Values.Select(v => v.Category));
        Assert.Equal(25, top.Values[1].Value, 9); // 4 of 16
    }

    [Fact]
    public void AOneSidedScaleHasNoGreyMiddleButOneHueFromLightToDark()
    {
        var scale = new Scale
        {
            Key = "ja3",
            Bipolar = false,
            Steps = [new ScaleStep { Value = 1, Label = "Nej" }, new ScaleStep { Value = 2, Label = "Ja, i viss grad" }, new ScaleStep { Value = 3, Label = "Ja, i hög grad" }],
        };

        var colours = DivergingLayout.Legend(scale).Select(e => e.Colour).ToList();

        Assert.Equal(3, colours.Distinct().Count());
        Assert.DoesNotContain("#bababa", colours);
        var lightness = colours.Select(c => Convert.ToInt32(c[1..3], 16) + Convert.ToInt32(c[3..5], 16) + Convert.ToInt32(c[5..7], 16)).ToList();
        Assert.Equal(lightness.OrderDescending(), lightness);
    }

    [Fact]
    public void ABipolarScaleKeepsItsNeutralMiddle()
    {
        Assert.Equal("#bababa", DivergingLayout.Legend(_survey.FindQuestion("f9")!.Scale!)[2].Colour);
    }
}
