namespace SurveyApp.Analysis;

/// <summary>Which waves compare: those of one survey and its later versions (one series).</summary>
public static class WaveSeries
{
    /// <summary>The waves with at least one other wave of their series, in the order given.</summary>
    public static IReadOnlyList<WaveSummary> WithAPartner(IReadOnlyList<WaveSummary> waves) =>
        waves.Where(w => waves.Any(other => other.WaveId != w.WaveId && other.SeriesId == w.SeriesId)).ToList();

    /// <summary>The other waves of the given wave's series, in the order given; none for a wave not in the list.</summary>
    public static IReadOnlyList<WaveSummary> PartnersOf(IReadOnlyList<WaveSummary> waves, int waveId) =>
        waves.FirstOrDefault(w => w.WaveId == waveId) is { } wave
            ? waves.Where(w => w.WaveId != waveId && w.SeriesId == wave.SeriesId).ToList()
            : [];
}
