using Bunit;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class DistributionTableTests : LocalizedTestContext
{
    private readonly Survey _survey = ModelSurvey.Load();

    /// <summary>Fråga 5 as the report gives it, plus one off-scale answer so that the two bases differ.</summary>
    private Distribution F5()
    {
        var question = _survey.FindQuestion("f5")!;
        int[] counts = [0, 1, 8, 6, 2, 1];
        var choices = question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, counts[i])).ToList();
        var scale = ScaleSummary.FromCounts(choices.Where(c => c.Value is not null).Select(c => (c.Value!.Value, c.Count)), [1, 2, 3, 4, 5]);
        return new Distribution(null, null, 18, 2, 0, choices, scale);
    }

    [Fact]
    public void ScaleStepsShowCountsAndBothShares()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, _survey.FindQuestion("f5")!).Add(p => p.Distribution, F5()));

        var row = cut.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Varken låg eller hög grad");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal("8", cells[0]);
        Assert.Equal(Format.Percent(8.0 / 18), cells[1]); // 44 %: 8 of the 18 who answered
        Assert.Equal(Format.Percent(8.0 / 17), cells[2]); // 47 %: 8 of the 17 answers on the scale
        Assert.StartsWith("44", cells[1]);
        Assert.StartsWith("47", cells[2]);
    }

    [Fact]
    public void OffScaleAnswersStandApartAndHaveNoScaleShare()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, _survey.FindQuestion("f5")!).Add(p => p.Distribution, F5()));

        Assert.Equal("Utanför skalan", cut.Find(".results-table__group th").TextContent);
        var offScale = cut.Find(".results-table__off-scale");
        Assert.Equal("Vi har ej gått vidare", offScale.QuerySelector("th")!.TextContent);
        Assert.Equal(["1", Format.Percent(1.0 / 18), "–"], offScale.QuerySelectorAll("td").Select(c => c.TextContent));
    }

    [Fact]
    public void TheBaseAndTheScaleStatisticsAreStated()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, _survey.FindQuestion("f5")!).Add(p => p.Distribution, F5()));

        Assert.Equal("Bas: 18 besvarade frågan, 2 hoppade över den.", cut.Find(".results-base").TextContent.Trim());
        Assert.Contains("Median: Varken låg eller hög grad (3)", cut.Find(".results-scale").TextContent);
        Assert.Contains(Format.Percent(8.0 / 17), cut.Find(".results-scale").TextContent); // top two: 8 of 17
        Assert.Contains("17 svar på skalan", cut.Find(".results-scale").TextContent);
    }

    [Fact]
    public void AShortScaleReportsItsTopStepRatherThanTheTopTwo()
    {
        using var culture = UiCulture.Swedish();
        var question = _survey.FindQuestion("f8")!; // Ja, i hög grad / Ja, i viss grad / Nej
        int[] counts = [9, 8, 0];
        var choices = question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, counts[i])).ToList();
        var scale = ScaleSummary.FromCounts(choices.Select(c => (c.Value!.Value, c.Count)), [1, 2, 3]);

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, question).Add(p => p.Distribution, new Distribution(null, null, 17, 0, 0, choices, scale)));

        var text = cut.Find(".results-scale").TextContent;
        Assert.Contains("Andel i det översta steget (Ja, i hög grad): " + Format.Percent(9.0 / 17), text);
        Assert.DoesNotContain("två översta", text);
    }

    [Fact]
    public void AChoiceQuestionHasNoScaleColumn()
    {
        using var culture = UiCulture.English();
        var question = _survey.FindQuestion("f1")!;
        var choices = question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, i == 0 ? 15 : 1)).ToList();

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, question).Add(p => p.Distribution, new Distribution(null, null, 18, 0, 0, choices, null)));

        Assert.Equal(["Answer", "Count", "Share of respondents"], cut.FindAll("thead th").Select(h => h.TextContent));
        Assert.Empty(cut.FindAll(".results-scale"));
    }

    [Fact]
    public void AMultiChoiceBaseReadsAsSentencesSeparatedBySpaces()
    {
        using var culture = UiCulture.Swedish();
        var question = new Question
        {
            Key = "kanaler",
            Kind = QuestionKind.Multi,
            Text = "Vilka kanaler använder ni?",
            Options = [new QuestionOption { Code = "a", Label = "Webb" }, new QuestionOption { Code = "b", Label = "Möten", Position = 1 }],
        };
        var choices = question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, 3 + i)).ToList();

        var cut = Render<DistributionTable>(ps => ps.Add(p => p.Question, question).Add(p => p.Distribution, new Distribution(null, null, 6, 0, 2, choices, null)));

        var text = cut.Find(".results-base").TextContent;
        Assert.Contains("hoppade över den. ", text);
        Assert.DoesNotMatch(@"\.\S", text.TrimEnd('.'));
    }
}
