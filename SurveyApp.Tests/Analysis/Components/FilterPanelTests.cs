using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public sealed class FilterPanelTests : StaffComponentContext
{
    private ResultsFilter? _applied;

    private IRenderedComponent<FilterPanel> Render(IReadOnlyList<string> selected, int? category = null) =>
        Context.Render<FilterPanel>(ps => ps
            .Add(p => p.Types, ["kommun", "landsting", "region"])
            .Add(p => p.HiddenTypes, new HashSet<string> { "region" })
            .Add(p => p.MinGroupSize, 5)
            .Add(p => p.Categories, [(2, (IReadOnlyList<Category>)[new Category { Id = 7, Name = "Nätverk" }, new Category { Id = 8, Name = "Forskning" }])])
            .Add(p => p.SelectedTypes, selected)
            .Add(p => p.SelectedCategory, category)
            .Add(p => p.OnApply, filter => _applied = filter));

    private static IElement Box(IRenderedComponent<FilterPanel> cut, string type) =>
        cut.Find($".filter-panel__type input[type=checkbox][data-type='{type}']");

    [Fact]
    public void BeforeThePageIsInteractiveItsControlsAreDisabledSoNoChoiceIsLost()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render([]);

        Assert.Equal(2, cut.FindAll("button").Count);
        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.NotEmpty(cut.FindAll("input[type=checkbox]"));
        Assert.All(cut.FindAll("input[type=checkbox]"), c => Assert.True(c.HasAttribute("disabled")));
    }

    [Fact]
    public void OnceInteractiveItsButtonsWork()
    {
        var cut = Render([]);

        Assert.All(cut.FindAll("button"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public void AHiddenTypeIsOfferedDisabledWithTheReasonAndTheOthersCanBeTicked()
    {
        var cut = Render([]);

        var region = Box(cut, "region");
        Assert.True(region.HasAttribute("disabled"));
        Assert.Equal("filter-hidden-note", region.GetAttribute("aria-describedby"));
        Assert.Equal("Kan inte väljas, eftersom en grupp med färre än 5 svar då skulle kunna visas eller räknas fram: region.",
            cut.Find("#filter-hidden-note").TextContent);
        Assert.All(["kommun", "landsting"], t => Assert.False(Box(cut, t).HasAttribute("disabled")));
        Assert.All(["kommun", "landsting"], t => Assert.False(Box(cut, t).HasAttribute("aria-describedby")));
        // Each box is named by its type, as a screen reader reads it.
        Assert.Equal("region", region.Closest("label")!.TextContent.Trim());
    }

    [Fact]
    public void WithNoHiddenTypeThereIsNoNote()
    {
        var cut = Context.Render<FilterPanel>(ps => ps.Add(p => p.Types, ["kommun", "landsting"]));

        Assert.Empty(cut.FindAll("#filter-hidden-note"));
        Assert.Empty(cut.FindAll("input[disabled]"));
    }

    [Fact]
    public void TickingTypesAndApplyingSendsTheFilterInTheTypesOrder()
    {
        var cut = Render([]);
        Box(cut, "landsting").Change(true);
        Box(cut, "kommun").Change(true);

        cut.Find("form").Submit();

        Assert.Equal(["kommun", "landsting"], _applied!.ParticipantTypes);
        Assert.Null(_applied.CategoryId);
    }

    [Fact]
    public void TheCategoryInForceIsShownByNameWithItsQuestionAndKeptOnApply()
    {
        var cut = Render(["kommun"], category: 8);

        Assert.Equal("Forskning (Fråga 2)", cut.Find(".filter-panel__category input").GetAttribute("value"));
        cut.Find("form").Submit();

        Assert.Equal(8, _applied!.CategoryId);
        Assert.Equal(["kommun"], _applied.ParticipantTypes);
    }

    [Fact]
    public void ClearingAppliesNoFilter()
    {
        var cut = Render(["kommun"], category: 7);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Rensa filter").Click();

        Assert.Equal(ResultsFilter.None, _applied);
    }

    [Fact]
    public void ABoxTickedButNotAppliedSurvivesThePageRenderingAgain()
    {
        var cut = Render([]);
        Box(cut, "kommun").Change(true);

        // The page renders again with the same filter in force, as it does at its minute's staff check.
        cut.Render(ps => ps.Add(p => p.SelectedTypes, Array.Empty<string>()));
        cut.Find("form").Submit();

        Assert.Equal(["kommun"], _applied!.ParticipantTypes);
    }

    [Fact]
    public void ANewFilterInForceReplacesTheBoxes()
    {
        var cut = Render([]);
        Box(cut, "kommun").Change(true);

        cut.Render(ps => ps.Add(p => p.SelectedTypes, new[] { "landsting" }));
        cut.Find("form").Submit();

        Assert.Equal(["landsting"], _applied!.ParticipantTypes);
        Assert.True(Box(cut, "landsting").HasAttribute("checked"));
        Assert.False(Box(cut, "kommun").HasAttribute("checked"));
        Assert.True(Box(cut, "region").HasAttribute("disabled"));
    }
}
