using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Storage;
using Xunit;

namespace SurveyApp.Tests.Analysis;

[Collection(DemoDataCollection.Name)]
public sealed class ParticipantProgressQueryTests
{
    private readonly DemoDataFixture _fixture;
    private readonly ParticipantProgressQuery _progress;
    private readonly int _wave2013;

    public ParticipantProgressQueryTests(DemoDataFixture fixture)
    {
        _fixture = fixture;
        _progress = fixture.App.Services.GetRequiredService<ParticipantProgressQuery>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    [Fact]
    public async Task WhoHasNotAnsweredIsListed()
    {
        var participants = await _progress.ListAsync(_wave2013);

        Assert.Equal(20, participants.Count);
        var notAnswered = participants.Where(p => p.Status != ParticipantStatus.Submitted).Select(p => p.Name).Order();
        Assert.Equal(["Landstinget Sörmland", "Region Halland", "Tidaholms kommun"], notAnswered);
    }

    [Fact]
    public async Task TheSummaryCountsTheInvitedAndThoseWhoHaveNotSubmitted()
    {
        Assert.Equal(new ParticipantProgressSummary(20, 3), await _progress.SummaryAsync(_wave2013));
        Assert.Equal(new ParticipantProgressSummary(0, 0), await _progress.SummaryAsync(int.MaxValue));
    }

    [Fact]
    public async Task PagesFollowEachOtherWithoutGapsOrRepeatsAndCountTheWholeList()
    {
        var first = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 8));
        var second = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(8, 8));
        var third = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(16, 8));

        Assert.Equal([20, 20, 20], new[] { first.Total, second.Total, third.Total });
        Assert.Equal([8, 8, 4], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        var all = first.Items.Concat(second.Items).Concat(third.Items).Select(p => p.Name).ToList();
        Assert.Equal(20, all.Distinct().Count());
    }

    [Fact]
    public async Task ByDefaultThoseWhoHaveNotSubmittedComeFirstAndEachStatusIsInNameOrder()
    {
        var page = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 100));
        var byName = (await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 100, ParticipantSort.Name))).Items.Select(p => p.Name).ToList();

        // The database's own order of names (its collation), within each status.
        Assert.Equal(page.Items.OrderBy(p => p.Status).ThenBy(p => byName.IndexOf(p.Name)).ToList(), page.Items);
        Assert.NotEqual(ParticipantStatus.Submitted, page.Items[0].Status);
        Assert.Equal(ParticipantStatus.Submitted, page.Items[^1].Status);
    }

    [Fact]
    public async Task StatusDescendingPutsTheSubmittedFirst()
    {
        var page = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 20, ParticipantSort.Status, Descending: true));

        Assert.All(page.Items.Take(17), p => Assert.Equal(ParticipantStatus.Submitted, p.Status));
        Assert.All(page.Items.Skip(17), p => Assert.NotEqual(ParticipantStatus.Submitted, p.Status));
    }

    [Fact]
    public async Task SortedByNameEitherWay()
    {
        var ascending = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 20, ParticipantSort.Name));
        var descending = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 20, ParticipantSort.Name, Descending: true));

        Assert.Equal(["Arvika kommun", "Botkyrka kommun", "Eskilstuna kommun"], ascending.Items.Take(3).Select(p => p.Name));
        Assert.Equal(ascending.Items.Select(p => p.Name).Reverse(), descending.Items.Select(p => p.Name));
    }

    [Theory]
    [InlineData("STAD", new[] { "Göteborgs stad", "Helsingborgs stad", "Malmö stad" })]
    [InlineData("örebro", new[] { "Örebro kommun", "Örebro läns landsting" })]
    [InlineData("SÖRM", new[] { "Landstinget Sörmland" })]
    [InlineData("  region ", new[] { "Region Halland", "Region Skåne", "Regionförbundet Östsam", "Västra Götalandsregionen" })]
    public async Task TheNameSearchIgnoresCaseAlsoForSwedishLettersAndCountsOnlyWhatItFinds(string term, string[] expected)
    {
        var page = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 25, ParticipantSort.Name, NameContains: term));

        Assert.Equal(expected.Order(), page.Items.Select(p => p.Name).Order());
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task ASearchThatFindsNobodyGivesAnEmptyPage()
    {
        var page = await _progress.PageAsync(_wave2013, new ParticipantPageRequest(0, 25, NameContains: "finns inte"));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task ThePageIsCutSortedAndSearchedInSql()
    {
        await using var db = await _fixture.App.Services.GetRequiredService<IDbContextFactory<SurveyDbContext>>().CreateDbContextAsync();

        var sql = ParticipantProgressQuery.Query(db, _wave2013, new ParticipantPageRequest(25, 25, ParticipantSort.Name, NameContains: "stad")).ToQueryString();

        Assert.Contains("ORDER BY", sql);
        Assert.Contains("LIMIT", sql);
        Assert.Contains("OFFSET", sql);
        Assert.Matches(@"ORDER BY .*COLLATE ""?swedish", sql);
        Assert.Matches(@"(swedish_fold|lower)\(", sql);
    }
}
