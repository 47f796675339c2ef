using System.Globalization;
using System.Text;

namespace SurveyApp.Shared;

// Writes CSV rows (RFC 4180, CRLF line ends) in which formula-like text is prefixed with an apostrophe.
// A semicolon suits spreadsheets set to a decimal comma, as Swedish Excel is; a comma suits the rest.
public sealed class CsvRowWriter(TextWriter writer, char delimiter)
{
    /// <summary>UTF-8 with a byte order mark, so that Excel reads å, ä and ö correctly.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static bool IsSupportedDelimiter(char delimiter) => delimiter is ',' or ';';

    /// <summary>What a spreadsheet in the current culture splits on: a semicolon where numbers have a decimal comma.</summary>
    public static char LocalDelimiter => CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    /// <summary>Writes one line; asynchronously, because the writer may sit on an HTTP response.</summary>
    public Task WriteRowAsync(IEnumerable<string?> fields, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(Line(fields).AsMemory(), cancellationToken);

    public string Line(IEnumerable<string?> fields) => string.Join(delimiter, fields.Select(Field)) + "\r\n";

    public string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = CellText.ForCsv(value);
        var quote = text.Contains(delimiter) || text.AsSpan().IndexOfAny("\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ';
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
