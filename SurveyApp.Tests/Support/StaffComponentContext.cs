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

    // Pages read their data asynchronously, from a database that may be a shared PostgreSQL server on a busy
    // machine: a wait for what they show gives them more than bunit's default second.
    static StaffComponentContext() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected StaffComponentContext()
    {
        Context.Services.AddLocalization();
        Context.Services.AddMudServices();
        Context.Services.AddTransient<MudLocalizer, SwedishMudTexts>();
        AddServices(Context.Services);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = Context.AddAuthorization();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// The services the component under test needs, such as the app's feature services. Called from the constructor,
    /// before the renderer fixes the services (a test class's field initializers have run by then).
    /// </summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>The providers a staff page finds in its layout; render before opening a dialog or a snackbar.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Context.Render<MudProviders>();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
