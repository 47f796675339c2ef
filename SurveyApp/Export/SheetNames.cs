using System.Globalization;

namespace SurveyApp.Export;

/// <summary>
/// Gives each sheet of a workbook a name Excel accepts: at most 31 characters, none of []:*?/\,
/// not starting or ending with an apostrophe, not "History", and unique regardless of case.
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Add(string wanted)
    {
        var name = Clean(wanted);
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate) || candidate.Equals("History", StringComparison.OrdinalIgnoreCase); n++)
        {
            _taken.Add(candidate);
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            candidate = Truncate(name, MaxLength - suffix.Length).TrimEnd() + suffix;
        }
        return candidate;
    }

    public static string Clean(string wanted)
    {
        var chars = wanted.Select(c => Forbidden.Contains(c) || char.IsControl(c) ? '-' : c).ToArray();
        var name = Truncate(new string(chars).Trim(), MaxLength).Trim('\'').Trim();
        return name.Length == 0 ? ExportTexts.SheetFallback : name;
    }

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length) return text;
        // Never cut a surrogate pair in two.
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
