using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Auditing;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Who did what and when: every administrative change and every export is recorded here.</summary>
public sealed class AuditLog(IDbContextFactory<SurveyDbContext> factory, TimeProvider clock)
{
    public const int PageSize = 50;

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

    // Ids grow with time, so they order the log.
    public async Task<AuditPage> PageAsync(int page, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditLog.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var entries = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, page, PageSize);
    }
}
