using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Audit;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Audit;

/// <summary>
/// The audit log's pages come from the database. Five entries around the turn of February 2026 in Stockholm time,
/// then thirty exports on 5 March.
/// </summary>
public sealed class AuditLogQueryTests(AuditLogQueryTests.Data data) : IClassFixture<AuditLogQueryTests.Data>
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public sealed class Data : IAsyncLifetime
    {
        public SqlCapture Sql { get; } = new();

        public SurveyAppFactory App { get; }

        public Data() => App = new SurveyAppFactory(services: s => s.AddSingleton<IInterceptor>(Sql));

        public AuditLogQuery Query => App.Services.GetRequiredService<AuditLogQuery>();

        public async Task InitializeAsync()
        {
            await using var db = App.CreateDbContext();
            AuditEntry Entry(string at, string actor, string action, string subject) =>
                new() { At = DateTimeOffset.Parse(at), Actor = actor, Action = action, Subject = subject };
            // Saved one by one, so that the ids grow with the times as they do in use.
            foreach (var entry in new[]
            {
                Entry("2026-02-28T22:30:00Z", "Chef@Example.se", AuditActions.StaffCreated, "ny@example.se"),
                Entry("2026-02-28T23:30:00Z", "admin@example.se", AuditActions.ParticipantAdded, "Gotlands kommun"),
                Entry("2026-03-01T12:00:00Z", "admin@example.se", AuditActions.ParticipantDeactivated, "Gotlands kommun"),
                Entry("2026-03-02T22:59:00Z", "chef@example.se", AuditActions.StaffRoleChanged, "ny@example.se"),
                Entry("2026-03-02T23:00:00Z", "analyst-1@example.se", AuditActions.CsvExported, "Omgång 1"),
            }.Concat(Enumerable.Range(0, 30).Select(i => Entry($"2026-03-05T08:{i:00}:00Z", "analyst-2@example.se", AuditActions.WorkbookExported, $"Omgång {i}"))))
            {
                db.AuditLog.Add(entry);
                await db.SaveChangesAsync();
            }
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private Task<AuditLogResult> PageAsync(AuditFilter? filter = null, bool oldestFirst = false, int page = 0, int pageSize = 25) =>
        data.Query.PageAsync((filter ?? new()) with { TimeZone = Stockholm }, oldestFirst, page, pageSize);

    [Fact]
    public async Task TheNewestComeFirstAndPagesFollowEachOther()
    {
        var first = await PageAsync();
        var second = await PageAsync(page: 1);

        Assert.Equal((35, 35), (first.Total, second.Total));
        Assert.Equal((25, 10), (first.Entries.Count, second.Entries.Count));
        Assert.Equal("Omgång 29", first.Entries[0].Subject);
        Assert.Equal("ny@example.se", second.Entries[^1].Subject);
        var times = first.Entries.Concat(second.Entries).Select(e => e.At).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task OldestFirstWhenAsked()
    {
        var page = await PageAsync(oldestFirst: true, pageSize: 100);

        Assert.Equal(35, page.Entries.Count);
        Assert.Equal(AuditActions.StaffCreated, page.Entries[0].Action);
        Assert.Equal("Omgång 29", page.Entries[^1].Subject);
    }

    [Theory]
    [InlineData(AuditActions.WorkbookExported, null, 30)]
    [InlineData(AuditActions.StaffRoleChanged, null, 1)]
    [InlineData(null, "chef@EXAMPLE", 2)]
    [InlineData(null, " analyst ", 31)]
    [InlineData(AuditActions.ParticipantAdded, "chef", 0)]
    public async Task ActionAndWhoNarrowTheLog(string? action, string? actor, int expected)
    {
        var page = await PageAsync(new AuditFilter(action, actor), pageSize: 100);

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Entries.Count);
        Assert.All(page.Entries, e =>
        {
            if (action is not null) Assert.Equal(action, e.Action);
            if (actor is not null) Assert.Contains(actor.Trim(), e.Actor, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-02", new[] { "Gotlands kommun", "Gotlands kommun", "ny@example.se" })]
    [InlineData("2026-02-28", "2026-02-28", new[] { "ny@example.se" })]
    [InlineData("2026-03-03", "2026-03-03", new[] { "Omgång 1" })]
    [InlineData("2026-03-04", "2026-03-04", new string[0])]
    [InlineData("2026-03-06", null, new string[0])]
    [InlineData(null, "2026-02-27", new string[0])]
    public async Task ADateRangeTakesWholeDaysInTheReadersTimeZone(string? from, string? to, string[] subjects)
    {
        var filter = new AuditFilter(From: from is null ? null : DateOnly.Parse(from), To: to is null ? null : DateOnly.Parse(to));

        var page = await PageAsync(filter, oldestFirst: true, pageSize: 100);

        Assert.Equal(subjects, page.Entries.Select(e => e.Subject));
        Assert.Equal(subjects.Length, page.Total);
    }

    [Fact]
    public async Task AStartDateAloneKeepsEverythingFromThatDay()
    {
        var page = await PageAsync(new AuditFilter(From: new DateOnly(2026, 3, 3)), pageSize: 100);

        Assert.Equal(31, page.Total);
    }

    [Fact]
    public async Task TheDatabaseFiltersSortsAndPages()
    {
        data.Sql.Clear();

        await PageAsync(new AuditFilter(AuditActions.WorkbookExported, "analyst"), oldestFirst: false, page: 2, pageSize: 5);

        var commands = data.Sql.Commands;
        Assert.Equal(2, commands.Count);
        Assert.Contains("COUNT(", commands[0], StringComparison.OrdinalIgnoreCase);
        Assert.All(["WHERE", "ORDER BY", "DESC", "LIMIT", "OFFSET"], sql => Assert.Contains(sql, commands[1]));
    }
}
