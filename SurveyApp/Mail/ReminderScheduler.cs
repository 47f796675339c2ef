using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Mail;

/// <summary>
/// Queues a wave's scheduled reminders when their day comes, to those who have not answered at that moment.
/// Each scheduled day is queued once: the run is recorded under a unique key (wave, days) in the same
/// transaction as the messages, so of several app processes only the first succeeds.
/// </summary>
public sealed class ReminderScheduler(IDbContextFactory<SurveyDbContext> factory, MailQueue queue, AuditLog audit, TimeProvider clock, ILogger<ReminderScheduler> logger)
{
    public const string Actor = "SurveyApp";

    /// <summary>A reminder whose moment passed more than this long ago (the app was stopped, the schedule set late) is skipped.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public const int MaxDays = 365;

    /// <summary>"7, 2" as days, largest first; null when the text is not a list of whole days from 1 to 365.</summary>
    public static IReadOnlyList<int>? ParseDays(string? text)
    {
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > MaxDays) return null;
            days.Add(day);
        }
        return days.Count > 10 ? null : days.ToList();
    }

    public static string Format(IEnumerable<int> days) => string.Join(", ", days);

    /// <summary>Queues every reminder due now; returns how many runs were queued by this call.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(int WaveId, string Name, DateTimeOffset ClosesAt, string Days)> schedules;
        HashSet<(int, int)> done;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            schedules = (await (from s in db.ReminderSchedules
                                join w in db.Waves on s.WaveId equals w.Id
                                where !w.IsClosed && w.ClosesAt != null && s.DaysBeforeClosing != ""
                                select new { w.Id, w.Name, w.ClosesAt, s.DaysBeforeClosing }).ToListAsync(cancellationToken))
                .Where(s => s.ClosesAt > now)
                .Select(s => (s.Id, s.Name, s.ClosesAt!.Value, s.DaysBeforeClosing)).ToList();
            var waveIds = schedules.Select(s => s.WaveId).ToList();
            done = (await db.ReminderRuns.Where(r => waveIds.Contains(r.WaveId)).Select(r => new { r.WaveId, r.DaysBeforeClosing }).ToListAsync(cancellationToken))
                .Select(r => (r.WaveId, r.DaysBeforeClosing)).ToHashSet();
        }
        var queued = 0;
        foreach (var (waveId, name, closesAt, text) in schedules)
        {
            foreach (var day in ParseDays(text) ?? [])
            {
                var due = closesAt - TimeSpan.FromDays(day);
                if (now < due || now >= due + Window || done.Contains((waveId, day))) continue;
                if (await QueueRunAsync(waveId, name, day, now, cancellationToken)) queued++;
            }
        }
        if (queued > 0) queue.Wake();
        return queued;
    }

    private async Task<bool> QueueRunAsync(int waveId, string waveName, int day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var run = new ReminderRun { WaveId = waveId, DaysBeforeClosing = day, QueuedAt = now };
        db.ReminderRuns.Add(run);
        var count = await queue.AddAsync(db, waveId, MessageKind.Reminder, Audience.Unanswered, cancellationToken);
        run.Count = count.Messages;
        audit.Add(db, Actor, AuditActions.MailQueued, $"{waveName} ({waveId})",
            string.Format(CultureInfo.InvariantCulture, "reminder, {0} days before closing: {1}", day, count.Messages));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Queued the reminder {Days} days before closing of wave {WaveId}: {Count} message(s).", day, waveId, count.Messages);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another app process queued this reminder first.
            return false;
        }
    }
}
