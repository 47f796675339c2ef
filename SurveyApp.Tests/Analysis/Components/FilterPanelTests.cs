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

    private static readonly FilterDimension Types = new(null, ["kommun", "landsting", "region"], new HashSet<string> { "region" });

    // A detail some invitees lack: they are the group "" (not given), here too small to choose.
    private static readonly FilterDimension County = new("län", ["", "Uppsala län", "Örebro län"], new HashSet<string> { "" });

    private IRenderedComponent<FilterPanel> Render(IReadOnlyList<string> selected, int? category = null, string? detail = null) =>
        Context.Render<FilterPanel>(ps => ps
            .Add(p => p.Dimensions, [Types, County])
            .Add(p => p.MinGroupSize, 5)
            .Add(p => p.Categories, [(2, (IReadOnlyList<Category>)[new Category { Id = 7, Name = "Nätverk" }, new Category { Id = 8, Name = "Forskning" }])])
            .Add(p => p.Selected, new ResultsFilter(selected, category, detail))
            .Add(p => p.OnApply, filter => _applied = filter));

    private static IElement Box(IRenderedComponent<FilterPanel> cut, string group) =>
        cut.Find($".filter-panel__type input[type=checkbox][data-group='{group}']");

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
        var cut = Context.Render<FilterPanel>(ps => ps.Add(p => p.Dimensions, [new FilterDimension(null, ["kommun", "landsting"], new HashSet<string>())]));

        Assert.Empty(cut.FindAll("#filter-hidden-note"));
        Assert.Empty(cut.FindAll("input[disabled]"));
        // With the types alone there is nothing to divide by but them.
        Assert.Empty(cut.FindAll(".filter-panel__dimension"));
        Assert.Equal("Deltagartyp", cut.Find(".filter-panel__types > legend").TextContent.Trim());
    }

    [Fact]
    public void TickingTypesAndApplyingSendsTheFilterInTheTypesOrder()
    {
        var cut = Render([]);
        Box(cut, "landsting").Change(true);
        Box(cut, "kommun").Change(true);

        cut.Find("form").Submit();

        Assert.Equal(["kommun", "landsting"], _applied!.Groups);
        Assert.Null(_applied.CategoryId);
    }

    [Fact]
    public void TheCategoryInForceIsShownByNameWithItsQuestionAndKeptOnApply()
    {
        var cut = Render(["kommun"], category: 8);

        Assert.Equal("Forskning (Fråga 2)", cut.Find(".filter-panel__category input").GetAttribute("value"));
        cut.Find("form").Submit();

        Assert.Equal(8, _applied!.CategoryId);
        Assert.Equal(["kommun"], _applied.Groups);
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
        cut.Render(ps => ps.Add(p => p.Selected, new ResultsFilter([], null)));
        cut.Find("form").Submit();

        Assert.Equal(["kommun"], _applied!.Groups);
    }

    [Fact]
    public void ANewFilterInForceReplacesTheBoxes()
    {
        var cut = Render([]);
        Box(cut, "kommun").Change(true);

        cut.Render(ps => ps.Add(p => p.Selected, new ResultsFilter(["landsting"], null)));
        cut.Find("form").Submit();

        Assert.Equal(["landsting"], _applied!.Groups);
        Assert.True(Box(cut, "landsting").HasAttribute("checked"));
        Assert.False(Box(cut, "kommun").HasAttribute("checked"));
        Assert.True(Box(cut, "region").HasAttribute("disabled"));
    }

    [Fact]
    public void ADetailInForceShowsItsOwnGroupsWithTheSmallOnesDisabled()
    {
        var cut = Render(["Örebro län"], detail: "län");

        Assert.Equal("län", cut.Find(".filter-panel__dimension input").GetAttribute("value"));
        Assert.Equal("län", cut.Find(".filter-panel__types > legend").TextContent.Trim());
        Assert.Equal(["", "Uppsala län", "Örebro län"], cut.FindAll("input[type=checkbox]").Select(b => b.GetAttribute("data-group")));
        // Those without the detail are a group of their own, named as such; here it is too small to choose.
        var notGiven = Box(cut, "");
        Assert.Equal("(uppgift saknas)", notGiven.Closest("label")!.TextContent.Trim());
        Assert.True(notGiven.HasAttribute("disabled"));
        Assert.Equal("Kan inte väljas, eftersom en grupp med färre än 5 svar då skulle kunna visas eller räknas fram: (uppgift saknas).",
            cut.Find("#filter-hidden-note").TextContent);
        Assert.True(Box(cut, "Örebro län").HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-group='kommun']"));

        Box(cut, "Uppsala län").Change(true);
        cut.Find("form").Submit();

        Assert.Equal(new ResultsFilter(_applied!.Groups, null, "län"), _applied);
        Assert.Equal(["Uppsala län", "Örebro län"], _applied.Groups);
    }

    [Fact]
    public void ChoosingAnotherDimensionStartsWithNothingTickedSoGroupsOfTwoDimensionsAreNeverCombined()
    {
        var cut = Render(["kommun"], category: 7);
        var choice = cut.FindComponent<MudBlazor.MudSelect<string>>();

        cut.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync("län"));
        Assert.All(cut.FindAll("input[type=checkbox]"), b => Assert.False(b.HasAttribute("checked")));
        Box(cut, "Uppsala län").Change(true);
        cut.Find("form").Submit();

        Assert.Equal("län", _applied!.Detail);
        Assert.Equal(["Uppsala län"], _applied.Groups);
        Assert.Equal(7, _applied.CategoryId);

        // Back to the types: the type ticked before is not ticked again, and nothing of the detail remains.
        cut.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync(""));
        cut.Find("form").Submit();
        Assert.Null(_applied.Detail);
        Assert.Empty(_applied.Groups);
    }

    [Fact]
    public void AGroupHiddenInTheDetailCannotBeTickedWhateverReachesTheComponent()
    {
        var cut = Render([], detail: "län");

        Box(cut, "").Change(true);
        cut.Find("form").Submit();

        Assert.Empty(_applied!.Groups);
    }

    [Fact]
    public void ADetailInForceIsShownOnceItsDimensionsArriveAfterTheFilter()
    {
        // The page may draw the panel before it has read what the wave offers.
        var cut = Context.Render<FilterPanel>(ps => ps
            .Add(p => p.Dimensions, Array.Empty<FilterDimension>())
            .Add(p => p.Selected, new ResultsFilter(["Örebro län"], null, "län")));

        cut.Render(ps => ps.Add(p => p.Dimensions, [Types, County]));

        Assert.Equal("län", cut.Find(".filter-panel__dimension input").GetAttribute("value"));
        Assert.True(Box(cut, "Örebro län").HasAttribute("checked"));
    }
}
