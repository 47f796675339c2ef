using System.Runtime.CompilerServices;
using SurveyApp.Export;
using Xunit;

namespace SurveyApp.Tests.Export;

public sealed class FanoutTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task EveryConsumerGetsEveryItemInOrder()
    {
        var first = new List<int>();
        var second = new List<int>();

        await Fanout.RunAsync(stop => Numbers(5000, stop), [first.Add, second.Add], CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 5000), first);
        Assert.Equal(Enumerable.Range(1, 5000), second);
    }

    [Fact]
    public async Task AFailingConsumerStopsTheProducerAndItsErrorComesThrough()
    {
        var produced = 0;
        async IAsyncEnumerable<int> Counting([EnumeratorCancellation] CancellationToken stop = default)
        {
            await foreach (var n in Numbers(1_000_000, stop))
            {
                produced = n;
                yield return n;
            }
        }

        var error = await Assert.ThrowsAsync<IOException>(() => Fanout.RunAsync(Counting,
            [n => { if (n == 10) throw new IOException("disk full"); }], CancellationToken.None));

        Assert.Equal("disk full", error.Message);
        // The producer stops within its bounded lead: items do not pile up behind a consumer that has stopped.
        Assert.InRange(produced, 10, Fanout.MostAhead + 1);
    }

    [Fact]
    public async Task NoItemsEndTheRunAtOnce()
    {
        var seen = new List<int>();

        await Fanout.RunAsync(stop => Numbers(0, stop), [seen.Add], CancellationToken.None);

        Assert.Empty(seen);
    }

    [Fact]
    public async Task AFailingProducerEndsTheRunWithItsError()
    {
        static async IAsyncEnumerable<int> Broken([EnumeratorCancellation] CancellationToken stop = default)
        {
            await foreach (var n in Numbers(3, stop)) yield return n;
            throw new InvalidOperationException("database gone");
        }
        var seen = new List<int>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Fanout.RunAsync(Broken, [seen.Add], CancellationToken.None));

        Assert.Equal("database gone", error.Message);
    }
}
