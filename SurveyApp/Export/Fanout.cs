using System.Threading.Channels;

namespace SurveyApp.Export;

/// <summary>
/// Every item the producer yields goes to every consumer, in order, through bounded channels, so a slow
/// consumer holds up the producer rather than letting items pile up in memory. Items travel in small batches:
/// handing one over wakes the consumer's thread, which costs more than writing a response's row.
/// </summary>
internal static class Fanout
{
    private const int BatchSize = 64;

    /// <summary>Batches waiting per consumer.</summary>
    private const int Capacity = 4;

    /// <summary>How far the producer can get ahead of the slowest consumer: the batches waiting, one being handed over and one being filled.</summary>
    internal const int MostAhead = BatchSize * (Capacity + 2);

    public static async Task RunAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> produce, IReadOnlyList<Action<T>> consumers,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channels = consumers.Select(_ => Channel.CreateBounded<List<T>>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true })).ToList();
        var consuming = consumers.Select((consume, i) => Task.Run(async () =>
        {
            await foreach (var batch in channels[i].Reader.ReadAllAsync(stop.Token))
            {
                foreach (var item in batch)
                {
                    consume(item);
                }
            }
        }, stop.Token)).ToList();
        var producing = Task.Run(async () =>
        {
            try
            {
                var batch = new List<T>(BatchSize);
                await foreach (var item in produce(stop.Token).WithCancellation(stop.Token))
                {
                    batch.Add(item);
                    if (batch.Count < BatchSize) continue;
                    await PassOnAsync(batch);
                    batch = new List<T>(BatchSize);
                }
                if (batch.Count > 0) await PassOnAsync(batch);
            }
            finally
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryComplete();
                }
            }
        }, stop.Token);

        async Task PassOnAsync(List<T> batch)
        {
            foreach (var channel in channels)
            {
                await channel.Writer.WriteAsync(batch, stop.Token);
            }
        }

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
