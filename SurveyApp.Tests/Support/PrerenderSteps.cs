using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Shared;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// The steps between a prerendered page and its live one, as a page test plays them: what the prerendered page
/// persists when it is done (the key to what it read), and a hand-over the test sets up for the live page.
/// </summary>
public static class PrerenderSteps
{
    /// <summary>
    /// Persists the prerendered page's state and takes its hand-over key; the page is then disposed. The persisting is
    /// triggered on the renderer's own thread, where it completes before the state is read back (from elsewhere it is only queued).
    /// </summary>
    public static async Task<string> PersistAsync<TPage>(this BunitContext context, BunitPersistentComponentState state,
        IRenderedComponent<TPage> prerendered, string handoffKey) where TPage : IComponent
    {
        await prerendered.InvokeAsync(state.TriggerOnPersisting);
        Assert.True(state.TryTake<string>(handoffKey, out var key));
        await context.DisposeComponentsAsync();
        return key!;
    }

    /// <summary>Offers <paramref name="loaded"/> to the next live page under a new key, as a prerendered page would; returns the key.</summary>
    public static string HandOver<T>(this BunitContext context, BunitPersistentComponentState state, string handoffKey, T loaded) where T : class
    {
        var key = context.Services.GetRequiredService<PrerenderHandoff>().Put(loaded);
        state.Persist(handoffKey, key);
        return key;
    }
}
