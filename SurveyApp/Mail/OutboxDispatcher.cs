using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Mail;

/// <summary>
/// Sends the outbox one message at a time. A message is claimed by one conditional update (Queued and due →
/// Sending, with this process's name and a time limit), so that several app processes never take the same one.
/// A message found still Sending after its claim ran out was being sent when its process stopped: it is marked
/// Failed as interrupted and never sent again by itself, since it may have arrived. Nothing is sent twice, and
/// nothing is lost without a trace.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<SurveyDbContext> factory,
    MailTransport transport,
    InvitationLinkProtector links,
    IOptions<MailOptions> options,
    MailLinkBase linkBase,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>This process's name on the messages it claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private MailOptions Options => options.Value;

    /// <summary>Marks messages whose claim ran out while Sending as interrupted; returns how many.</summary>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = await db.Outbox
            .Where(m => m.State == OutboxState.Sending && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Failed)
                .SetProperty(m => m.Error, OutboxErrors.Interrupted)
                .SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        if (count > 0)
        {
            logger.LogWarning("{Count} message(s) were being sent when their app process stopped; marked Failed, to be resent by hand.", count);
        }
        return count;
    }

    /// <summary>Claims and sends the next due message; false when there is none.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed is not { } id) return false;
        await SendClaimedAsync(id, cancellationToken);
        return true;
    }

    private async Task<long?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Another process may claim the first candidate between the read and the update: then try the next one.
        for (var tries = 0; tries < 5; tries++)
        {
            var now = clock.GetUtcNow();
            var candidate = await db.Outbox.AsNoTracking()
                .Where(m => m.State == OutboxState.Queued && m.DueAt <= now)
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
                .Select(m => (long?)m.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id) return null;
            var until = now + Options.ClaimDuration;
            var taken = await db.Outbox
                .Where(m => m.Id == id && m.State == OutboxState.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.ClaimedBy, Instance)
                    .SetProperty(m => m.ClaimedUntil, until)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (taken == 1) return id;
        }
        return null;
    }

    private async Task SendClaimedAsync(long id, CancellationToken cancellationToken)
    {
        MimeMessage? message;
        OutboxMessage row;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Outbox.AsNoTracking()
                .Include(m => m.Invitation!).ThenInclude(i => i.Participant)
                .Include(m => m.Invitation!).ThenInclude(i => i.Wave)
                .SingleAsync(m => m.Id == id, cancellationToken);
            var (refusal, state) = await CheckStillWantedAsync(db, row, cancellationToken);
            if (refusal is not null)
            {
                await FinishAsync(id, state, refusal, cancellationToken);
                return;
            }
            var token = links.Unprotect(row.Invitation!.ProtectedToken);
            if (token is null)
            {
                await FinishAsync(id, OutboxState.Failed, OutboxErrors.NoLink, cancellationToken);
                return;
            }
            var participant = row.Invitation.Participant!;
            var text = await MailTexts.ForAsync(db, row.WaveId, row.Kind, participant.Language, cancellationToken);
            message = Compose(row, text, new TemplateValues(participant.Name, linkBase.For(token),
                MailTexts.Closes(row.Invitation.Wave!.ClosesAt, participant.Language), Options.FromName));
        }

        SendOutcome outcome;
        // A send once begun is finished even when the app is stopping, so that its outcome is known.
        using (var timeout = new CancellationTokenSource(Options.SendTimeout))
        {
            try
            {
                outcome = await transport.SendAsync(message, timeout.Token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The pickup folder could not be written.
                outcome = new SendOutcome(SendResult.TryAgain, e.Message);
            }
            catch (Exception e)
            {
                // Whatever else went wrong during a send, whether the message went is not known.
                outcome = new SendOutcome(SendResult.Uncertain, e.Message);
            }
        }

        switch (outcome.Result)
        {
            case SendResult.Sent:
                await FinishAsync(id, OutboxState.Sent, null, CancellationToken.None);
                logger.LogInformation("Sent {Kind} message {MessageId} for invitation {InvitationId}.", row.Kind, id, row.InvitationId);
                break;
            case SendResult.TryAgain when row.Attempts < Options.MaxAttempts:
                await RequeueAsync(id, row.Attempts, outcome.Reason, CancellationToken.None);
                logger.LogWarning("Message {MessageId} not sent, to be tried again: {Reason}", id, outcome.Reason);
                break;
            case SendResult.Uncertain:
                await FinishAsync(id, OutboxState.Failed, $"{OutboxErrors.Interrupted}: {outcome.Reason}", CancellationToken.None);
                logger.LogWarning("Message {MessageId} broken off during the transfer: {Reason}", id, outcome.Reason);
                break;
            default:
                await FinishAsync(id, OutboxState.Failed, outcome.Reason, CancellationToken.None);
                logger.LogWarning("Message {MessageId} failed: {Reason}", id, outcome.Reason);
                break;
        }
    }

    private static async Task<(string? Refusal, OutboxState State)> CheckStillWantedAsync(SurveyDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.Invitation!.RevokedAt is not null) return (OutboxErrors.Revoked, OutboxState.Cancelled);
        if (row.Kind == MessageKind.Reminder
            && await db.Responses.AnyAsync(r => r.InvitationId == row.InvitationId && r.SubmittedAt != null, cancellationToken))
        {
            return (OutboxErrors.Answered, OutboxState.Cancelled);
        }
        var addresses = ParticipantContacts.Split(row.Recipients);
        if (addresses.Count == 0) return (OutboxErrors.NoAddress, OutboxState.Failed);
        if (!addresses.All(ParticipantContacts.IsAddress)) return (OutboxErrors.InvalidAddress, OutboxState.Failed);
        return (null, OutboxState.Sending);
    }

    private MimeMessage Compose(OutboxMessage row, MessageText text, TemplateValues values)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = clock.GetUtcNow(),
            Subject = MessageTemplate.RenderText(text.Subject, values).ReplaceLineEndings(" "),
        };
        message.From.Add(new MailboxAddress(Options.FromName, Options.FromAddress));
        foreach (var address in ParticipantContacts.Split(row.Recipients))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        message.Headers.Add("Content-Language", row.Invitation!.Participant!.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder
        {
            TextBody = MessageTemplate.RenderText(text.Body, values),
            HtmlBody = MessageTemplate.RenderHtml(text.Body, values),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task RequeueAsync(long id, int attempts, string? reason, CancellationToken cancellationToken)
    {
        // 1, 4, 16 ... minutes: a server that is busy or down gets time.
        var due = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(4, attempts - 1));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Sending && m.ClaimedBy == Instance)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Queued)
                .SetProperty(m => m.DueAt, due)
                .SetProperty(m => m.Error, Truncate(reason))
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task FinishAsync(long id, OutboxState state, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Sending && m.ClaimedBy == Instance)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.State, state)
                    .SetProperty(m => m.Error, Truncate(error))
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null);
                if (state == OutboxState.Sent)
                {
                    s.SetProperty(m => m.SentAt, now);
                }
                else
                {
                    s.SetProperty(m => m.FailedAt, now);
                }
            }, cancellationToken);
    }

    private static string? Truncate(string? reason) => reason is { Length: > 1000 } ? reason[..1000] : reason;
}

/// <summary>The start of every link in a message: the address respondents reach the app at (Responding:PublicBaseUrl).</summary>
public sealed class MailLinkBase(string publicBaseUrl)
{
    public string For(string token) => $"{publicBaseUrl.TrimEnd('/')}/s/{token}";

    /// <summary>What the preview shows in place of a personal link.</summary>
    public string Placeholder => $"{publicBaseUrl.TrimEnd('/')}/s/…";
}
