using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Participants;

public enum ParticipantSort { Name, Type, Active, Code }

/// <summary>What the participant list is narrowed to; an empty field narrows nothing.</summary>
public sealed record ParticipantFilter(int ListId, string? Text = null, string? Type = null, bool? Active = null);

public sealed record ParticipantRow(int Id, string? Code, string Name, string Type, bool Active, IReadOnlyDictionary<string, string> Attributes,
    string? Email = null, string Language = MessageLanguages.Swedish);

/// <summary>A participant list as the participants page offers it: its survey's title (null for a list of no survey) and size.</summary>
public sealed record ParticipantListSummary(int Id, string Name, int? SurveyId, string? SurveyTitle, int Participants);

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
            (ParticipantSort.Code, false) => query.OrderBy(p => EF.Functions.Collate(p.Code!, SwedishText.Collation)).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (ParticipantSort.Code, true) => query.OrderByDescending(p => EF.Functions.Collate(p.Code!, SwedishText.Collation)).ThenBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (_, false) => query.OrderBy(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
            (_, true) => query.OrderByDescending(p => EF.Functions.Collate(p.Name, SwedishText.Collation)),
        };
        var rows = await ordered.ThenBy(p => p.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Code, p.Name, p.Type, p.IsActive, p.Attributes, p.Email, p.Language })
            .ToListAsync(cancellationToken);
        return new ParticipantPage(rows.Select(p => new ParticipantRow(p.Id, p.Code, p.Name, p.Type, p.IsActive, p.Attributes, p.Email, p.Language)).ToList(), total);
    }

    /// <summary>The types in use in a list, for choosing one: types are each list's own.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(int listId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Participants.Where(p => p.ListId == listId).Select(p => p.Type).Distinct()
            .OrderBy(t => EF.Functions.Collate(t, SwedishText.Collation)).ToListAsync(cancellationToken);
    }

    /// <summary>Every list, by survey (newest survey first) and then name.</summary>
    public async Task<IReadOnlyList<ParticipantListSummary>> ListsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lists = await db.ParticipantLists.AsNoTracking()
            .Select(l => new ParticipantListSummary(l.Id, l.Name, l.SurveyId, l.Survey == null ? null : l.Survey.Title, db.Participants.Count(p => p.ListId == l.Id)))
            .ToListAsync(cancellationToken);
        return lists.OrderByDescending(l => l.SurveyId ?? 0).ThenBy(l => l.Name, Comparer<string>.Create(SwedishText.Compare)).ToList();
    }

    /// <summary>The surveys a new list may belong to: each series once, by its first version, newest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> SurveysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.PreviousVersionId == null).OrderByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken);
        return surveys.Select(s => (s.Id, s.Title)).ToList();
    }

    private static IQueryable<Participant> Filtered(IQueryable<Participant> query, ParticipantFilter filter)
    {
        query = query.Where(p => p.ListId == filter.ListId);
        // A code is searched as well as the name: a list kept by codes is searched by them.
        query = query.WhereContains(p => p.Name + " " + (p.Code ?? ""), filter.Text);
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
