using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

/// <summary>An invitation with its participant's addresses and its latest message, if any.</summary>
public sealed record MailingRow(int InvitationId, string Participant, string? Email, long? MessageId, MessageKind? Kind, OutboxState? State, DateTimeOffset? At, string? Error)
{
    public bool CanResend => State is OutboxState.Failed or OutboxState.Cancelled;
}

public sealed record MailingRows(IReadOnlyList<MailingRow> Rows, int Total);

/// <summary>A wave's invitations (not withdrawn) and the state of each one's latest message, paged by the database.</summary>
public sealed class MailingQuery(IDbContextFactory<SurveyDbContext> factory)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public async Task<MailingRows> PageAsync(int waveId, int page, int pageSize, string? nameContains = null, bool descending = false, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var invitations = db.Invitations.AsNoTracking().Where(i => i.WaveId == waveId && i.RevokedAt == null)
            .WhereContains(i => i.Participant!.Name, nameContains);
        var total = await invitations.CountAsync(cancellationToken);
        var ordered = descending
            ? invitations.OrderByDescending(i => EF.Functions.Collate(i.Participant!.Name, SwedishText.Collation)).ThenByDescending(i => i.Id)
            : invitations.OrderBy(i => EF.Functions.Collate(i.Participant!.Name, SwedishText.Collation)).ThenBy(i => i.Id);
        var rows = await ordered
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(i => new
            {
                i.Id,
                i.Participant!.Name,
                i.Participant.Email,
                Last = db.Outbox.Where(m => m.InvitationId == i.Id).OrderByDescending(m => m.Id)
                    .Select(m => new { m.Id, m.Kind, m.State, m.CreatedAt, m.SentAt, m.FailedAt, m.Error }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new MailingRows(rows.Select(r => new MailingRow(r.Id, r.Name, r.Email, r.Last?.Id, r.Last?.Kind, r.Last?.State,
            r.Last is null ? null : r.Last.SentAt ?? r.Last.FailedAt ?? r.Last.CreatedAt, r.Last?.Error)).ToList(), total);
    }
}
