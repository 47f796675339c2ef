using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Pages;
using SurveyApp.Security;
using SurveyApp.Shared;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Pages;

/// <summary>The comparison page, like the results page, reads its two waves once per visit.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class ComparisonPageTests : StaffComponentContext
{
    private readonly int _a;
    private readonly int _b;
    private BunitPersistentComponentState _state = null!;

    public ComparisonPageTests(DemoDataFixture fixture)
    {
        Context.Services.AddFallbackServiceProvider(fixture.App.Services);
        Authorization.SetAuthorized("analytiker@example.se").SetRoles(StaffRoles.Analyst);
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _a = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _b = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)").WaveId;
    }

    protected override void AddServices(IServiceCollection services) => _state = Context.AddBunitPersistentComponentState();

    private IRenderedComponent<ComparisonPage> RenderAt(string query)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/resultat/jamfor{query}");
        return Context.Render<ComparisonPage>();
    }

    [Fact]
    public async Task TheLivePageShowsWhatThePrerenderedPageReadUnlessItComparesOtherWaves()
    {
        var query = $"?a={_a}&b={_b}";
        var prerendered = RenderAt(query);
        prerendered.WaitForAssertion(() => Assert.Contains("Uppföljning 2015 (fiktiv)", prerendered.Find("p.lead").TextContent));
        var key = await Context.PersistAsync(_state, prerendered, ComparisonPage.HandoffKey);
        var loaded = Context.Services.GetRequiredService<PrerenderHandoff>().Take<ComparisonPage.Loaded>(key)!;
        var marked = loaded with { Comparison = loaded.Comparison! with { B = loaded.Comparison.B with { Wave = loaded.Comparison.B.Wave with { WaveName = "Som förrenderad" } } } };
        Context.HandOver(_state, ComparisonPage.HandoffKey, marked);

        var live = RenderAt(query);

        live.WaitForAssertion(() => Assert.Contains("Som förrenderad", live.Find("p.lead").TextContent));
        await Context.DisposeComponentsAsync();

        // The same two waves picked the other way round: not what was prerendered, so read again.
        Context.HandOver(_state, ComparisonPage.HandoffKey, marked);
        var other = RenderAt($"?a={_b}&b={_a}");

        other.WaitForAssertion(() => Assert.Contains("Uppföljning 2015 (fiktiv)", other.Find("p.lead").TextContent));
    }

    [Fact]
    public async Task ThePickersOfferOnlyWavesThatCompareAndSayWhenNoneDo()
    {
        var waves = await Context.Services.GetRequiredService<WaveListQuery>().ListAsync();
        var alone = new WaveSummary(99, "Våren 2025", 42, "Arbetsmiljöenkät", false, 8, 7);
        Context.HandOver(_state, ComparisonPage.HandoffKey, new ComparisonPage.Loaded(null, null, [alone, .. waves], null));

        var page = RenderAt("");

        // The other survey's only wave is not picked first; the seeded survey's two waves are, one in each list.
        page.WaitForAssertion(() => Assert.Equal("Uppföljning december 2013 (Uppföljning av Samling för social hållbarhet)",
            page.Find(".compare__wave-a [role=combobox]").GetAttribute("value")));
        Assert.Equal("Uppföljning 2015 (fiktiv) (Uppföljning av Samling för social hållbarhet)", page.Find(".compare__wave-b [role=combobox]").GetAttribute("value"));
        Assert.Empty(page.FindAll("p[role=status]"));
        await Context.DisposeComponentsAsync();

        Context.HandOver(_state, ComparisonPage.HandoffKey, new ComparisonPage.Loaded(null, null, [alone], null));
        var none = RenderAt("");

        none.WaitForAssertion(() => Assert.Equal("Ingen enkät har två omgångar än. När en enkät har fått en uppföljning kan omgångarna jämföras här.",
            none.Find("p[role=status]").TextContent));
    }

    [Fact]
    public async Task PickingAnotherFirstWaveOffersAComparableSecond()
    {
        WaveSummary Wave(int id, string name, int survey) => new(id, name, survey, $"Enkät {survey}", false, 10, 6);
        Context.HandOver(_state, ComparisonPage.HandoffKey,
            new ComparisonPage.Loaded(null, null, [Wave(91, "Hösten 2024", 7), Wave(92, "Våren 2025", 7), Wave(93, "Mars", 8), Wave(94, "April", 8)], null));
        var page = RenderAt("");
        page.WaitForAssertion(() => Assert.Equal("Våren 2025 (Enkät 7)", page.Find(".compare__wave-b [role=combobox]").GetAttribute("value")));

        var first = page.FindComponents<MudBlazor.MudSelect<int>>()[0];
        await page.InvokeAsync(() => first.Instance.ValueChanged.InvokeAsync(93));

        page.WaitForAssertion(() => Assert.Equal("April (Enkät 8)", page.Find(".compare__wave-b [role=combobox]").GetAttribute("value")));
        Assert.Equal("Mars (Enkät 8)", page.Find(".compare__wave-a [role=combobox]").GetAttribute("value"));
    }
}
