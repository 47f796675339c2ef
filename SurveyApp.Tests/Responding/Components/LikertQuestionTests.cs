using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class LikertQuestionTests : LocalizedTestContext
{
    private static readonly string[] Codes = ["1", "2", "3", "4", "5", "ej_gatt_vidare"];

    private readonly Question _f5 = TestQuestions.FromModel("f5");


    private IRenderedComponent<LikertQuestion> Render(QuestionAnswer? answer = null, string? error = null) =>
        RenderQuestion<LikertQuestion>(_f5, answer, error);

    [Fact]
    public void RendersOneFieldsetWhoseLegendHoldsTheQuestionAndTheRequiredMarker()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render();

        var fieldset = Assert.Single(cut.FindAll("fieldset"));
        var legend = fieldset.QuerySelector("legend")!;
        Assert.Contains(_f5.Text, legend.TextContent);
        Assert.Equal("(måste besvaras)", legend.QuerySelector(".question__required")!.TextContent.Trim());
    }

    [Fact]
    public void RendersOneRadioPerStepAndPerOffScaleOptionAllNamedAfterTheQuestion()
    {
        var cut = Render();

        var inputs = cut.FindAll("input");
        Assert.All(inputs, input => Assert.Equal("radio", input.GetAttribute("type")));
        Assert.All(inputs, input => Assert.Equal("q.f5", input.GetAttribute("name")));
        Assert.Equal(Codes, inputs.Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void EachRadioHasALabelForItsIdWithTheStepLabel()
    {
        var cut = Render();

        var expected = new[]
        {
            "I mycket låg grad", "I låg grad", "Varken låg eller hög grad", "I hög grad", "I mycket hög grad", "Vi har ej gått vidare",
        };
        var inputs = cut.FindAll("input");
        Assert.Equal(expected.Length, inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var id = inputs[i].GetAttribute("id");
            Assert.Equal($"q-f5-{Codes[i]}", id);
            var label = Assert.Single(cut.FindAll($"label[for='{id}']"));
            Assert.Equal(expected[i], label.TextContent);
        }
    }

    [Fact]
    public void OffScaleOptionsAreSetApartAfterTheSteps()
    {
        var cut = Render();

        var steps = cut.Find(".choices--scale");
        var offScale = cut.Find(".choices--off-scale");
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, steps.QuerySelectorAll("input").Select(i => i.GetAttribute("value")));
        Assert.Equal(new[] { "ej_gatt_vidare" }, offScale.QuerySelectorAll("input").Select(i => i.GetAttribute("value")));
        Assert.Contains("choices--scale", offScale.PreviousElementSibling!.ClassList);
    }

    [Fact]
    public void TheSavedAnswerIsTheOnlyCheckedRadio()
    {
        var cut = Render(QuestionAnswer.Choice("4"));

        var checkedInput = Assert.Single(cut.FindAll("input[checked]"));
        Assert.Equal("4", checkedInput.GetAttribute("value"));
    }

    [Fact]
    public void WithoutAnAnswerNoRadioIsChecked()
    {
        var cut = Render();

        Assert.Empty(cut.FindAll("input[checked]"));
    }

    [Fact]
    public void AnErrorIsShownAndTheFieldsetIsDescribedByItAndByTheHelpText()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(error: "Välj ett svar.");

        var error = cut.Find("#q-f5-error");
        Assert.Contains("Välj ett svar.", error.TextContent);
        Assert.Equal(_f5.HelpText, cut.Find("#q-f5-help").TextContent);
        var describedBy = cut.Find("fieldset").GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains("q-f5-error", describedBy);
        Assert.Contains("q-f5-help", describedBy);
        Assert.Contains("question--error", cut.Find("fieldset").ClassList);
    }

    [Fact]
    public void WithoutAnErrorThereIsNoErrorElementAndOnlyTheHelpDescribesTheFieldset()
    {
        var cut = Render();

        Assert.Empty(cut.FindAll("#q-f5-error"));
        Assert.Empty(cut.FindAll(".question__error"));
        Assert.Equal("q-f5-help", cut.Find("fieldset").GetAttribute("aria-describedby"));
    }
}
