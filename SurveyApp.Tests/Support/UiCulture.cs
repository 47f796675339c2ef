using System.Globalization;

namespace SurveyApp.Tests.Support;

/// <summary>Sets the UI culture for the duration of a test and puts the previous one back.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    private UiCulture(string name)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
    }

    public static UiCulture Swedish() => new("sv-SE");

    public static UiCulture English() => new("en-GB");

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        CultureInfo.CurrentCulture = _previous;
    }
}
