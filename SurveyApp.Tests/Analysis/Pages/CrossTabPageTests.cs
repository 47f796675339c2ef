using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Pages;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Pages;

/// <summary>The live cross-tab over the demo data.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class CrossTabPageTests : StaffComponentContext
{
    private readonly int _wave2013;

    public CrossTabPageTests(DemoDataFixture fixture)
    {
        Context.Services.AddFallbackServiceProvider(fixture.App.Services);
        Authorization.SetAuthorized("analytiker@example.se").SetRoles(StaffRoles.Analyst);
        _wave2013 = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult()
            .Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    private IRenderedComponent<CrossTabPage> RenderAt(string query)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/resultat/{_wave2013}/korstabell{query}");
        return Context.Render<CrossTabPage>(ps => ps.Add(p => p.WaveId, _wave2013));
    }

    [Fact]
    public void TheTableIsARealTableWithTheSmallGroupsHidden()
    {
        var cut = RenderAt("?fraga=f8");
        cut.WaitForAssertion(() => Assert.StartsWith("Fråga 8.", cut.Find("table caption").TextContent));

        var headers = cut.FindAll("thead th").Select(h => h.TextContent).ToList();
        Assert.StartsWith("Fråga 8.", cut.Find("table caption").TextContent);
        Assert.Contains(headers, h => h.StartsWith("kommun", StringComparison.Ordinal) && h.Contains("n = 10"));
        Assert.Contains(headers, h => h.StartsWith("landsting", StringComparison.Ordinal) && h.Contains("dold"));
        Assert.Equal("Fråga 8. Har arbetet med Samlingen varit ett stöd för det lokala alternativt det regionala arbetet?",
            cut.Find(".crosstab__question input").GetAttribute("value"));
    }

    [Fact]
    public void ChoosingAnotherQuestionKeepsTheFilterInTheAddress()
    {
        var cut = RenderAt("?fraga=f8&typ=kommun");
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => cut.Find("table caption"));

        cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("f1"));

        cut.WaitForAssertion(() => Assert.EndsWith($"/resultat/{_wave2013}/korstabell?typ=kommun&fraga=f1", navigation.Uri));
    }
}
