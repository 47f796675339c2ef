using Microsoft.Extensions.Options;

namespace SurveyApp.Mail;

/// <summary>
/// Runs the outbox in the background: marks interrupted sends, queues due reminders, then sends what is due,
/// no faster than Mail:MessagesPerMinute (for this process; each app process has its own pace).
/// </summary>
public sealed class OutboxWorker(
    OutboxDispatcher dispatcher,
    ReminderScheduler reminders,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(1) / options.Value.MessagesPerMinute;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        // Let the app finish starting (migrations run before the host starts, so the tables exist).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.FailInterruptedAsync(stoppingToken);
                await reminders.QueueDueAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var started = clock.GetTimestamp();
                    if (!await dispatcher.SendNextAsync(stoppingToken)) break;
                    var wait = interval - clock.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
                }
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox could not be worked through; trying again shortly.");
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
