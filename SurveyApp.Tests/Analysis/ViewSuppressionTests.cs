using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

[Collection(DemoDataCollection.Name)]
public sealed class ViewSuppressionTests
{
    private readonly ViewSuppression _suppression;
    private readonly int _wave2013;

    public ViewSuppressionTests(DemoDataFixture fixture)
    {
        _suppression = fixture.App.Services.GetRequiredService<ViewSuppression>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    [Fact]
    public async Task TheTypesAFilterMayNotNameAreTheSmallOnes()
    {
        var hidden = await _suppression.HiddenTypesAsync(_wave2013);

        Assert.Equal(["landsting", "region", "regionförbund"], hidden.Order());
    }
}
