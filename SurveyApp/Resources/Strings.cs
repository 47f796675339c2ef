using System.Globalization;
using System.Resources;

namespace SurveyApp.Resources;

// Marker for the UI strings in Strings.resx (Swedish, the default) and Strings.en.resx.
// Components use IStringLocalizer<Strings>; plain classes use Text.
public sealed class Strings;

/// <summary>Localised strings for classes that have no dependency injection (validators, rules).</summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("SurveyApp.Resources.Strings", typeof(Strings).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"No string resource '{key}'.");

    /// <summary>A string in a language chosen by the caller, such as the language of a message's recipient.</summary>
    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No string resource '{key}'.");

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
