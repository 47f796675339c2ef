using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Coding;
using SurveyApp.Storage;
using Xunit;

namespace SurveyApp.Tests.Analysis.Coding;

/// <summary>Pages of the demo data's open answers: cut, sorted, searched and filtered by coding in the database.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class OpenAnswersQueryTests
{
    private readonly DemoDataFixture _fixture;
    private readonly OpenAnswersQuery _answers;
    private readonly OpenAnswerPage _f2;
    private readonly OpenAnswerPage _hinder;
    private readonly int _wave;

    public OpenAnswersQueryTests(DemoDataFixture fixture)
    {
        _fixture = fixture;
        _answers = fixture.App.Services.GetRequiredService<OpenAnswersQuery>();
        var coding = fixture.App.Services.GetRequiredService<CodingService>();
        _wave = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult()
            .Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _f2 = coding.GetAsync(_wave, "f2").GetAwaiter().GetResult()!;
        _hinder = coding.GetAsync(_wave, "hinder").GetAwaiter().GetResult()!;
    }

    private Task<OpenAnswerList> PageAsync(OpenAnswerPage question, OpenAnswerRequest request) =>
        _answers.PageAsync(_wave, question.QuestionId, request);

    private int Category(string name) => _f2.Categories.Single(c => c.Name == name).CategoryId;

    [Fact]
    public async Task PagesFollowEachOtherInAnswerOrderAndEachAnswerKeepsItsNumber()
    {
        var first = await PageAsync(_hinder, new OpenAnswerRequest(0, 10));
        var second = await PageAsync(_hinder, new OpenAnswerRequest(10, 10));
        var last = await PageAsync(_hinder, new OpenAnswerRequest(30, 10));

        Assert.Equal([35, 35, 35], new[] { first.Total, second.Total, last.Total });
        Assert.Equal(Enumerable.Range(1, 10), first.Items.Select(a => a.Number));
        Assert.Equal(Enumerable.Range(11, 10), second.Items.Select(a => a.Number));
        Assert.Equal(Enumerable.Range(31, 5), last.Items.Select(a => a.Number));
    }

    [Fact]
    public async Task NewestFirstCountsDownFromTheLastAnswer()
    {
        var page = await PageAsync(_hinder, new OpenAnswerRequest(0, 3, OpenAnswerSort.Number, Descending: true));

        Assert.Equal([35, 34, 33], page.Items.Select(a => a.Number));
    }

    [Fact]
    public async Task SortedByTextTheAnswersKeepTheirNumbers()
    {
        var all = (await PageAsync(_f2, new OpenAnswerRequest(0, 100))).Items.ToDictionary(a => a.Id, a => a.Number);

        var ascending = (await PageAsync(_f2, new OpenAnswerRequest(0, 100, OpenAnswerSort.Text))).Items;
        var descending = (await PageAsync(_f2, new OpenAnswerRequest(0, 100, OpenAnswerSort.Text, Descending: true))).Items;

        Assert.Equal(17, ascending.Count);
        Assert.Equal(ascending.Select(a => a.Text).Order(Comparer<string>.Create(SwedishText.Compare)), ascending.Select(a => a.Text));
        Assert.All(ascending, a => Assert.Equal(all[a.Id], a.Number));
        Assert.Equal(ascending.Select(a => a.Id).Reverse(), descending.Select(a => a.Id));
    }

    [Fact]
    public async Task FilteredByACategoryOnlyItsAnswersAreListedAndCounted()
    {
        var exchange = Category("Kunskaps- och erfarenhetsutbyte");

        var page = await PageAsync(_f2, new OpenAnswerRequest(0, 5, Coding: OpenAnswerCoding.Category, CategoryId: exchange));

        Assert.Equal(8, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, a => Assert.Contains(exchange, a.CategoryIds));
    }

    [Fact]
    public async Task TheUncodedAreThoseWithNoCategoryAtAll()
    {
        var all = (await PageAsync(_f2, new OpenAnswerRequest(0, 100))).Items;

        var uncoded = await PageAsync(_f2, new OpenAnswerRequest(0, 100, Coding: OpenAnswerCoding.Uncoded));

        Assert.Equal(all.Where(a => a.CategoryIds.Count == 0).Select(a => a.Id), uncoded.Items.Select(a => a.Id));
        Assert.Equal(uncoded.Items.Count, uncoded.Total);
    }

    [Fact]
    public async Task SearchAndCategoryTogetherFindWhatBothAllow()
    {
        var research = Category("Ta del av forskning");

        var both = await PageAsync(_f2, new OpenAnswerRequest(0, 100, TextContains: "FORSKNING", Coding: OpenAnswerCoding.Category, CategoryId: research));
        var searched = await PageAsync(_f2, new OpenAnswerRequest(0, 100, TextContains: "forskning"));

        Assert.NotEmpty(both.Items);
        Assert.All(both.Items, a => Assert.Contains("forskning", a.Text, StringComparison.OrdinalIgnoreCase));
        Assert.All(both.Items, a => Assert.Contains(research, a.CategoryIds));
        Assert.Equal(searched.Items.Where(a => a.CategoryIds.Contains(research)).Select(a => a.Id), both.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task ThePageIsCutSortedAndFilteredInSql()
    {
        await using var db = await _fixture.App.Services.GetRequiredService<IDbContextFactory<SurveyDbContext>>().CreateDbContextAsync();

        var sql = OpenAnswersQuery.Query(db, _wave, _f2.QuestionId,
            new OpenAnswerRequest(25, 25, OpenAnswerSort.Text, TextContains: "nät", Coding: OpenAnswerCoding.Uncoded)).ToQueryString();

        Assert.Contains("ORDER BY", sql);
        Assert.Contains("LIMIT", sql);
        Assert.Contains("OFFSET", sql);
        Assert.Contains("NOT EXISTS", sql);
        Assert.Matches(@"ORDER BY .*COLLATE ""?swedish", sql);
        Assert.Matches(@"(swedish_fold|lower)\(", sql);
    }
}
