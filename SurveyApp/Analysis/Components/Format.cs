using System.Globalization;

namespace SurveyApp.Analysis.Components;

public static class Format
{
    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A change in percentage points with one decimal and its sign ("+5,9", "−0,7", "±0").</summary>
    public static string Points(double points)
    {
        var rounded = Math.Round(points, 1, MidpointRounding.AwayFromZero);
        return rounded switch
        {
            0 => "±0",
            > 0 => "+" + rounded.ToString("0.0", CultureInfo.CurrentCulture),
            _ => "−" + (-rounded).ToString("0.0", CultureInfo.CurrentCulture),
        };
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< " + 0.001.ToString("0.000", CultureInfo.CurrentCulture),
        _ => p.Value.ToString("0.000", CultureInfo.CurrentCulture),
    };
}
