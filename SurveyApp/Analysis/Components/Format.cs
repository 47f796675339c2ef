using System.Globalization;

namespace SurveyApp.Analysis.Components;

/// <summary>Numbers as the results pages show them, in the reader's language ("85 %" in Swedish).</summary>
public static class Format
{
    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    public static string Points(double points) =>
        (points > 0 ? "+" : "") + points.ToString("0", CultureInfo.CurrentCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< " + 0.001.ToString("0.000", CultureInfo.CurrentCulture),
        _ => p.Value.ToString("0.000", CultureInfo.CurrentCulture),
    };
}
