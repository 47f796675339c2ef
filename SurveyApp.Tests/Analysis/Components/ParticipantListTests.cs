using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

[Collection(DemoDataCollection.Name)]
public sealed class ParticipantListTests : StaffComponentContext
{
    private readonly int _wave2013;
    private readonly int _wave2015;

    public ParticipantListTests(DemoDataFixture fixture)
    {
        Context.Services.AddFallbackServiceProvider(fixture.App.Services);
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _wave2015 = waves.Single(w => w.WaveName != "Uppföljning december 2013").WaveId;
    }

    private IRenderedComponent<ParticipantList> Render() => Context.Render<ParticipantList>(ps => ps.Add(p => p.WaveId, _wave2013));

    private static List<string> Names(IRenderedComponent<ParticipantList> cut) =>
        cut.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    [Fact]
    public void TheHeadingSaysHowManyHaveNotSubmittedAndTheGridIsNamedWithTheNumberInvited()
    {
        var cut = Render();

        cut.WaitForAssertion(() => Assert.Contains("Vilka har svarat? (3 har inte skickat in)", cut.Markup));
        Assert.Equal("20 deltagare", cut.Find(".participants__grid").GetAttribute("aria-label"));
    }

    [Fact]
    public void TheFirstPageShowsThoseWhoHaveNotSubmittedFirstWithTheirStatusInWords()
    {
        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("tbody tr").Count));
        var first = cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(first[0], new[] { "Landstinget Sörmland", "Region Halland", "Tidaholms kommun" });
        Assert.DoesNotContain("Har skickat in", first[2]);
        Assert.Equal("Har skickat in", cut.FindAll("tbody tr")[^1].QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public void SearchingByNameAsksTheDatabaseForMatchingNamesOnly()
    {
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("tbody tr").Count));

        cut.Find(".participants__search input").Input("örebro");

        cut.WaitForAssertion(() => Assert.Equal(["Örebro kommun", "Örebro läns landsting"], Names(cut).Order()), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void SortingByNameOrdersTheRowsByName()
    {
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("tbody tr").Count));

        cut.FindAll("th").First(h => h.TextContent.Contains("Namn")).QuerySelector(".sortable-column-header")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(["Arvika kommun", "Botkyrka kommun", "Eskilstuna kommun"], Names(cut).Take(3)));
    }

    [Fact]
    public void PagesHoldTwentyFiveByDefault()
    {
        using var swedish = UiCulture.Swedish();
        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("tbody tr").Count));
        Assert.Equal("25", cut.Find(".mud-table-pagination input").GetAttribute("value"));
        Assert.Contains("1–20 av 20", cut.Find(".mud-table-pagination").TextContent);
        Assert.Empty(cut.FindAll("[aria-label='Column options']"));
    }

    [Fact]
    public void AnotherWaveIsReadAgainWithItsOwnHeadingAndRows()
    {
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Contains("(3 har inte skickat in)", cut.Markup));
        var before = Names(cut);

        cut.Render(ps => ps.Add(p => p.WaveId, _wave2015));

        cut.WaitForAssertion(() => Assert.Contains("Vilka har svarat? (0 har inte skickat in)", cut.Markup));
        cut.WaitForAssertion(() => Assert.NotEqual(before.Take(5), Names(cut).Take(5)));
    }
}
