using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// The list of who has answered a wave: each invitee's name, type and status, as staff have always seen it.
/// It is paged, sorted and searched by the database. It sorts by name or status only, never by when someone
/// started or submitted: the export lists responses in the order they were started, so an order by time here
/// would tell which row of the export is whose.
/// </summary>
public sealed class ParticipantProgressQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public async Task<IReadOnlyList<ParticipantProgress>> ListAsync(int waveId, CancellationToken cancellationToken = default) =>
        (await PageAsync(waveId, new ParticipantPageRequest(0, int.MaxValue), cancellationToken)).Items;

    public async Task<ParticipantProgressPage> PageAsync(int waveId, ParticipantPageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db, waveId).WhereContains(r => r.Name, request.NameContains);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Sorted(rows, request)
            .Skip(request.Skip).Take(request.Take)
            .ToListAsync(cancellationToken);
        return new ParticipantProgressPage(page.Select(r => new ParticipantProgress(r.Name, r.Type, (ParticipantStatus)r.Status)).ToList(), total);
    }

    /// <summary>How many are invited and how many of them have not submitted, whatever the list shows.</summary>
    public async Task<ParticipantProgressSummary> SummaryAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await Rows(db, waveId).GroupBy(r => 1)
            .Select(g => new { Invited = g.Count(), Submitted = g.Count(r => r.Status == (int)ParticipantStatus.Submitted) })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? new ParticipantProgressSummary(0, 0) : new ParticipantProgressSummary(counts.Invited, counts.Invited - counts.Submitted);
    }

    /// <summary>The query a page is read with, for tests that check it is paged by the database.</summary>
    internal static IQueryable<ProgressRow> Query(SurveyDbContext db, int waveId, ParticipantPageRequest request) =>
        Sorted(Rows(db, waveId).WhereContains(r => r.Name, request.NameContains), request).Skip(request.Skip).Take(request.Take);

    internal sealed class ProgressRow
    {
        public int InvitationId { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public int Status { get; init; }
    }

    private static IQueryable<ProgressRow> Rows(SurveyDbContext db, int waveId) =>
        from i in db.Invitations.AsNoTracking()
        where i.WaveId == waveId && i.RevokedAt == null
        join r in db.Responses on i.Id equals r.InvitationId into responses
        from r in responses.DefaultIfEmpty()
        select new ProgressRow
        {
            InvitationId = i.Id,
            Name = i.Participant!.Name,
            Type = i.Participant.Type,
            Status = r == null ? (int)ParticipantStatus.NotStarted : r.SubmittedAt == null ? (int)ParticipantStatus.Started : (int)ParticipantStatus.Submitted,
        };

    // Ties are broken by name and then by invitation, never by response, whose order is the export's.
    private static IQueryable<ProgressRow> Sorted(IQueryable<ProgressRow> rows, ParticipantPageRequest request) =>
        (request.SortBy, request.Descending) switch
        {
            (ParticipantSort.Name, false) => rows.OrderBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.InvitationId),
            (ParticipantSort.Name, true) => rows.OrderByDescending(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.InvitationId),
            (_, false) => rows.OrderBy(r => r.Status).ThenBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.InvitationId),
            (_, true) => rows.OrderByDescending(r => r.Status).ThenBy(r => EF.Functions.Collate(r.Name, SwedishText.Collation)).ThenBy(r => r.InvitationId),
        };
}

public enum ParticipantSort { Status, Name }

/// <param name="NameContains">Part of the name, in any case; null or blank for everyone.</param>
public sealed record ParticipantPageRequest(int Skip, int Take, ParticipantSort SortBy = ParticipantSort.Status, bool Descending = false, string? NameContains = null);

public sealed record ParticipantProgressPage(IReadOnlyList<ParticipantProgress> Items, int Total);

public sealed record ParticipantProgressSummary(int Invited, int NotSubmitted);
