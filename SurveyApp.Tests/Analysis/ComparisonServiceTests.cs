using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Statistics;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>The demo data's two waves compared, as the report's follow-up would compare them.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class ComparisonServiceTests
{
    private readonly ComparisonService _comparisons;
    private readonly int _wave2013;
    private readonly int _wave2015;

    public ComparisonServiceTests(DemoDataFixture fixture)
    {
        _comparisons = fixture.App.Services.GetRequiredService<ComparisonService>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _wave2015 = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)").WaveId;
    }

    [Fact]
    public async Task ComparingTheWavesPairsTheSameOrganisationsAndTestsWithWilcoxon()
    {
        var comparison = await _comparisons.CompareAsync(_wave2013, _wave2015, ResultsFilter.None);

        var f5 = comparison!.Questions.Single(q => q.Question.Key == "f5");
        Assert.Equal(ComparisonTest.WilcoxonSignedRank, f5.Test!.Test);
        Assert.Equal(17, f5.Test.CountA);
        Assert.Equal(15, f5.Test.CountB);
        Assert.Equal(15, f5.Test.Pairs);
        Assert.Equal(PValueMethod.Exact, f5.Test.Method);
        Assert.InRange(f5.Test.PValue!.Value, 0, 0.05);
        var högGrad = f5.Changes.Single(c => c.Code == "4");
        Assert.Equal(6, högGrad.CountA);
        Assert.Equal(8, högGrad.CountB);
        Assert.Equal(100 * (8.0 / 15 - 6.0 / 17), högGrad.PercentagePoints, 9);
        var f1 = comparison.Questions.Single(q => q.Question.Key == "f1");
        Assert.Null(f1.Test);
        Assert.Equal(15.0 / 17, f1.Changes[0].ShareA, 9); // the results page's base: all who answered, Vet ej included
    }

    [Fact]
    public async Task ComparingUnderASuppressedFilterShowsNoNumbers()
    {
        var comparison = await _comparisons.CompareAsync(_wave2013, _wave2015, new ResultsFilter(["region"], null));

        Assert.True(comparison!.Suppressed);
        Assert.Empty(comparison.Questions);
    }
}
