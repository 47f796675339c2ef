using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Mail;

/// <summary>
/// The app as its own process, killed twice in the middle of sending a batch and started again: no message
/// arrives twice, and every message has either arrived or is Failed as interrupted (at most one per kill).
/// </summary>
public sealed class OutboxCrashTests : IAsyncLifetime
{
    private const int Messages = 100;

    private readonly TestSmtpServer _smtp = new() { Delay = TimeSpan.FromMilliseconds(20) };
    private AppProcess _app = default!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(_smtp.Settings())
        {
            // 100 messages take five seconds or so; a claim on a message runs out four seconds after it was taken.
            ["Mail:MessagesPerMinute"] = "1200",
            ["Mail:SendTimeoutSeconds"] = "2",
            ["Mail:PollSeconds"] = "1",
        };
        _app = new AppProcess(settings: settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task QueueAsync()
    {
        await using var db = _app.Database.CreateContext();
        var invitations = await db.Invitations.OrderBy(i => i.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < Messages; n++)
        {
            var invitation = invitations[n % invitations.Count];
            db.Outbox.Add(new OutboxMessage
            {
                WaveId = invitation.WaveId,
                InvitationId = invitation.Id,
                Kind = MessageKind.Invitation,
                State = OutboxState.Queued,
                Recipients = $"message{n}@kommun.test",
                MessageId = $"crash-test-{n}@surveyapp.test",
                CreatedAt = now,
                DueAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private async Task KillWhenArrivedAsync(int count)
    {
        await _smtp.WaitForAsync(count, TimeSpan.FromSeconds(60));
        await _app.KillAsync();
    }

    [Fact]
    public async Task AKilledSenderSendsNothingTwiceAndLosesNothing()
    {
        await _app.StartAsync();
        await QueueAsync();

        await KillWhenArrivedAsync(20);
        var afterFirstKill = _smtp.Received.Count;
        await _app.StartAsync();
        await KillWhenArrivedAsync(afterFirstKill + 30);
        var afterSecondKill = _smtp.Received.Count;
        await _app.StartAsync();

        // Both kills came in the middle of the batch.
        Assert.InRange(afterFirstKill, 20, Messages - 31);
        Assert.InRange(afterSecondKill, afterFirstKill + 30, Messages - 1);

        var until = DateTime.UtcNow.AddSeconds(90);
        List<OutboxMessage> outbox;
        while ((outbox = await OutboxAsync()).Any(m => m.State is OutboxState.Queued or OutboxState.Sending))
        {
            Assert.True(DateTime.UtcNow < until, $"Still waiting: {string.Join(", ", outbox.GroupBy(m => m.State).Select(g => $"{g.Key} {g.Count()}"))}");
            await Task.Delay(250);
        }

        var arrived = _smtp.Received.Select(r => r.Message.MessageId).ToList();
        Assert.Equal(arrived.Count, arrived.Distinct().Count());
        Assert.All(outbox.Where(m => m.State == OutboxState.Sent), m => Assert.Contains(m.MessageId, arrived));
        var failed = outbox.Where(m => m.State != OutboxState.Sent).ToList();
        Assert.True(failed.Count <= 2, $"{failed.Count} messages not sent: {string.Join("; ", failed.Select(m => $"{m.State} {m.Error}"))}");
        Assert.All(failed, m => Assert.Equal((OutboxState.Failed, OutboxErrors.Interrupted), (m.State, m.Error)));
        Assert.All(arrived, id => Assert.Contains(id, outbox.Select(m => m.MessageId)));
        Assert.True(arrived.Count >= Messages - failed.Count);
        Assert.True(outbox.Count(m => m.State == OutboxState.Sent) + failed.Count == Messages);
    }
}
