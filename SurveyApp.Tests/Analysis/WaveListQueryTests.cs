using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

[Collection(DemoDataCollection.Name)]
public sealed class WaveListQueryTests
{
    private readonly WaveListQuery _waves;
    private readonly int _wave2013;

    public WaveListQueryTests(DemoDataFixture fixture)
    {
        _waves = fixture.App.Services.GetRequiredService<WaveListQuery>();
        _wave2013 = _waves.ListAsync().GetAwaiter().GetResult().Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    [Fact]
    public async Task ResponseRateIsSeventeenOfTwenty()
    {
        var wave = (await _waves.ListAsync()).Single(w => w.WaveId == _wave2013);

        Assert.Equal(20, wave.Invited);
        Assert.Equal(17, wave.Submitted);
        Assert.Equal(0.85, wave.ResponseRate, 6);
    }
}
