using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>
/// The results of the model survey's demo data, computed by the database from a real SQLite file,
/// compared with the figures the report publishes.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class WaveResultsQueryTests
{
    private readonly WaveResultsQuery _results;
    private readonly int _wave2013;
    private readonly int _wave2015;

    private readonly SurveyAppFactory _app;

    public WaveResultsQueryTests(DemoDataFixture fixture)
    {
        _app = fixture.App;
        _results = fixture.App.Services.GetRequiredService<WaveResultsQuery>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _wave2015 = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)").WaveId;
    }

    [Fact]
    public async Task Fråga9MatchesTheReportElevenOfSeventeenInHögGrad()
    {
        var f9 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f9").Main;

        var högGrad = f9.Choices.Single(c => c.Code == "4");
        Assert.Equal(17, f9.Answered);
        Assert.Equal(11, högGrad.Count);
        Assert.Equal(65, Math.Round(100 * f9.ShareOfAnswered(högGrad)));
        Assert.Equal(4, f9.Scale!.Median);
        Assert.Equal(12.0 / 17, f9.Scale.TopTwoShare!.Value, 9);
        Assert.Equal(0, f9.Choices.Single(c => c.Code == "ej_paverkat").Count);
    }

    [Fact]
    public async Task Fråga8MatchesTheReportNineOfSeventeen()
    {
        var f8 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f8").Main;

        Assert.Equal([9, 8, 0], f8.Choices.Select(c => c.Count));
        Assert.Equal(47, Math.Round(100 * f8.ShareOfAnswered(f8.Choices[1])));
    }

    [Fact]
    public async Task Fråga5MatchesTheReportsPercentages()
    {
        var f5 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f5").Main;

        Assert.Equal([0, 6, 47, 35, 12], f5.Choices.Where(c => !c.IsOffScale).Select(c => Math.Round(100 * f5.ShareOfScale(c))));
        Assert.Equal(3, f5.Scale!.Median);
    }

    [Fact]
    public async Task Fråga7SaysItsBaseFifteenAnsweredTwoSkipped()
    {
        var f7 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f7").Main;

        Assert.Equal(15, f7.Answered);
        Assert.Equal(2, f7.Skipped);
        Assert.Equal(0, f7.NotShown);
        Assert.Equal(80, Math.Round(100 * f7.ShareOfAnswered(f7.Choices[0])));
    }

    [Fact]
    public async Task CodedAdvantagesCountAsInTheReport()
    {
        var f2 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f2");

        Assert.Equal(17, f2.TextAnswers);
        Assert.Equal(
            [("Kunskaps- och erfarenhetsutbyte", 8), ("Nationell nivå", 5), ("Stöd och legitimitet lokalt", 4), ("Ta del av forskning", 3)],
            f2.Categories.Select(c => (c.Name, c.Count)));
    }

    [Fact]
    public async Task EachObstacleTextCarriesTheCategoriesOfWhatItSays()
    {
        await using var db = _app.CreateDbContext();
        var coded = await (
                from c in db.AnswerCategories
                join a in db.Answers on c.AnswerId equals a.Id
                join r in db.Responses on a.ResponseId equals r.Id
                where r.WaveId == _wave2013 && r.Invitation!.Participant!.Name == "Arvika kommun" && a.Text != null
                select new { a.Text, Category = db.Categories.Single(x => x.Id == c.CategoryId).Name })
            .ToListAsync();

        Assert.Equal(["Resursbrist"], coded.Where(c => c.Text!.StartsWith("Begränsade ekonomiska", StringComparison.Ordinal)).Select(c => c.Category));
        Assert.Equal(["Bristande prioritering"], coded.Where(c => c.Text!.StartsWith("Att det finns så många", StringComparison.Ordinal)).Select(c => c.Category));
        Assert.Equal(["Genomsyra alla verksamheter"], coded.Where(c => c.Text!.StartsWith("Svårt att få frågan", StringComparison.Ordinal)).Select(c => c.Category));
    }

    [Fact]
    public async Task FilteringByMunicipalitiesShowsTheirTenResponses()
    {
        var results = await Get2013Async(new ResultsFilter(["kommun"], null));

        Assert.False(results.Suppressed);
        Assert.Equal(10, results.InView);
        Assert.Equal(10, results.Questions.Single(q => q.Question.Key == "f1").Main.Answered);
    }

    [Theory]
    [InlineData("landsting")]                            // 4 responses
    [InlineData("kommun", "landsting", "region")]        // 16: the one regionförbund is the rest
    [InlineData("kommun", "regionförbund")]              // 11: minus the kommun view it is the one regionförbund
    public async Task AFilterThatLeavesOrRevealsASmallGroupShowsNoNumbers(params string[] types)
    {
        var results = await Get2013Async(new ResultsFilter(types, null));

        Assert.True(results.Suppressed);
        Assert.Empty(results.Questions);
    }

    [Fact]
    public async Task NoTwoViewsThatAreShownDifferByASmallGroup()
    {
        string[] types = ["kommun", "landsting", "region", "regionförbund"];
        var shown = new List<(HashSet<string> Types, int Count)>();
        for (var mask = 1; mask < 16; mask++)
        {
            var chosen = types.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var results = await Get2013Async(new ResultsFilter(chosen, null));
            if (!results.Suppressed)
            {
                shown.Add((chosen.ToHashSet(), results.InView));
            }
        }
        shown.Add((types.ToHashSet(), 17));

        Assert.Contains(shown, v => v.Types.SetEquals(["kommun"]));
        foreach (var a in shown)
        {
            foreach (var b in shown.Where(b => a.Types.IsSubsetOf(b.Types) && !a.Types.SetEquals(b.Types)))
            {
                Assert.True(b.Count - a.Count >= 5, $"{string.Join("+", b.Types)} minus {string.Join("+", a.Types)} is {b.Count - a.Count}");
            }
        }
    }

    [Fact]
    public async Task ACategoryWorksAsAFilter()
    {
        var f2 = (await Get2013Async(ResultsFilter.None)).Questions.Single(q => q.Question.Key == "f2");
        var exchange = f2.Categories.Single(c => c.Name == "Kunskaps- och erfarenhetsutbyte");

        var results = await Get2013Async(new ResultsFilter([], exchange.CategoryId));

        Assert.False(results.Suppressed);
        Assert.Equal(8, results.InView);
    }

    [Fact]
    public async Task TheFollowUpWaveHasItsOwnResponses()
    {
        var results = await _results.GetAsync(_wave2015, ResultsFilter.None);

        Assert.Equal(16, results!.InView);
        Assert.Equal(1, results.Questions.Single(q => q.Question.Key == "f5").Main.Choices.Single(c => c.Code == "ej_gatt_vidare").Count);
    }

    [Fact]
    public async Task AViewDecidedFirstAndCountedAfterIsTheViewReadInOneGo()
    {
        // The workbook export decides a view first and counts it while it reads the responses.
        var filter = new ResultsFilter(["kommun"], null);
        var decision = (await _results.DecideAsync(_wave2013, filter))!;
        var counted = await _results.CountAsync(decision);
        var whole = await Get2013Async(filter);

        Assert.Equal((whole.InView, whole.Suppressed, whole.RowsShown), (decision.InView, decision.Suppressed, decision.RowsShown));
        Assert.Equal(whole.Questions.Count, counted.Questions.Count);
        Assert.Equal(
            whole.Questions.SelectMany(q => q.Distributions.SelectMany(d => d.Choices.Select(c => (q.Question.Key, d.ItemCode, c.Code, c.Count)))),
            counted.Questions.SelectMany(q => q.Distributions.SelectMany(d => d.Choices.Select(c => (q.Question.Key, d.ItemCode, c.Code, c.Count)))));
        Assert.Null(await _results.DecideAsync(-1, filter));
    }

    [Fact]
    public async Task ASuppressedDecisionIsCountedAsNothing()
    {
        var decision = (await _results.DecideAsync(_wave2013, new ResultsFilter(["region"], null)))!;

        Assert.True(decision.Suppressed);
        Assert.False(decision.RowsShown);
        var counted = await _results.CountAsync(decision);
        Assert.True(counted.Suppressed);
        Assert.Empty(counted.Questions);
    }

    private async Task<WaveResults> Get2013Async(ResultsFilter filter) => (await _results.GetAsync(_wave2013, filter))!;
}
