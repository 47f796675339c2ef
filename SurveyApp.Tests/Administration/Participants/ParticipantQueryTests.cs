using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Participants;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>
/// The participant grid's pages come from the database: the seeded 20 participants (type kommun 11, eight of them named
/// "... kommun" and three "... stad"; landsting 5; region 3; regionförbund 1) with Arvika kommun and Region Skåne deactivated.
/// </summary>
public sealed class ParticipantQueryTests(ParticipantQueryTests.Data data) : IClassFixture<ParticipantQueryTests.Data>
{
    public sealed class Data : IAsyncLifetime
    {
        public SqlCapture Sql { get; } = new();

        public SurveyAppFactory App { get; }

        public Data() => App = new SurveyAppFactory(services: s => s.AddSingleton<IInterceptor>(Sql));

        public ParticipantQuery Query => App.Services.GetRequiredService<ParticipantQuery>();

        public async Task InitializeAsync()
        {
            var participants = App.Services.GetRequiredService<ParticipantAdministration>();
            var all = await Query.PageAsync(new(ModelSurvey.ListId), ParticipantSort.Name, false, 0, 100);
            foreach (var name in new[] { "Arvika kommun", "Region Skåne" })
            {
                await participants.SetActiveAsync("admin@example.se", all.Rows.Single(p => p.Name == name).Id, false);
            }
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly Comparer<string> Swedish = Comparer<string>.Create(SwedishText.Compare);

    private Task<ParticipantPage> PageAsync(ParticipantFilter? filter = null, ParticipantSort sort = ParticipantSort.Name, bool descending = false,
        int page = 0, int pageSize = 25) =>
        data.Query.PageAsync(filter ?? new(ModelSurvey.ListId), sort, descending, page, pageSize);

    [Fact]
    public async Task PagesFollowEachOtherWithoutGapsOrRepeats()
    {
        var pages = new List<ParticipantPage>();
        for (var page = 0; page < 4; page++)
        {
            pages.Add(await PageAsync(page: page, pageSize: 6));
        }

        Assert.All(pages, p => Assert.Equal(20, p.Total));
        Assert.Equal([6, 6, 6, 2], pages.Select(p => p.Rows.Count));
        var all = (await PageAsync(pageSize: 25)).Rows.Select(r => r.Id);
        Assert.Equal(all, pages.SelectMany(p => p.Rows).Select(r => r.Id));
    }

    [Fact]
    public async Task APageSizeAboveTheLargestOfferedIsCappedAndAPageBeyondTheEndIsEmpty()
    {
        Assert.Equal(20, (await PageAsync(pageSize: 100_000)).Rows.Count);
        var beyond = await PageAsync(page: 5, pageSize: 25);
        Assert.Equal((0, 20), (beyond.Rows.Count, beyond.Total));
    }

    [Fact]
    public async Task NamesSortBothWaysInSwedishOrder()
    {
        var ascending = (await PageAsync()).Rows.Select(r => r.Name).ToList();
        var descending = (await PageAsync(descending: true)).Rows.Select(r => r.Name).ToList();

        Assert.Equal(ascending.Order(Swedish), ascending);
        Assert.Equal(["Örebro kommun", "Örebro läns landsting"], ascending.TakeLast(2));
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Equal("Arvika kommun", ascending[0]);
    }

    [Fact]
    public async Task TypeAndStatusSortWithTheNameWithinEach()
    {
        var byType = (await PageAsync(sort: ParticipantSort.Type)).Rows;
        var byTypeDescending = (await PageAsync(sort: ParticipantSort.Type, descending: true)).Rows;
        var inactiveFirst = (await PageAsync(sort: ParticipantSort.Active)).Rows;

        Assert.Equal(["kommun", "landsting", "region", "regionförbund"], byType.Select(r => r.Type).Distinct());
        Assert.Equal(["regionförbund", "region", "landsting", "kommun"], byTypeDescending.Select(r => r.Type).Distinct());
        Assert.Equal(byType.Where(r => r.Type == "kommun").Select(r => r.Name).Order(Swedish), byType.Take(11).Select(r => r.Name));
        Assert.Equal(["Arvika kommun", "Region Skåne"], inactiveFirst.Take(2).Select(r => r.Name));
        Assert.All(inactiveFirst.Skip(2), r => Assert.True(r.Active));
    }

    [Theory]
    [InlineData("kommun", null, null, 8)]
    [InlineData("KOMMUN", null, null, 8)]
    [InlineData(" stad ", null, null, 3)]
    [InlineData("Örebro", null, null, 2)]
    [InlineData(null, "landsting", null, 5)]
    [InlineData(null, null, false, 2)]
    [InlineData(null, null, true, 18)]
    [InlineData("kommun", "kommun", true, 7)]
    [InlineData("finns inte", null, null, 0)]
    public async Task FiltersNarrowTheCountAndTheRows(string? text, string? type, bool? active, int expected)
    {
        var page = await PageAsync(new ParticipantFilter(ModelSurvey.ListId, text, type, active));

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Rows.Count);
        Assert.All(page.Rows, r =>
        {
            if (text is not null) Assert.Contains(text.Trim(), r.Name, StringComparison.OrdinalIgnoreCase);
            if (type is not null) Assert.Equal(type, r.Type);
            if (active is { } a) Assert.Equal(a, r.Active);
        });
    }

    [Fact]
    public async Task TheDatabaseFiltersSortsAndPagesAndCountsInOneQueryEach()
    {
        data.Sql.Clear();

        await PageAsync(new ParticipantFilter(ModelSurvey.ListId, "kommun", "kommun", true), ParticipantSort.Type, descending: true, page: 1, pageSize: 3);

        var commands = data.Sql.Commands;
        Assert.Equal(2, commands.Count);
        Assert.Contains("COUNT(", commands[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("WHERE", commands[0]);
        Assert.All(["WHERE", "ORDER BY", "DESC", "LIMIT", "OFFSET"], sql => Assert.Contains(sql, commands[1]));
    }

    [Fact]
    public async Task TheTypesInUseAreOfferedOnceEachInOrder()
    {
        Assert.Equal(["kommun", "landsting", "region", "regionförbund"], await data.Query.TypesAsync(ModelSurvey.ListId));
    }
}
