using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class ChoiceQuestionTests : LocalizedTestContext
{

    private IRenderedComponent<ChoiceQuestion> Render(Question question, QuestionAnswer? answer = null) =>
        RenderQuestion<ChoiceQuestion>(question, answer);

    [Fact]
    public void SingleChoiceRendersLabelledRadiosWithVetEjSetApart()
    {
        var cut = Render(TestQuestions.FromModel("f1"));

        var inputs = cut.FindAll("input");
        Assert.Equal(new[] { "ja_helt_sakert", "ja_viss_tveksamhet", "nej", "vet_ej" }, inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Equal("radio", i.GetAttribute("type")));
        Assert.All(inputs, i => Assert.Equal("q.f1", i.GetAttribute("name")));
        Assert.Equal("Vet ej", cut.Find($"label[for='{cut.Find(".choices--off-scale input").Id}']").TextContent);
        Assert.Single(cut.FindAll(".choices--off-scale input"));
        Assert.Equal("Ja, helt säkert", cut.Find("label[for='q-f1-ja_helt_sakert']").TextContent);
    }

    [Fact]
    public void SingleChoiceIsNotLaidOutAsAScaleAndHasNoMultiHint()
    {
        var cut = Render(TestQuestions.FromModel("f1"));

        Assert.Empty(cut.FindAll(".choices--scale"));
        Assert.Empty(cut.FindAll(".question__hint"));
    }

    [Fact]
    public void SingleChoiceChecksTheSavedAnswerOnly()
    {
        var cut = Render(TestQuestions.FromModel("f1"), QuestionAnswer.Choice("vet_ej"));

        Assert.Equal("q-f1-vet_ej", Assert.Single(cut.FindAll("input[checked]")).Id);
    }

    [Fact]
    public void MultiChoiceRendersCheckboxesThatShareOneName()
    {
        var cut = Render(TestQuestions.Multi());

        var inputs = cut.FindAll("input");
        Assert.Equal(3, inputs.Count);
        Assert.All(inputs, i => Assert.Equal("checkbox", i.GetAttribute("type")));
        Assert.All(inputs, i => Assert.Equal("q.kanaler", i.GetAttribute("name")));
        Assert.All(inputs, i => Assert.Single(cut.FindAll($"label[for='{i.Id}']")));
    }

    [Fact]
    public void MultiChoiceChecksEveryChosenCodeAndNoOther()
    {
        var cut = Render(TestQuestions.Multi(), QuestionAnswer.Choice("webb", "mote"));

        Assert.Equal(new[] { "webb", "mote" }, cut.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void MultiChoiceShowsTheHintInSwedish()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(TestQuestions.Multi());

        Assert.Equal("Välj alla som stämmer.", cut.Find(".question__hint").TextContent);
    }

    [Fact]
    public void MultiChoiceShowsTheHintInEnglish()
    {
        using var culture = UiCulture.English();

        var cut = Render(TestQuestions.Multi());

        Assert.Equal("Select all that apply.", cut.Find(".question__hint").TextContent);
    }
}
