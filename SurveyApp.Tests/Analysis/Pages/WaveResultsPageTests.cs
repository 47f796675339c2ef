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

/// <summary>The results page hands what it read while prerendered to the live page, which then does not read it again.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class WaveResultsPageTests : StaffComponentContext
{
    private readonly int _wave2013;
    private BunitPersistentComponentState _state = null!;

    public WaveResultsPageTests(DemoDataFixture fixture)
    {
        Context.Services.AddFallbackServiceProvider(fixture.App.Services);
        Authorization.SetAuthorized("analytiker@example.se").SetRoles(StaffRoles.Analyst);
        _wave2013 = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult()
            .Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    protected override void AddServices(IServiceCollection services) => _state = Context.AddBunitPersistentComponentState();

    private PrerenderHandoff Handoff => Context.Services.GetRequiredService<PrerenderHandoff>();

    private IRenderedComponent<WaveResultsPage> RenderAt(string query)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/resultat/{_wave2013}{query}");
        return Context.Render<WaveResultsPage>(ps => ps.Add(p => p.WaveId, _wave2013));
    }

    // What the prerendered page persists when it is done: the key to what it read.
    private async Task<string> PrerenderAsync(string query)
    {
        var cut = RenderAt(query);
        cut.WaitForAssertion(() => Assert.Equal("Uppföljning december 2013", cut.Find("h1").TextContent));
        return await Context.PersistAsync(_state, cut, WaveResultsPage.HandoffKey);
    }

    // The handed-over results, told apart from the database's by the wave's name.
    private string Mark(string key)
    {
        var loaded = Handoff.Take<WaveResultsPage.Loaded>(key)!;
        var marked = loaded with { Results = loaded.Results with { Wave = loaded.Results.Wave with { WaveName = "Som förrenderad" } } };
        return Context.HandOver(_state, WaveResultsPage.HandoffKey, marked);
    }

    [Fact]
    public async Task TheLivePageShowsWhatThePrerenderedPageReadAndTakesItOnce()
    {
        var handed = Mark(await PrerenderAsync("?typ=kommun"));

        var cut = RenderAt("?typ=kommun");

        cut.WaitForAssertion(() => Assert.Equal("Som förrenderad", cut.Find("h1").TextContent));
        Assert.NotNull(cut.Find(".filter-summary"));
        Assert.Null(Handoff.Take<WaveResultsPage.Loaded>(handed));
    }

    [Fact]
    public async Task ALivePageWithAnotherFilterReadsItsOwnResults()
    {
        Mark(await PrerenderAsync(""));

        var cut = RenderAt("?typ=kommun");

        cut.WaitForAssertion(() => Assert.Equal("Uppföljning december 2013", cut.Find("h1").TextContent));
        // The filter in force is named in words, whatever the panel shows while another is chosen.
        Assert.Equal("Filtret (Deltagartyp: kommun) visar 10 av 17 svar.", cut.Find(".filter-summary").TextContent);
    }

    [Fact]
    public void AKeyThatFindsNothingReadsTheResults()
    {
        _state.Persist(WaveResultsPage.HandoffKey, "0123456789ABCDEF0123456789ABCDEF");

        var cut = RenderAt("");

        cut.WaitForAssertion(() => Assert.Equal("Uppföljning december 2013", cut.Find("h1").TextContent));
    }
}
