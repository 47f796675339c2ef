using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

public enum InvitationStatus { NotStarted, Started, Submitted, Revoked }

public enum InvitationSort { Participant, Status }

/// <summary>One page of a wave's invitations: <paramref name="Page"/> counts from 0.</summary>
public sealed record InvitationGridRequest(int Page, int PageSize, InvitationSort Sort = InvitationSort.Participant, bool Descending = false,
    string? NameContains = null, InvitationStatus? Status = null);

/// <summary>
/// An invitation's participant and status, never when it was answered: the exports and the coding page list responses
/// in the order they were started, so a time beside a name would tell whose row is whose (docs/privacy.md).
/// </summary>
public sealed record InvitationRow(int InvitationId, string Participant, string Type, InvitationStatus Status)
{
    /// <summary>Only a link that has been neither withdrawn nor used to submit can be replaced or withdrawn.</summary>
    public bool IsChangeable => Status is InvitationStatus.NotStarted or InvitationStatus.Started;
}

public sealed record InvitationPage(IReadOnlyList<InvitationRow> Rows, int Total);

/// <summary>
/// A wave's invitations with each one's status, for the invitations grid: filtered, counted, sorted and paged by the
/// database, so a wave of any size costs one page of rows and one count.
/// </summary>
public sealed class InvitationQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public async Task<string?> WaveNameAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Waves.Where(w => w.Id == waveId).Select(w => w.Name).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>How many hold a usable link to the wave.</summary>
    public async Task<int> InvitedAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Invitations.CountAsync(i => i.WaveId == waveId && i.RevokedAt == null, cancellationToken);
    }

    public async Task<InvitationPage> PageAsync(int waveId, InvitationGridRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(Rows(db, waveId), request);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Sorted(rows, request.Sort, request.Descending)
            .Skip(Math.Max(0, request.Page) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken);
        return new InvitationPage(page.Select(r => new InvitationRow(r.Id, r.Name, r.Type, r.Status)).ToList(), total);
    }

    /// <summary>Everyone whose link can still be used and who has not submitted: the reminder list.</summary>
    public async Task<IReadOnlyList<InvitationRow>?> NotAnsweredAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Waves.AnyAsync(w => w.Id == waveId, cancellationToken)) return null;
        var rows = await Rows(db, waveId).Where(r => r.Status == InvitationStatus.NotStarted || r.Status == InvitationStatus.Started)
            .OrderBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new InvitationRow(r.Id, r.Name, r.Type, r.Status)).ToList();
    }

    private sealed class Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public InvitationStatus Status { get; init; }
    }

    private static IQueryable<Row> Rows(SurveyDbContext db, int waveId) =>
        from i in db.Invitations.AsNoTracking()
        where i.WaveId == waveId
        join r in db.Responses on i.Id equals r.InvitationId into responses
        from r in responses.DefaultIfEmpty()
        select new Row
        {
            Id = i.Id,
            Name = i.Participant!.Name,
            Type = i.Participant.Type,
            Status = r != null && r.SubmittedAt != null ? InvitationStatus.Submitted
                : i.RevokedAt != null ? InvitationStatus.Revoked
                : r != null ? InvitationStatus.Started
                : InvitationStatus.NotStarted,
        };

    private static IQueryable<Row> Filtered(IQueryable<Row> rows, InvitationGridRequest request)
    {
        if (request.Status is { } status) rows = rows.Where(r => r.Status == status);
        return rows.WhereContains(r => r.Name, request.NameContains);
    }

    private static IQueryable<Row> Sorted(IQueryable<Row> rows, InvitationSort sort, bool descending) => (sort, descending) switch
    {
        (InvitationSort.Status, false) => rows.OrderBy(r => r.Status).ThenBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.Id),
        (InvitationSort.Status, true) => rows.OrderByDescending(r => r.Status).ThenBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.Id),
        (_, false) => rows.OrderBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.Id),
        (_, true) => rows.OrderByDescending(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenByDescending(r => r.Id),
    };
}
