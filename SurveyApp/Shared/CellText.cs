using System.Text;

namespace SurveyApp.Shared;

// Text that a spreadsheet could take for a formula (OWASP's "CSV injection"): anything that starts with
// =, +, -, @, tab or carriage return, unless it is a plain number such as "-2", which evaluates to itself.
public static class CellText
{
    public static bool IsFormulaLike(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(text);

    public static string ForCsv(string text) => IsFormulaLike(text) ? "'" + text : text;

    // Characters XML cannot hold, and underscores that would read as such an escape, are written as
    // _xHHHH_ (ST_Xstring), so the cell shows exactly the text.
    public static string ForXml(string text)
    {
        if (!NeedsEscape(text)) return text;
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsXmlChar(c) || (c == '_' && StartsEscape(text, i)))
            {
                builder.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsPlainNumber(string text)
    {
        var i = text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] is '.' or ',')
        {
            i++;
            var decimals = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; decimals++; }
            if (decimals == 0) return false;
        }
        return digits > 0 && i == text.Length;
    }

    private static bool NeedsEscape(string text)
    {
        // Most text is characters from space to U+D7FF without an underscore, found many at a time; the rest is
        // looked at one by one from the first other character.
        var span = text.AsSpan();
        var other = span.IndexOfAnyExceptInRange(' ', '\uD7FF');
        var underscore = span.IndexOf('_');
        if (other < 0 && underscore < 0) return false;
        var first = other < 0 ? underscore : underscore < 0 ? other : Math.Min(other, underscore);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c) || (c == '_' && StartsEscape(text, i)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    private static bool StartsEscape(string text, int i) =>
        i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_' && char.IsAsciiHexDigit(text[i + 2])
        && char.IsAsciiHexDigit(text[i + 3]) && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);
}
