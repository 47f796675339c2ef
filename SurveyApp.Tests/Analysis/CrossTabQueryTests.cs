using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

[Collection(DemoDataCollection.Name)]
public sealed class CrossTabQueryTests
{
    private readonly CrossTabQuery _crossTabs;
    private readonly int _wave2013;

    public CrossTabQueryTests(DemoDataFixture fixture)
    {
        _crossTabs = fixture.App.Services.GetRequiredService<CrossTabQuery>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    [Fact]
    public async Task ACrossTabUnderAFilterThatIsolatesASmallGroupShowsNothing()
    {
        var table = await _crossTabs.GetAsync(_wave2013, "f9", null, new ResultsFilter(["kommun", "regionförbund"], null));

        Assert.True(table!.Total.Hidden);
        Assert.All(table.Columns, c => Assert.True(c.Hidden));
    }

    [Fact]
    public async Task CrossTabHidesTheSmallParticipantTypes()
    {
        var table = await _crossTabs.GetAsync(_wave2013, "f8", null, ResultsFilter.None);

        Assert.NotNull(table);
        var visible = table.Columns.Where(c => !c.Hidden).Select(c => c.Segment);
        Assert.Equal(["kommun"], visible);
        Assert.All(table.Columns.Where(c => c.Hidden), c => Assert.Empty(c.Counts));
        Assert.False(table.Total.Hidden);
        Assert.Equal(17, table.Total.Answered);
    }
}
