using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SurveyApp.Components.Layout;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// A bunit context for staff components: MudBlazor's services with the app's Swedish texts, the app's
/// localised strings, and the popover/dialog/snackbar providers that the staff layout supplies. MudBlazor's
/// services dispose only asynchronously, so the context is held here and disposed by xunit.
/// </summary>
public abstract class StaffComponentContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    /// <summary>Who is signed in; nobody until a test says so.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected StaffComponentContext()
    {
        Context.Services.AddLocalization();
        Context.Services.AddMudServices();
        Context.Services.AddTransient<MudLocalizer, SwedishMudTexts>();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = Context.AddAuthorization();
    }

    /// <summary>
    /// Renders as on a page whose circuit is connected. The renderer is made on first use, after which no
    /// service can be added, so subclasses add theirs in their constructor and render only through this.
    /// </summary>
    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        if (!_rendererReady)
        {
            Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            _rendererReady = true;
        }
        return Context.Render(parameters ?? (_ => { }));
    }

    private bool _rendererReady;

    /// <summary>The providers a staff page finds in its layout; render before opening a dialog or a snackbar.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Render<MudProviders>();

    /// <summary>Makes a running app's own service available to the components under test, so that they work on its real database.</summary>
    protected void UseAppService<TService>(IServiceProvider app) where TService : class =>
        Context.Services.AddSingleton(app.GetRequiredService<TService>());

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
