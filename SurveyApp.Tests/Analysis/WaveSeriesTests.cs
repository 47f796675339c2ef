using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

public sealed class WaveSeriesTests
{
    private static WaveSummary Wave(int id, int survey, int series) =>
        new(id, $"Omgång {id}", survey, $"Enkät {survey}", false, 10, 5) { SeriesId = series };

    // Waves 1 and 2 of one survey, wave 3 of that survey's later version, wave 4 alone in another survey.
    private static readonly IReadOnlyList<WaveSummary> Waves = [Wave(1, 1, 1), Wave(2, 1, 1), Wave(3, 5, 1), Wave(4, 2, 2)];

    [Fact]
    public void OnlyWavesWithAnotherWaveOfTheirSeriesCanBePickedFirst()
    {
        Assert.Equal([1, 2, 3], WaveSeries.WithAPartner(Waves).Select(w => w.WaveId));
        Assert.Empty(WaveSeries.WithAPartner([Wave(1, 1, 1), Wave(4, 2, 2)]));
    }

    [Fact]
    public void AWaveComparesWithTheOtherWavesOfItsSurveyAndItsVersionsOnly()
    {
        Assert.Equal([2, 3], WaveSeries.PartnersOf(Waves, 1).Select(w => w.WaveId));
        Assert.Equal([1, 2], WaveSeries.PartnersOf(Waves, 3).Select(w => w.WaveId));
        Assert.Empty(WaveSeries.PartnersOf(Waves, 4));
        Assert.Empty(WaveSeries.PartnersOf(Waves, 99));
    }
}
