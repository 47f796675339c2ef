using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

/// <summary>What the mail page shows at the top: the wave, its closing time, its reminder schedule.</summary>
public sealed record MailingOverview(int WaveId, string WaveName, DateTimeOffset? ClosesAt, string ReminderDays);

/// <summary>A text as the page edits it, and what was wrong with it when it was refused.</summary>
public sealed record TextProblems(TemplateProblem Subject, TemplateProblem Body)
{
    public bool IsValid => Subject.Refusal == TemplateRefusal.None && Body.Refusal == TemplateRefusal.None;
}

/// <summary>A message as an invitee would get it, with a stand-in for the personal link.</summary>
public sealed record MessagePreview(string Subject, string Body);

public enum ScheduleRefusal { None, NotFound, Malformed }

/// <summary>A wave's e-mail: its texts, sending to its invitees, the reminder schedule, resending what failed. Every change is audited, never with a link.</summary>
public sealed class WaveMailing(IDbContextFactory<SurveyDbContext> factory, MailQueue queue, MailLinkBase links, AuditLog audit, Microsoft.Extensions.Options.IOptions<MailOptions> options)
{
    public async Task<MailingOverview?> OverviewAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().Where(w => w.Id == waveId).Select(w => new { w.Name, w.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (wave is null) return null;
        var days = await db.ReminderSchedules.Where(s => s.WaveId == waveId).Select(s => s.DaysBeforeClosing).SingleOrDefaultAsync(cancellationToken);
        return new MailingOverview(waveId, wave.Name, wave.ClosesAt, days ?? "");
    }

    public async Task<MessageText> TextAsync(int waveId, MessageKind kind, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await MailTexts.ForAsync(db, waveId, kind, language, cancellationToken);
    }

    public static TextProblems Check(string? subject, string? body) => new(MessageTemplate.CheckSubject(subject), MessageTemplate.CheckBody(body));

    /// <summary>Saves a wave's own text; a text with an unknown field, or a body without the link, changes nothing.</summary>
    public async Task<TextProblems> SaveTextAsync(string actor, int waveId, MessageKind kind, string language, string subject, string body, CancellationToken cancellationToken = default)
    {
        var problems = Check(subject, body);
        if (!problems.IsValid || !MessageLanguages.IsKnown(language)) return problems;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        var text = await db.WaveMessageTexts.SingleOrDefaultAsync(t => t.WaveId == waveId && t.Kind == kind && t.Language == language, cancellationToken);
        if (text is null)
        {
            text = new WaveMessageText { WaveId = waveId, Kind = kind, Language = language };
            db.WaveMessageTexts.Add(text);
        }
        text.Subject = subject.Trim();
        text.Body = body;
        audit.Add(db, actor, AuditActions.MailTextsChanged, Subject(wave), $"{kind}, {language}");
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }

    /// <summary>Back to the default text.</summary>
    public async Task ResetTextAsync(string actor, int waveId, MessageKind kind, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        var text = await db.WaveMessageTexts.SingleOrDefaultAsync(t => t.WaveId == waveId && t.Kind == kind && t.Language == language, cancellationToken);
        if (text is null) return;
        db.WaveMessageTexts.Remove(text);
        audit.Add(db, actor, AuditActions.MailTextsChanged, Subject(wave), $"{kind}, {language}: default");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The text filled in for an invitee (or a made-up one), with a stand-in link: no token is made or read.</summary>
    public async Task<MessagePreview?> PreviewAsync(int waveId, string language, string subject, string body, string? participantName, CancellationToken cancellationToken = default)
    {
        if (!Check(subject, body).IsValid) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var closesAt = await db.Waves.Where(w => w.Id == waveId).Select(w => w.ClosesAt).SingleOrDefaultAsync(cancellationToken);
        var values = new TemplateValues(participantName ?? "", links.Placeholder, MailTexts.Closes(closesAt, language), options.Value.FromName);
        return new MessagePreview(MessageTemplate.RenderText(subject, values).ReplaceLineEndings(" "), MessageTemplate.RenderText(body, values));
    }

    /// <summary>Invitees whose name contains the text, for choosing whom to preview for.</summary>
    public async Task<IReadOnlyList<string>> InviteeNamesAsync(int waveId, string? contains, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await MailQueue.Invitees(db, waveId, Audience.All).Select(i => i.Participant!.Name)
            .WhereContains(n => n, contains)
            .OrderBy(n => EF.Functions.Collate(n, SwedishText.Collation)).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>What sending would queue now, for the confirmation.</summary>
    public async Task<QueueCount> CountAsync(int waveId, MessageKind kind, Audience audience, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await MailQueue.CountAsync(db, waveId, kind, audience, cancellationToken);
    }

    public async Task<QueueCount?> QueueAsync(string actor, int waveId, MessageKind kind, Audience audience, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return null;
        var count = await queue.AddAsync(db, waveId, kind, audience, cancellationToken);
        audit.Add(db, actor, AuditActions.MailQueued, Subject(wave),
            string.Format(CultureInfo.InvariantCulture, "{0} to {1}: {2} message(s), {3} without address, {4} new link(s)", kind, audience, count.Messages, count.WithoutAddress, count.NewLinks));
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return count;
    }

    public async Task<bool> ResendAsync(string actor, long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await queue.ResendAsync(db, messageId, cancellationToken)) return false;
        var about = await db.Outbox.Where(m => m.Id == messageId)
            .Select(m => new { Participant = m.Invitation!.Participant!.Name, Wave = m.Invitation.Wave!.Name, m.WaveId, m.Kind }).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.MailResent, $"{about.Participant}, {about.Wave} ({about.WaveId})", about.Kind.ToString());
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return true;
    }

    /// <summary>Sets the days before closing on which reminders go to those who have not answered; empty for none.</summary>
    public async Task<ScheduleRefusal> SaveScheduleAsync(string actor, int waveId, string? days, CancellationToken cancellationToken = default)
    {
        if (ReminderScheduler.ParseDays(days) is not { } parsed) return ScheduleRefusal.Malformed;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken) is not { } wave) return ScheduleRefusal.NotFound;
        var schedule = await db.ReminderSchedules.SingleOrDefaultAsync(s => s.WaveId == waveId, cancellationToken);
        if (schedule is null)
        {
            schedule = new ReminderSchedule { WaveId = waveId };
            db.ReminderSchedules.Add(schedule);
        }
        schedule.DaysBeforeClosing = ReminderScheduler.Format(parsed);
        audit.Add(db, actor, AuditActions.MailScheduleChanged, Subject(wave), schedule.DaysBeforeClosing);
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleRefusal.None;
    }

    private static string Subject(Wave wave) => $"{wave.Name} ({wave.Id})";
}
