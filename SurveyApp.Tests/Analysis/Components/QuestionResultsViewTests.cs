using Bunit;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Domain;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class QuestionResultsViewTests : LocalizedTestContext
{
    private static readonly Scale Grade = new()
    {
        Key = "grad",
        Steps = [new ScaleStep { Value = 1, Label = "Låg" }, new ScaleStep { Value = 2, Label = "Mellan" }, new ScaleStep { Value = 3, Label = "Hög" }],
    };

    /// <summary>A matrix question of two statements whose item counts differ (21 and 18 answered).</summary>
    private static QuestionResults Matrix()
    {
        var question = new Question
        {
            Id = 7,
            Key = "q1",
            Kind = QuestionKind.Matrix,
            Text = "Hur väl stämmer påståendena?",
            Scale = Grade,
            Items = [new QuestionItem { Id = 71, Code = "a", Text = "Vi samverkar", Position = 0 }, new QuestionItem { Id = 72, Code = "b", Text = "Vi följer upp", Position = 1 }],
        };
        Distribution Item(QuestionItem item, params int[] counts) => new(item.Code, item.Text, counts.Sum(), 0, 0,
            question.Choices().Select((c, i) => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale, counts[i])).ToList(), null);
        return new QuestionResults(question, [Item(question.Items[0], 5, 6, 10), Item(question.Items[1], 4, 4, 10)], [], 0);
    }

    private IRenderedComponent<QuestionResultsView> Render(QuestionResults results, int number = 3) =>
        Render<QuestionResultsView>(ps => ps.Add(p => p.WaveId, 4).Add(p => p.Results, results).Add(p => p.Number, number));

    [Fact]
    public void TheHeadingCarriesTheQuestionsNumber()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Matrix(), number: 5);

        Assert.Equal("Fråga 5", cut.Find("h2 .question-number").TextContent);
        Assert.EndsWith("Hur väl stämmer påståendena?", cut.Find("h2").TextContent);
    }

    [Fact]
    public void EachStatementsTableHasAVisibleTitleAndTheChartNoSingleBase()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Matrix());

        Assert.Equal(["Vi samverkar", "Vi följer upp"], cut.FindAll("h3.question-results__item").Select(h => h.TextContent));
        var title = cut.Find("figure.chart figcaption").TextContent;
        Assert.DoesNotContain("n = 21", title);
        Assert.Contains("per påstående", title);
    }

    [Fact]
    public void EachStatementOfAMatrixHasItsOwnCrossTabLinkUnderItsTable()
    {
        var cut = Render(Matrix());

        var links = cut.FindAll(".question-results__links a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal(["/resultat/4/korstabell?fraga=q1.a", "/resultat/4/korstabell?fraga=q1.b"], links.Select(l => l.Item1));
        Assert.EndsWith("Vi samverkar", links[0].TextContent);
        Assert.EndsWith("Vi följer upp", links[1].TextContent);
    }
}
