using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Audit;

/// <summary>
/// What the log is narrowed to; an empty field narrows nothing. The days are whole calendar days, both
/// included, in <see cref="TimeZone"/> (the zone the log's times are shown in).
/// </summary>
public sealed record AuditFilter(string? Action = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, TimeZoneInfo? TimeZone = null);

public sealed record AuditLogResult(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>One page of the audit log, newest first unless asked otherwise: the database filters, sorts, counts and pages.</summary>
public sealed class AuditLogQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public async Task<AuditLogResult> PageAsync(AuditFilter filter, bool oldestFirst, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, PageSizes[^1]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (filter.Action?.Trim() is { Length: > 0 } action)
        {
            query = query.Where(e => e.Action == action);
        }
        query = query.WhereContains(e => e.Actor, filter.Actor);
        // Ids grow with time, so a range of days is a range of ids, found by a search on the key: SQLite cannot
        // compare the stored times in SQL, and numbers compare alike on every engine.
        var zone = filter.TimeZone ?? TimeZoneInfo.Local;
        if (filter.From is { } from)
        {
            var first = await FirstIdFromAsync(db, StartOf(from, zone), cancellationToken);
            query = first is { } id ? query.Where(e => e.Id >= id) : query.Where(e => false);
        }
        if (filter.To is { } to && await FirstIdFromAsync(db, StartOf(to.AddDays(1), zone), cancellationToken) is { } after)
        {
            query = query.Where(e => e.Id < after);
        }
        var total = await query.CountAsync(cancellationToken);
        var ordered = oldestFirst ? query.OrderBy(e => e.Id) : query.OrderByDescending(e => e.Id);
        var entries = await ordered.Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditLogResult(entries, total);
    }

    /// <summary>The first entry at or after <paramref name="time"/>, if any: a binary search over the ids, one indexed lookup a step.</summary>
    private static async Task<long?> FirstIdFromAsync(SurveyDbContext db, DateTimeOffset time, CancellationToken cancellationToken)
    {
        long? found = null;
        var (low, high) = (0L, await db.AuditLog.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var probe = await db.AuditLog.Where(e => e.Id >= middle).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.At }).FirstOrDefaultAsync(cancellationToken);
            if (probe is null)
            {
                high = middle - 1;
            }
            else if (probe.At >= time)
            {
                found = probe.Id;
                high = middle - 1;
            }
            else
            {
                low = probe.Id + 1;
            }
        }
        return found;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
