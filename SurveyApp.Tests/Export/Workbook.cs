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
        Worksheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

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
        Rows(sheet).Single(r => r.RowIndex!.Value == row).Elements<Cell>()
            .ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), TextOf);

    /// <summary>The column letter of a header in the first row.</summary>
    public string Column(string sheet, string header) =>
        Row(sheet, 1).Single(c => c.Value == header).Key;

    public void AssertValid() => Assert.Empty(ValidationErrors());

    public void Dispose() => _document.Dispose();
}
