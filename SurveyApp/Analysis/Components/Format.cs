using System.Globalization;

namespace SurveyApp.Analysis.Components;

public static class Format
{
    // Halves round up, as the workbook's "0 %" format and a reader's arithmetic do: 1 of 8 is 13 %, not 12 %.
    public static string Percent(double share, int decimals = 0)
    {
        var scale = Math.Pow(10, decimals + 2);
        return (Math.Round(share * scale, MidpointRounding.AwayFromZero) / scale).ToString("P" + decimals, CultureInfo.CurrentCulture);
    }

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
