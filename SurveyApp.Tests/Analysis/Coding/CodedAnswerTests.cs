using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Coding;
using SurveyApp.Resources;
using SurveyApp.Tests.Responding.Components;
using Xunit;

namespace SurveyApp.Tests.Analysis.Coding;

public class CodedAnswerTests : LocalizedTestContext
{
    private static readonly IReadOnlyList<CategoryCount> Categories =
    [
        new(1, "Kunskaps- och erfarenhetsutbyte", 8),
        new(2, "Nationell nivå", 5),
    ];

    private readonly List<CodingChange> _changes = [];

    private IRenderedComponent<CodedAnswer> Render(OpenAnswer answer, IReadOnlyList<CategoryCount>? categories = null) =>
        Render<CodedAnswer>(ps => ps
            .Add(p => p.Answer, answer)
            .Add(p => p.Categories, categories ?? Categories)
            .Add(p => p.OnToggle, EventCallback.Factory.Create<CodingChange>(this, _changes.Add)));

    private static OpenAnswer Answer(string text = "Att komma in i det nationella flödet.", params int[] categoryIds) =>
        new(42, 3, text, "kommun", categoryIds);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b onmouseover=alert(1)>fet</b> & mer")]
    public void MarkupInAnAnswerIsShownAsText(string text)
    {
        var cut = Render(Answer(text));

        Assert.Equal(text, cut.Find(".open-answer__text").TextContent);
        Assert.Empty(cut.FindAll(".open-answer__text *"));
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public void TheCheckboxesAreAFieldsetNamedAfterTheAnswer()
    {
        var cut = Render(Answer());

        var legend = cut.Find("fieldset > legend");
        var expected = Services.GetRequiredService<IStringLocalizer<Strings>>()["Coding.AnswerLegend", 3].Value;
        Assert.Equal(expected, legend.TextContent);
        Assert.Equal(2, cut.FindAll("fieldset input[type=checkbox]").Count);
        Assert.Equal("kommun", cut.Find(".open-answer__type-value").TextContent);
    }

    [Fact]
    public void EachCategoryHasACheckboxWithItsOwnIdAndLabel()
    {
        var cut = Render(Answer());

        var boxes = cut.FindAll("input[type=checkbox]");
        Assert.Equal(["svar-42-kategori-1", "svar-42-kategori-2"], boxes.Select(b => b.Id));
        Assert.Equal(Categories.Select(c => c.Name), boxes.Select(b => cut.Find($"label[for='{b.Id}']").TextContent));
    }

    [Fact]
    public void TheCategoriesTheAnswerIsCodedIntoAreTicked()
    {
        var cut = Render(Answer(categoryIds: [2]));

        Assert.False(cut.Find("#svar-42-kategori-1").HasAttribute("checked"));
        Assert.True(cut.Find("#svar-42-kategori-2").HasAttribute("checked"));
    }

    [Fact]
    public void BeforeThePageIsInteractiveTheBoxesAreDisabledSoNoTickIsLost()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render(Answer(categoryIds: [2]));

        Assert.All(cut.FindAll("input[type=checkbox]"), box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(cut.Find("#svar-42-kategori-2").HasAttribute("checked"));
    }

    [Fact]
    public void OnceInteractiveTheBoxesCanBeTicked() =>
        Assert.All(Render(Answer()).FindAll("input[type=checkbox]"), box => Assert.False(box.HasAttribute("disabled")));

    [Fact]
    public void TickingAndUntickingRaiseTheChange()
    {
        var cut = Render(Answer(categoryIds: [2]));

        cut.Find("#svar-42-kategori-1").Change(true);
        cut.Find("#svar-42-kategori-2").Change(false);

        Assert.Equal([new CodingChange(42, 1, true), new CodingChange(42, 2, false)], _changes);
    }

    [Fact]
    public void WithoutCategoriesThereIsNothingToTick()
    {
        var cut = Render(Answer(), []);

        Assert.Empty(cut.FindAll("input"));
        Assert.Single(cut.FindAll(".open-answer__none"));
    }
}
