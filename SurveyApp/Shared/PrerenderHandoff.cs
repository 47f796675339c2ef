using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace SurveyApp.Shared;

/// <summary>
/// What a page read while it was prerendered, kept for the same page once it runs live in the browser, so that a
/// visit reads its data once instead of twice. The page persists only the random key (Blazor protects persisted
/// state); the value stays in this server's memory, is taken once, and is gone after <see cref="Lifetime"/>. A
/// page that finds nothing (another server, or too late) reads its data again.
/// </summary>
public sealed class PrerenderHandoff(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const string Prefix = "prerender-handoff:";

    /// <returns>The key to persist.</returns>
    public string Put<T>(T value) where T : class
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        cache.Set(Prefix + key, value, Lifetime);
        return key;
    }

    /// <summary>The value put under the key, removed; null if there is none, it has expired or it is not a <typeparamref name="T"/>.</summary>
    public T? Take<T>(string? key) where T : class
    {
        if (string.IsNullOrEmpty(key) || !cache.TryGetValue(Prefix + key, out var value)) return null;
        cache.Remove(Prefix + key);
        return value as T;
    }

    /// <summary>
    /// When the prerendered page is persisted, keeps what <paramref name="current"/> gives (if anything) for the live
    /// page, under <paramref name="name"/>. Dispose the subscription with the page.
    /// </summary>
    public PersistingComponentStateSubscription Offer<T>(PersistentComponentState state, string name, Func<T?> current) where T : class =>
        state.RegisterOnPersisting(() =>
        {
            if (current() is { } value) state.PersistAsJson(name, Put(value));
            return Task.CompletedTask;
        });

    /// <summary>What the prerendered page offered under <paramref name="name"/>, once; null if it offered nothing that is still here.</summary>
    public T? Receive<T>(PersistentComponentState state, string name) where T : class =>
        state.TryTakeFromJson<string>(name, out var key) ? Take<T>(key) : null;
}
