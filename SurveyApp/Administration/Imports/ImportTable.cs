using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using SurveyApp.Resources;

namespace SurveyApp.Administration.Imports;

/// <summary>One row of values under the header; <see cref="Line"/> is the line of a CSV file or the row of a sheet.</summary>
public sealed record ImportRow(int Line, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// An uploaded file as text, whatever it came as: a CSV file, or the first sheet of an Excel workbook (.xlsx) whose first
/// row is the header. A cell reads as the text it shows: numbers and dates as formatted, a formula as its last
/// result as last saved (never recalculated), text as it is, even when it looks like a formula or markup.
/// </summary>
public sealed class ImportTable
{
    // A workbook is a zip archive; this bounds what one may unpack to, whatever its upload size.
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private ImportTable(IReadOnlyList<string>? header, IReadOnlyList<ImportRow> rows, IReadOnlyList<ImportProblem> problems) =>
        (Header, Rows, Problems) = (header, rows, problems);

    /// <summary>Null when the file has no header, or could not be read at all.</summary>
    public IReadOnlyList<string>? Header { get; }

    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>Rows whose shape does not fit the header, and a file that could not be read.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>A zip archive's signature: what an .xlsx file starts with.</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> content) => content is [0x50, 0x4B, 0x03, 0x04, ..];

    public static async Task<ImportTable> ReadCsvAsync(TextReader csv)
    {
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!await reader.ReadAsync() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
        {
            return new ImportTable(null, [], []);
        }
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        while (await reader.ReadAsync())
        {
            if (CsvRowShape.Check(reader, header) is { } misshapen)
            {
                problems.Add(misshapen);
                continue;
            }
            rows.Add(new ImportRow(reader.Parser.RawRow, reader.Parser.Record ?? []));
        }
        return new ImportTable(header, rows, problems);
    }

    public static ImportTable ReadWorkbook(byte[] content)
    {
        if (!FitsUnpacked(content))
        {
            return Unreadable();
        }
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        // A damaged or foreign archive fails deep inside the Open XML reader, with whatever exception it meets first.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Unreadable();
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.OrderBy(s => s.Position).FirstOrDefault();
            var headerRow = sheet?.Row(1);
            var width = headerRow?.LastCellUsed()?.Address.ColumnNumber ?? 0;
            if (sheet is null || width == 0)
            {
                return new ImportTable(null, [], []);
            }
            var header = Enumerable.Range(1, width).Select(c => Read(headerRow!.Cell(c))).ToList();
            var rows = new List<ImportRow>();
            var problems = new List<ImportProblem>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var line = 2; line <= last; line++)
            {
                var row = sheet.Row(line);
                var used = row.LastCellUsed()?.Address.ColumnNumber ?? 0;
                if (used == 0)
                {
                    continue;
                }
                if (used > width)
                {
                    problems.Add(new ImportProblem(line, Text.Format("Import.BeyondHeader", used, width)));
                    continue;
                }
                rows.Add(new ImportRow(line, Enumerable.Range(1, width).Select(c => Read(row.Cell(c))).ToList()));
            }
            return new ImportTable(header, rows, problems);
        }
    }

    /// <summary>
    /// The name says what the file should be and the content what it is: a workbook is read as a workbook even when
    /// named .csv; a file named .xlsx that is no workbook, a binary file named .csv, or any other name is refused.
    /// </summary>
    public static async Task<ImportTable> ReadUploadAsync(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return Refused(Text.Get("Import.WrongType"));
        }
        if (LooksLikeWorkbook(content))
        {
            return ReadWorkbook(content);
        }
        if (extension == ".xlsx")
        {
            return Refused(Text.Get("Import.NotWorkbook"));
        }
        // Text has no NUL bytes in UTF-8; an old binary workbook (.xls) or any other binary file has many.
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return Refused(Text.Get("Import.NotText"));
        }
        using var reader = UploadedFile.OpenText(content);
        return await ReadCsvAsync(reader);
    }

    /// <summary>A file that is not read at all, for the reason given.</summary>
    public static ImportTable Refused(string message) => new(null, [], [new ImportProblem(0, message)]);

    private static ImportTable Unreadable() => Refused(Text.Get("Import.NotWorkbook"));

    private static string Read(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            return Convert.ToString(cell.CachedValue, CultureInfo.CurrentCulture) ?? "";
        }
        // This version of ClosedXML formats no number or date by its format, so the cell's format is applied here.
        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                var date = cell.GetDateTime();
                return Formatted(cell, date) ?? date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            case XLDataType.Number:
                var number = cell.GetDouble();
                return Formatted(cell, number) ?? number.ToString(CultureInfo.CurrentCulture);
            default:
                return cell.GetString();
        }
    }

    private static string? Formatted(IXLCell cell, object value)
    {
        var format = new ExcelNumberFormat.NumberFormat(cell.Style.NumberFormat.Format);
        return cell.Style.NumberFormat.Format.Length > 0 && format.IsValid ? format.Format(value, CultureInfo.CurrentCulture) : null;
    }

    private static bool FitsUnpacked(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return archive.Entries.Sum(e => e.Length) <= MaxUnpackedBytes;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
