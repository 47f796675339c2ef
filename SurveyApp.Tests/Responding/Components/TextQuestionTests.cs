using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class TextQuestionTests : LocalizedTestContext
{
    private readonly Question _f2 = TestQuestions.FromModel("f2");


    private IRenderedComponent<TextQuestion> Render(QuestionAnswer? answer = null, string? error = null) =>
        RenderQuestion<TextQuestion>(_f2, answer, error);

    [Fact]
    public void RendersATextareaWithALabelForIt()
    {
        var cut = Render();

        var textarea = cut.Find("textarea");
        Assert.Equal("q-f2", textarea.Id);
        Assert.Equal("q.f2", textarea.GetAttribute("name"));
        var label = Assert.Single(cut.FindAll("label[for='q-f2']"));
        Assert.Contains(_f2.Text, label.TextContent);
    }

    [Fact]
    public void TheTextareaIsLimitedToTheQuestionsMaxLength()
    {
        _f2.MaxLength = 1234;

        var cut = Render();

        Assert.Equal("1234", cut.Find("textarea").GetAttribute("maxlength"));
    }

    [Fact]
    public void TheDefaultMaxLengthIsShownAsAHintInSwedish()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render();

        Assert.Equal(Question.DefaultMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("textarea").GetAttribute("maxlength"));
        Assert.Equal("Högst 4000 tecken.", cut.Find(".question__hint").TextContent);
    }

    [Fact]
    public void TheSavedTextIsTheTextareasContent()
    {
        var cut = Render(QuestionAnswer.Open("Nätverket och kunskapen."));

        Assert.Equal("Nätverket och kunskapen.", cut.Find("textarea").TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("</textarea><script>alert(1)</script>")]
    public void MarkupInTheSavedTextIsShownAsText(string saved)
    {
        var cut = Render(QuestionAnswer.Open(saved));

        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("<script>", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(saved, cut.Find("textarea").TextContent);
    }

    [Fact]
    public void AnErrorMarksTheTextareaInvalidAndDescribesIt()
    {
        var cut = Render(error: "Svaret är för långt.");

        var textarea = cut.Find("textarea");
        Assert.Equal("true", textarea.GetAttribute("aria-invalid"));
        Assert.Equal("q-f2-error q-f2-limit", textarea.GetAttribute("aria-describedby"));
        Assert.Contains("Svaret är för långt.", cut.Find("#q-f2-error").TextContent);
    }

    [Fact]
    public void WithoutAnErrorTheTextareaIsNotMarkedInvalidButDescribedByItsLimit()
    {
        var cut = Render();

        var textarea = cut.Find("textarea");
        Assert.False(textarea.HasAttribute("aria-invalid"));
        Assert.Equal("q-f2-limit", textarea.GetAttribute("aria-describedby"));
        Assert.Equal("Högst 4000 tecken.", cut.Find("#q-f2-limit").TextContent);
        Assert.Empty(cut.FindAll("#q-f2-error"));
    }
}
