using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Participants;

public enum ParticipantSort { Name, Type, Active }

/// <summary>What the participant list is narrowed to; an empty field narrows nothing.</summary>
public sealed record ParticipantFilter(string? Text = null, string? Type = null, bool? Active = null);

public sealed record ParticipantRow(int Id, string Name, string Type, bool Active, IReadOnlyDictionary<string, string> Attributes);

public sealed record ParticipantPage(IReadOnlyList<ParticipantRow> Rows, int Total);

/// <summary>One page of the participant list: the database filters, sorts, counts and pages.</summary>
public sealed class ParticipantQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public async Task<ParticipantPage> PageAsync(ParticipantFilter filter, ParticipantSort sort, bool descending, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, PageSizes[^1]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.Participants.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        // Texts in Swedish alphabetical order. The id breaks ties, so that a page boundary never splits equal values
        // differently from one query to the next.
        var ordered = (sort, descending) switch
        {
            (ParticipantSort.Type, false) => query.OrderBy(p => EF.Functions.Collate(p.Type, SwedishText.Collation)).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (ParticipantSort.Type, true) => query.OrderByDescending(p => EF.Functions.Collate(p.Type, SwedishText.Collation)).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (ParticipantSort.Active, false) => query.OrderBy(p => p.IsActive).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (ParticipantSort.Active, true) => query.OrderByDescending(p => p.IsActive).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (_, false) => query.OrderBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (_, true) => query.OrderByDescending(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
        };
        var rows = await ordered.ThenBy(p => p.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Name, p.Type, p.IsActive, p.Attributes })
            .ToListAsync(cancellationToken);
        return new ParticipantPage(rows.Select(p => new ParticipantRow(p.Id, p.Name, p.Type, p.IsActive, p.Attributes)).ToList(), total);
    }

    /// <summary>The types in use, for choosing one.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Participants.Select(p => p.Type).Distinct().OrderBy(t => EF.Functions.Collate(t, SwedishText.Collation)).ToListAsync(cancellationToken);
    }

    private static IQueryable<Participant> Filtered(IQueryable<Participant> query, ParticipantFilter filter)
    {
        query = query.WhereContains(p => p.Name, filter.Text);
        if (filter.Type?.Trim() is { Length: > 0 } type)
        {
            query = query.Where(p => p.Type == type);
        }
        if (filter.Active is { } active)
        {
            query = query.Where(p => p.IsActive == active);
        }
        return query;
    }
}
