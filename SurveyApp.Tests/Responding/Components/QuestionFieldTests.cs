using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class QuestionFieldTests : LocalizedTestContext
{

    private IRenderedComponent<QuestionField> Render(Question question, QuestionAnswer? answer = null, string? error = null) =>
        Render<QuestionField>(ps => ps
            .Add(p => p.Question, question)
            .Add(p => p.Answer, answer ?? QuestionAnswer.Empty)
            .Add(p => p.Error, error));

    [Fact]
    public void ALikertQuestionIsRenderedAsAScaleOfRadios()
    {
        var cut = Render(TestQuestions.FromModel("f5"));

        Assert.True(cut.HasComponent<LikertQuestion>());
        Assert.Equal(5, cut.FindAll(".choices--scale input[type=radio][name='q.f5']").Count);
        Assert.Empty(cut.FindAll(".matrix-item"));
    }

    [Fact]
    public void AMatrixQuestionIsRenderedWithAFieldsetPerItem()
    {
        var cut = Render(TestQuestions.Matrix());

        Assert.True(cut.HasComponent<MatrixQuestion>());
        Assert.Equal(2, cut.FindAll("fieldset.question--matrix > fieldset.matrix-item").Count);
    }

    [Fact]
    public void ASingleChoiceQuestionIsRenderedAsRadiosNotLaidOutAsAScale()
    {
        var cut = Render(TestQuestions.FromModel("f1"));

        Assert.True(cut.HasComponent<ChoiceQuestion>());
        Assert.Equal(4, cut.FindAll("input[type=radio][name='q.f1']").Count);
        Assert.Empty(cut.FindAll(".choices--scale"));
    }

    [Fact]
    public void AMultiChoiceQuestionIsRenderedAsCheckboxes()
    {
        var cut = Render(TestQuestions.Multi());

        Assert.True(cut.HasComponent<ChoiceQuestion>());
        Assert.Equal(3, cut.FindAll("input[type=checkbox][name='q.kanaler']").Count);
        Assert.Empty(cut.FindAll("input[type=radio]"));
    }

    [Fact]
    public void ATextQuestionIsRenderedAsATextarea()
    {
        var cut = Render(TestQuestions.FromModel("f2"));

        Assert.True(cut.HasComponent<TextQuestion>());
        Assert.Equal("q.f2", cut.Find("textarea").GetAttribute("name"));
        Assert.Empty(cut.FindAll("input"));
    }

    [Fact]
    public void ATextsQuestionIsRenderedAsNumberedTextInputs()
    {
        var cut = Render(TestQuestions.FromModel("hinder"));

        Assert.True(cut.HasComponent<TextsQuestion>());
        Assert.Equal(3, cut.FindAll("input[type=text]").Count);
        Assert.Empty(cut.FindAll("textarea"));
    }

    [Fact]
    public void TheAnswerAndTheErrorArePassedToTheKindsComponent()
    {
        var cut = Render(TestQuestions.FromModel("f5"), QuestionAnswer.Choice("2"), "Välj ett svar.");

        Assert.Equal("q-f5-2", Assert.Single(cut.FindAll("input[checked]")).Id);
        Assert.Contains("Välj ett svar.", cut.Find("#q-f5-error").TextContent);
    }
}
