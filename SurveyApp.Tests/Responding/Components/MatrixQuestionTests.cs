using Bunit;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class MatrixQuestionTests : LocalizedTestContext
{
    private readonly Question _matrix = TestQuestions.Matrix();


    private IRenderedComponent<MatrixQuestion> Render(QuestionAnswer? answer = null) =>
        RenderQuestion<MatrixQuestion>(_matrix, answer);

    [Fact]
    public void RendersAnOuterFieldsetAndOneInnerFieldsetPerItemInPositionOrder()
    {
        var cut = Render();

        var outer = cut.Find("fieldset.question--matrix");
        Assert.Contains(_matrix.Text, outer.QuerySelector("legend")!.TextContent);
        Assert.Equal(3, cut.FindAll("fieldset").Count);
        var items = cut.FindAll("fieldset.question--matrix > fieldset.matrix-item");
        Assert.Equal(new[] { "Träffarna", "Materialet" }, items.Select(i => i.QuerySelector("legend")!.TextContent));
    }

    [Fact]
    public void EachItemHasARadioPerStepAndOffScaleOptionNamedAfterQuestionAndItem()
    {
        var cut = Render();

        foreach (var (item, index) in new[] { ("traffar", 0), ("material", 1) })
        {
            var inputs = cut.FindAll("fieldset.matrix-item")[index].QuerySelectorAll("input");
            Assert.Equal(new[] { "1", "2", "3", "vet_ej" }, inputs.Select(i => i.GetAttribute("value")));
            Assert.All(inputs, i => Assert.Equal("radio", i.GetAttribute("type")));
            Assert.All(inputs, i => Assert.Equal($"q.stod.{item}", i.GetAttribute("name")));
            Assert.All(inputs, i => Assert.Single(cut.FindAll($"label[for='{i.Id}']")));
        }
    }

    [Fact]
    public void OffScaleOptionIsSetApartWithinEachItem()
    {
        var cut = Render();

        var offScale = cut.FindAll("fieldset.matrix-item .choices--off-scale input");
        Assert.Equal(new[] { "q-stod-traffar-vet_ej", "q-stod-material-vet_ej" }, offScale.Select(i => i.Id));
    }

    [Fact]
    public void ASavedAnswerChecksTheChosenRadioInItsOwnItemOnly()
    {
        var cut = Render(QuestionAnswer.Matrix(new Dictionary<string, string> { ["material"] = "2" }));

        var checkedInput = Assert.Single(cut.FindAll("input[checked]"));
        Assert.Equal("q-stod-material-2", checkedInput.Id);
        Assert.Equal("q.stod.material", checkedInput.GetAttribute("name"));
        Assert.Empty(cut.FindAll("fieldset.matrix-item")[0].QuerySelectorAll("input[checked]"));
    }

    [Fact]
    public void SavedAnswersToSeveralItemsAreEachCheckedInTheirItem()
    {
        var cut = Render(QuestionAnswer.Matrix(new Dictionary<string, string> { ["traffar"] = "vet_ej", ["material"] = "3" }));

        Assert.Equal(new[] { "q-stod-traffar-vet_ej", "q-stod-material-3" }, cut.FindAll("input[checked]").Select(i => i.Id));
    }
}
