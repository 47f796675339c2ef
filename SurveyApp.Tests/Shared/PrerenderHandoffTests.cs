using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Shared;
using Xunit;

namespace SurveyApp.Tests.Shared;

public sealed class PrerenderHandoffTests : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    [Fact]
    public void AValueIsTakenOnceByItsKey()
    {
        var handoff = new PrerenderHandoff(_cache);
        var value = new List<int> { 1, 2, 3 };

        var key = handoff.Put(value);

        Assert.Same(value, handoff.Take<List<int>>(key));
        Assert.Null(handoff.Take<List<int>>(key));
    }

    [Fact]
    public void KeysAreRandomAndLongEnoughNotToBeGuessed()
    {
        var handoff = new PrerenderHandoff(_cache);

        var keys = Enumerable.Range(0, 100).Select(_ => handoff.Put("x")).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9A-F]{32}$", k));
    }

    [Fact]
    public void AnUnknownKeyOrAnotherTypeGivesNothing()
    {
        var handoff = new PrerenderHandoff(_cache);
        var key = handoff.Put("text");

        Assert.Null(handoff.Take<string>(null));
        Assert.Null(handoff.Take<string>(""));
        Assert.Null(handoff.Take<string>("0123456789ABCDEF0123456789ABCDEF"));
        Assert.Null(handoff.Take<List<int>>(key));
    }

    [Fact]
    public void AValueNotTakenWithinItsLifetimeIsGone()
    {
        var clock = new Clock { UtcNow = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero) };
        using var cache = new MemoryCache(new MemoryCacheOptions { Clock = clock });
        var handoff = new PrerenderHandoff(cache);
        var early = handoff.Put("early");
        var late = handoff.Put("late");

        clock.UtcNow += PrerenderHandoff.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal("early", handoff.Take<string>(early));
        clock.UtcNow += TimeSpan.FromSeconds(2);
        Assert.Null(handoff.Take<string>(late));
    }

#pragma warning disable CS0618 // MemoryCacheOptions takes its clock as an ISystemClock.
    private sealed class Clock : Microsoft.Extensions.Internal.ISystemClock
#pragma warning restore CS0618
    {
        public DateTimeOffset UtcNow { get; set; }
    }

    public void Dispose() => _cache.Dispose();
}
