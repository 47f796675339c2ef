using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Security;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// A staff page rendered by bunit over the app's own services on a fresh, seeded database of its own, in Swedish,
/// signed in as an administrator. MudBlazor's services, the localiser and the browser's script come from bunit;
/// everything else from <see cref="App"/>.
/// </summary>
public abstract class AppPageContext : StaffComponentContext, IDisposable
{
    protected const string Actor = "admin@example.se";

    private readonly UiCulture _culture = UiCulture.Swedish();

    protected AppPageContext(string actor = Actor)
    {
        Context.Services.AddFallbackServiceProvider(App.Services);
        Authorization.SetAuthorized(actor).SetRoles(StaffRoles.Admin);
    }

    protected SurveyAppFactory App { get; } = new();

    public void Dispose()
    {
        _culture.Dispose();
        App.Dispose();
    }
}
