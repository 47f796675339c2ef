using System.Threading.Channels;

namespace SurveyApp.Export;

/// <summary>
/// Every item the producer yields goes to every consumer, in order, through bounded channels, so a slow
/// consumer holds up the producer rather than letting items pile up in memory.
/// </summary>
internal static class Fanout
{
    private const int Capacity = 256;

    public static async Task RunAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> produce, IReadOnlyList<Action<T>> consumers,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channels = consumers.Select(_ => Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true })).ToList();
        var consuming = consumers.Select((consume, i) => Task.Run(async () =>
        {
            await foreach (var item in channels[i].Reader.ReadAllAsync(stop.Token))
            {
                consume(item);
            }
        }, stop.Token)).ToList();
        var producing = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in produce(stop.Token).WithCancellation(stop.Token))
                {
                    foreach (var channel in channels)
                    {
                        await channel.Writer.WriteAsync(item, stop.Token);
                    }
                }
            }
            finally
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryComplete();
                }
            }
        }, stop.Token);

        var all = consuming.Append(producing).ToList();
        while (all.Count > 0)
        {
            var done = await Task.WhenAny(all);
            all.Remove(done);
            if (!done.IsCompletedSuccessfully)
            {
                // One part failed or was cancelled: stop the others, wait for them, then report the first failure.
                await stop.CancelAsync();
                await Task.WhenAll(all).ContinueWith(_ => { }, TaskScheduler.Default);
                await done;
            }
        }
    }
}
