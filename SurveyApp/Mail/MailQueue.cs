using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit.Utils;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Mail;

/// <summary>Who gets a message: every invitee of the wave, or only those who have not submitted an answer.</summary>
public enum Audience { All, Unanswered }

/// <summary>What queuing would do or did: messages queued (those without an address included, as Failed), links renewed.</summary>
public sealed record QueueCount(int Messages, int WithoutAddress, int NewLinks);

/// <summary>
/// Puts messages in the outbox. Only invitations that are not withdrawn, of active participants, count. An
/// invitation made before e-mail sending has no stored link: it gets a new one in the same transaction (its old
/// link stops working). An invitee without an address gets a message that is Failed at once, "no e-mail address",
/// so that the page lists them.
/// </summary>
public sealed class MailQueue(InvitationLinkProtector links, IOptions<MailOptions> options, TimeProvider clock, OutboxSignal signal)
{
    public static IQueryable<Invitation> Invitees(SurveyDbContext db, int waveId, Audience audience)
    {
        var invitations = db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null && i.Participant!.IsActive);
        return audience == Audience.All
            ? invitations
            : invitations.Where(i => !db.Responses.Any(r => r.InvitationId == i.Id && r.SubmittedAt != null));
    }

    /// <summary>What <see cref="AddAsync"/> would queue now, for the confirmation.</summary>
    public static async Task<QueueCount> CountAsync(SurveyDbContext db, int waveId, MessageKind kind, Audience audience, CancellationToken cancellationToken = default)
    {
        var invitees = Waiting(db, Invitees(db, waveId, audience), kind);
        var counts = await invitees
            .GroupBy(_ => 1)
            .Select(g => new
            {
                All = g.Count(),
                WithoutAddress = g.Count(i => i.Participant!.Email == null || i.Participant.Email == ""),
                NewLinks = g.Count(i => i.ProtectedToken == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? new QueueCount(0, 0, 0) : new QueueCount(counts.All, counts.WithoutAddress, counts.NewLinks);
    }

    /// <summary>Adds the messages to the context, to be saved by the caller together with its audit entry.</summary>
    public async Task<QueueCount> AddAsync(SurveyDbContext db, int waveId, MessageKind kind, Audience audience, CancellationToken cancellationToken = default)
    {
        var invitations = await Waiting(db, Invitees(db, waveId, audience), kind)
            .Include(i => i.Participant)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        int withoutAddress = 0, newLinks = 0;
        foreach (var invitation in invitations)
        {
            if (invitation.ProtectedToken is null)
            {
                links.Renew(invitation);
                newLinks++;
            }
            var message = NewMessage(invitation, kind, now);
            if (message.State == OutboxState.Failed) withoutAddress++;
            db.Outbox.Add(message);
        }
        return new QueueCount(invitations.Count, withoutAddress, newLinks);
    }

    /// <summary>Queues a Failed or Cancelled message again, with the participant's present addresses and the same Message-ID.</summary>
    public async Task<bool> ResendAsync(SurveyDbContext db, long messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Outbox.Include(m => m.Invitation!).ThenInclude(i => i.Participant)
            .SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is not { State: OutboxState.Failed or OutboxState.Cancelled } || message.Invitation!.RevokedAt is not null) return false;
        if (links.Unprotect(message.Invitation.ProtectedToken) is null)
        {
            links.Renew(message.Invitation);
        }
        var fresh = NewMessage(message.Invitation, message.Kind, clock.GetUtcNow());
        message.Recipients = fresh.Recipients;
        message.State = fresh.State;
        message.Error = fresh.Error;
        message.DueAt = fresh.DueAt;
        message.FailedAt = fresh.FailedAt;
        return true;
    }

    /// <summary>Tells this process's sender to look now rather than at its next round.</summary>
    public void Wake() => signal.Wake();

    // An invitee who already has the same kind of message waiting gets no second one (a double click).
    private static IQueryable<Invitation> Waiting(SurveyDbContext db, IQueryable<Invitation> invitations, MessageKind kind) =>
        invitations.Where(i => !db.Outbox.Any(m => m.InvitationId == i.Id && m.Kind == kind && (m.State == OutboxState.Queued || m.State == OutboxState.Sending)));

    private OutboxMessage NewMessage(Invitation invitation, MessageKind kind, DateTimeOffset now)
    {
        var addresses = ParticipantContacts.Split(invitation.Participant!.Email);
        var error = addresses.Count == 0 ? OutboxErrors.NoAddress
            : !addresses.All(ParticipantContacts.IsAddress) ? OutboxErrors.InvalidAddress
            : null;
        return new OutboxMessage
        {
            WaveId = invitation.WaveId,
            InvitationId = invitation.Id,
            Invitation = invitation,
            Kind = kind,
            State = error is null ? OutboxState.Queued : OutboxState.Failed,
            Error = error,
            FailedAt = error is null ? null : now,
            Recipients = string.Join(";", addresses),
            MessageId = MimeUtils.GenerateMessageId(options.Value.FromAddress.Split('@')[^1]),
            CreatedAt = now,
            DueAt = now,
        };
    }
}

/// <summary>Wakes this process's sender when something has been queued.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
