using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>A written workbook read back with the Open XML SDK: validation errors and cells by sheet name.</summary>
public sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public Workbook(Stream stream)
    {
        stream.Position = 0;
        _document = SpreadsheetDocument.Open(stream, false);
    }

    public SpreadsheetDocument Document => _document;

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator().Validate(_document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

    public Worksheet Worksheet(string name)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public IReadOnlyList<Row> Rows(string sheet) => Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    public Cell? Cell(string sheet, string reference) =>
        Rows(sheet).SelectMany(CellsOf).SingleOrDefault(c => c.Reference == reference).Cell;

    /// <summary>A row's cells with their references: a cell written without one follows the row's previous cell.</summary>
    public static IEnumerable<(string Reference, Cell Cell)> CellsOf(Row row)
    {
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { } reference ? ColumnNumber(reference) : column + 1;
            yield return (ColumnLetters(column) + row.RowIndex!.Value, cell);
        }
    }

    private static int ColumnNumber(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (number, letter) => number * 26 + (char.ToUpperInvariant(letter) - 'A' + 1));

    private static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The text a cell shows: an inline or a shared string's text, or a number's value.</summary>
    public string? Text(string sheet, string reference) => Cell(sheet, reference) is { } cell ? TextOf(cell) : null;

    public string? TextOf(Cell cell) => cell.DataType?.Value switch
    {
        var t when t == CellValues.InlineString => cell.InlineString!.Text!.Text,
        var t when t == CellValues.SharedString => SharedStrings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)],
        _ => cell.CellValue?.Text,
    };

    /// <summary>The workbook's shared strings, in order; empty if it has none.</summary>
    public IReadOnlyList<string> SharedStrings => _sharedStrings ??=
        _document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.Text!.Text).ToList() ?? [];

    private IReadOnlyList<string>? _sharedStrings;

    /// <summary>Cells of one row by column letters, as text.</summary>
    public IReadOnlyDictionary<string, string?> Row(string sheet, int row) =>
        CellsOf(Rows(sheet).Single(r => r.RowIndex!.Value == row))
            .ToDictionary(c => new string(c.Reference.TakeWhile(char.IsLetter).ToArray()), c => TextOf(c.Cell));

    /// <summary>The column letter of a header in the first row.</summary>
    public string Column(string sheet, string header) =>
        Row(sheet, 1).Single(c => c.Value == header).Key;

    public void AssertValid() => Assert.Empty(ValidationErrors());

    public void Dispose() => _document.Dispose();
}
