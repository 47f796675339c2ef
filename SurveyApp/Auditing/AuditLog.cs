using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Auditing;

/// <summary>Who did what and when: every administrative change and every export is recorded here.</summary>
public sealed class AuditLog(IDbContextFactory<SurveyDbContext> factory, TimeProvider clock)
{
    // For what changes nothing in the database (a download); a change uses Add, in its own transaction.
    public async Task RecordAsync(string actor, string action, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Added for the context's next save, so that a change and its entry are stored in one transaction.
    public void Add(SurveyDbContext db, string actor, string action, string subject, string? details = null) =>
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Details = details });

    // An entry about one participant names it by id as well, so that erasing its data can find the entry.
    public void Add(SurveyDbContext db, string actor, string action, int participantId, string subject, string? details = null) =>
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Details = details, ParticipantId = participantId });
}
