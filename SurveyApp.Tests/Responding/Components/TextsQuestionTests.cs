using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class TextsQuestionTests : LocalizedTestContext
{
    private readonly Question _hinder = TestQuestions.FromModel("hinder");


    private IRenderedComponent<TextsQuestion> Render(QuestionAnswer? answer = null) =>
        RenderQuestion<TextsQuestion>(_hinder, answer);

    [Fact]
    public void RendersOneTextInputPerAllowedAnswerNamedByNumber()
    {
        var cut = Render();

        var inputs = cut.FindAll("input");
        Assert.Equal(new[] { "q.hinder.1", "q.hinder.2", "q.hinder.3" }, inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(new[] { "q-hinder-1", "q-hinder-2", "q-hinder-3" }, inputs.Select(i => i.Id));
        Assert.All(inputs, i => Assert.Equal("text", i.GetAttribute("type")));
        Assert.All(inputs, i => Assert.Equal("500", i.GetAttribute("maxlength")));
    }

    [Fact]
    public void EachInputHasANumberedLabelInSwedish()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render();

        for (var n = 1; n <= 3; n++)
        {
            var label = Assert.Single(cut.FindAll($"label[for='q-hinder-{n}']"));
            Assert.Equal($"Svar {n}", label.TextContent);
        }
    }

    [Fact]
    public void TheFieldsetLegendHoldsTheQuestionAndHelpDescribesIt()
    {
        var cut = Render();

        Assert.Contains(_hinder.Text, cut.Find("fieldset > legend").TextContent);
        Assert.Equal("q-hinder-help", cut.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.Equal("Skriv ett hinder per fält.", cut.Find("#q-hinder-help").TextContent);
    }

    [Fact]
    public void SavedAnswersFillTheFirstInputsInOrder()
    {
        var cut = Render(QuestionAnswer.Open("Tid", "Pengar"));

        var values = cut.FindAll("input").Select(i => i.GetAttribute("value") ?? "");
        Assert.Equal(new[] { "Tid", "Pengar", "" }, values);
    }
}
