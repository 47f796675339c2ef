using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Mail;

/// <summary>Reminders so many days before a wave closes: queued when the day comes, once, to those who have not answered then.</summary>
public sealed class ReminderSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Closes = new(2030, 3, 31, 22, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Closes.AddDays(-20));
    private MailTestApp _mail = default!;

    public async Task InitializeAsync()
    {
        _mail = new MailTestApp(services: s => s.AddSingleton<TimeProvider>(_clock));
        var waveId = await _mail.WaveIdAsync();
        await using var db = _mail.App.CreateDbContext();
        await db.Waves.Where(w => w.Id == waveId).ExecuteUpdateAsync(s => s.SetProperty(w => w.ClosesAt, Closes).SetProperty(w => w.OpensAt, (DateTimeOffset?)null));
        db.ReminderSchedules.Add(new ReminderSchedule { WaveId = waveId, DaysBeforeClosing = "7, 2" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    private ReminderScheduler NewScheduler() => ActivatorUtilities.CreateInstance<ReminderScheduler>(_mail.App.Services);

    private async Task<List<OutboxMessage>> RemindersAsync()
    {
        await using var db = _mail.App.CreateDbContext();
        return await db.Outbox.Where(m => m.Kind == MessageKind.Reminder).ToListAsync();
    }

    [Fact]
    public async Task EachScheduledDayIsQueuedOnceWhenItComesToThoseWhoHaveNotAnswered()
    {
        var scheduler = NewScheduler();

        _clock.Now = Closes.AddDays(-7).AddMinutes(-1);
        Assert.Equal(0, await scheduler.QueueDueAsync());
        Assert.Empty(await RemindersAsync());

        _clock.Now = Closes.AddDays(-7).AddHours(3);
        Assert.Equal(1, await scheduler.QueueDueAsync());
        Assert.Equal(0, await scheduler.QueueDueAsync());
        Assert.Equal(0, await NewScheduler().QueueDueAsync());
        Assert.Equal(20, (await RemindersAsync()).Count);

        // One participant answers before the second reminder.
        using (var respondent = _mail.App.CreateRespondent())
        {
            await respondent.CompleteSurveyAsync(_mail.App.InvitationPaths()[0]);
        }
        _clock.Now = Closes.AddDays(-2).AddMinutes(1);
        Assert.Equal(1, await scheduler.QueueDueAsync());

        var reminders = await RemindersAsync();
        Assert.Equal(39, reminders.Count);
        var answered = (await _mail.ParticipantsAsync())[0].Id;
        await using var db = _mail.App.CreateDbContext();
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == MessageKind.Reminder && m.Invitation!.ParticipantId == answered));
        var runs = await db.ReminderRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(7, 20), (2, 19)], runs.Select(r => (r.DaysBeforeClosing, r.Count)));
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == AuditActions.MailQueued && e.Actor == ReminderScheduler.Actor));
    }

    [Fact]
    public async Task SeveralAppProcessesQueueAScheduledReminderOnce()
    {
        _clock.Now = Closes.AddDays(-2).AddHours(1);
        var schedulers = Enumerable.Range(0, 4).Select(_ => NewScheduler()).ToList();

        var queued = await Task.WhenAll(schedulers.Select(s => Task.Run(() => s.QueueDueAsync())));

        // The 7-day reminder's moment passed more than a day ago: it is skipped, not sent late.
        Assert.Equal(1, queued.Sum());
        Assert.Equal(20, (await RemindersAsync()).Count);
        await using var db = _mail.App.CreateDbContext();
        Assert.Equal(2, (await db.ReminderRuns.SingleAsync()).DaysBeforeClosing);
    }

    [Theory]
    [InlineData("7, 2", new[] { 7, 2 })]
    [InlineData("2;7 7", new[] { 7, 2 })]
    [InlineData("", new int[0])]
    public void TheScheduleIsWholeDaysLargestFirst(string text, int[] days) =>
        Assert.Equal(days, ReminderScheduler.ParseDays(text));

    [Theory]
    [InlineData("sju")]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("1.5")]
    [InlineData("1,2,3,4,5,6,7,8,9,10,11")]
    public void AnythingElseIsRefused(string text) => Assert.Null(ReminderScheduler.ParseDays(text));
}
