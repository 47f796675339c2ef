using Microsoft.AspNetCore.Components;
using Bunit;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Tests.Responding.Components;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class FilterPanelTests : LocalizedTestContext
{
    private ResultsFilter? _applied;

    private IRenderedComponent<FilterPanel> Render(IReadOnlyList<string> selected) =>
        Render<FilterPanel>(ps => ps
            .Add(p => p.Types, ["kommun", "landsting", "region"])
            .Add(p => p.HiddenTypes, new HashSet<string> { "region" })
            .Add(p => p.SelectedTypes, selected)
            .Add(p => p.OnApply, filter => _applied = filter));

    [Fact]
    public void BeforeThePageIsInteractiveItsButtonsAreDisabledSoNoChoiceIsLost()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render([]);

        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void OnceInteractiveItsButtonsWork()
    {
        var cut = Render([]);

        Assert.All(cut.FindAll("button"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public void ABoxTickedButNotAppliedSurvivesThePageRenderingAgain()
    {
        var cut = Render([]);
        cut.Find("#typ-kommun").Change(true);

        // The page renders again with the same filter in force, as it does at its minute's staff check.
        cut.Render(ps => ps.Add(p => p.SelectedTypes, Array.Empty<string>()));
        cut.Find("form").Submit();

        Assert.Equal(["kommun"], _applied!.ParticipantTypes);
    }

    [Fact]
    public void ANewFilterInForceReplacesTheBoxes()
    {
        var cut = Render([]);
        cut.Find("#typ-kommun").Change(true);

        cut.Render(ps => ps.Add(p => p.SelectedTypes, new[] { "landsting" }));
        cut.Find("form").Submit();

        Assert.Equal(["landsting"], _applied!.ParticipantTypes);
        Assert.True(cut.Find("#typ-region").HasAttribute("disabled"));
    }
}
