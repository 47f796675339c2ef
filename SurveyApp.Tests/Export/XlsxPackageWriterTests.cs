using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using SurveyApp.Export;
using Xunit;

namespace SurveyApp.Tests.Export;

public sealed class XlsxPackageWriterTests
{
    private static MemoryStream Write(Action<XlsxPackageWriter> write)
    {
        var stream = new MemoryStream();
        using (var package = new XlsxPackageWriter(stream))
        {
            write(package);
            package.Complete();
        }
        return stream;
    }

    private static MemoryStream TwoSheets() => Write(package =>
    {
        using (var data = package.AddWorksheet("Data", new WorksheetLayout { FreezeHeader = true, AutoFilter = true, ColumnWidths = [10, 30, 12] }))
        {
            data.WriteRow(XlsxCell.Header("Nr"), XlsxCell.Header("Svar"), XlsxCell.Header("Andel"));
            data.WriteRow(1, "Göteborgs stad – åäö", XlsxCell.Percent(0.647));
            data.WriteRow(2, "=HYPERLINK(\"http://x\")", XlsxCell.Empty);
            data.WriteRow(3, "Rad ett\r\nRad två _x0041_ \u0001");
        }
        using var summary = package.AddWorksheet("Sammanfattning", new WorksheetLayout { ColumnWidths = [20, 60] }, position: 0);
        summary.WriteRow(XlsxCell.String("Rubrik", XlsxStyle.Title));
        summary.WriteRow(XlsxCell.Header("Skapad"), XlsxCell.DateTime(new DateTime(2026, 11, 22, 19, 30, 0)));
    });

    [Fact]
    public void TheWorkbookPassesTheOpenXmlValidator()
    {
        using var workbook = new Workbook(TwoSheets());

        workbook.AssertValid();
    }

    [Fact]
    public void SheetsAreListedInTheOrderAsked()
    {
        using var workbook = new Workbook(TwoSheets());

        Assert.Equal(["Sammanfattning", "Data"], workbook.SheetNames);
    }

    [Fact]
    public void TheHeaderRowIsFrozenAndFiltered()
    {
        using var workbook = new Workbook(TwoSheets());
        var sheet = workbook.Worksheet("Data");

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A1:C4", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal([10d, 30d, 12d], sheet.Descendants<Column>().Select(c => c.Width!.Value));
        var filterName = workbook.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal(1u, filterName.LocalSheetId!.Value);
        Assert.Equal("'Data'!$A$1:$C$4", filterName.Text);
    }

    [Fact]
    public void NumbersPercentagesAndTextKeepTheirKinds()
    {
        using var workbook = new Workbook(TwoSheets());

        var number = workbook.Cell("Data", "A2")!;
        Assert.Null(number.DataType);
        Assert.Equal("1", number.CellValue!.Text);
        var percent = workbook.Cell("Data", "C2")!;
        Assert.Equal("0.647", percent.CellValue!.Text);
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(9u, formats[(int)percent.StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal(CellValues.InlineString, workbook.Cell("Data", "B2")!.DataType!.Value);
        Assert.Equal("Göteborgs stad – åäö", workbook.Text("Data", "B2"));
    }

    [Fact]
    public void FormulaLikeTextIsAQuotedStringNeverAFormula()
    {
        using var workbook = new Workbook(TwoSheets());

        var cell = workbook.Cell("Data", "B3")!;
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", workbook.Text("Data", "B3"));
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix!.Value);
        Assert.Empty(workbook.Worksheet("Data").Descendants<CellFormula>());
    }

    [Fact]
    public void LineBreaksSurviveAndAwkwardCharactersAreEscaped()
    {
        using var workbook = new Workbook(TwoSheets());

        Assert.Equal("Rad ett\r\nRad två _x005F_x0041_ _x0001_", workbook.Text("Data", "B4"));
    }

    [Fact]
    public void EmptyCellsAreLeftOut()
    {
        using var workbook = new Workbook(TwoSheets());

        Assert.Null(workbook.Cell("Data", "C3"));
        Assert.Equal(["A3", "B3"], Workbook.CellsOf(workbook.Rows("Data")[2]).Select(c => c.Reference));
    }

    private static MemoryStream WithGaps() => Write(package =>
    {
        using var data = package.AddWorksheet("Data", new WorksheetLayout());
        data.WriteRow(XlsxCell.Header("Nr"), XlsxCell.Header("Svar"), XlsxCell.Header("Tom"), XlsxCell.Header("Efter"));
        data.WriteRow(1, "a", XlsxCell.Empty, "d");
        data.WriteRow(XlsxCell.Empty, "b", "c", "e");
    });

    [Fact]
    public void OnlyACellAfterAGapSaysWhereItIs()
    {
        using var workbook = new Workbook(WithGaps());

        // A cell right after the row's previous one is where readers count it; the first after a gap has its reference.
        var second = workbook.Rows("Data")[1].Elements<Cell>().Select(c => c.CellReference?.Value).ToList();
        var third = workbook.Rows("Data")[2].Elements<Cell>().Select(c => c.CellReference?.Value).ToList();
        Assert.Equal([null, null, "D2"], second);
        Assert.Equal(["B3", null, null], third);
        Assert.Equal(("a", null, "d", "e"), (workbook.Text("Data", "B2"), workbook.Text("Data", "C2"), workbook.Text("Data", "D2"), workbook.Text("Data", "D3")));
        workbook.AssertValid();
    }

    [Fact]
    public void TheAppsOwnWorkbookImportReadsTheCellsWhereTheyAre()
    {
        // An exported sheet may come back as an import (ClosedXML reads uploaded workbooks).
        var table = SurveyApp.Administration.Imports.ImportTable.ReadWorkbook(WithGaps().ToArray());

        Assert.Equal(["Nr", "Svar", "Tom", "Efter"], table.Header);
        Assert.Equal(["1", "a", "", "d"], table.Rows[0].Cells.Take(4));
        Assert.Equal(["", "b", "c", "e"], table.Rows[1].Cells.Take(4));
    }

    [Fact]
    public void ADateIsANumberWithADateFormat()
    {
        using var workbook = new Workbook(TwoSheets());

        var cell = workbook.Cell("Sammanfattning", "B2")!;
        Assert.Equal(new DateTime(2026, 11, 22, 19, 30, 0), DateTime.FromOADate(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var format = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.Equal(164u, format.NumberFormatId!.Value);
    }

    [Fact]
    public void RepeatedSheetNamesAreMadeUnique()
    {
        var stream = Write(package =>
        {
            foreach (var name in new[] { "Fråga 1: Hade ni tackat ja till att delta?", "Fråga 1: Hade ni tackat ja till att delta?", "a/b" })
            {
                using var sheet = package.AddWorksheet(name, new WorksheetLayout());
                sheet.WriteRow("x");
            }
        });
        using var workbook = new Workbook(stream);

        workbook.AssertValid();
        Assert.Equal(["Fråga 1- Hade ni tackat ja till", "Fråga 1- Hade ni tackat ja (2)", "a-b"], workbook.SheetNames);
    }

    [Fact]
    public void PartsAreCompressedZipEntries()
    {
        using var zip = new ZipArchive(TwoSheets(), ZipArchiveMode.Read);

        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.All(zip.Entries, e => Assert.True(e.CompressedLength <= e.Length + 32));
    }

    [Fact]
    public void ARowBeyondWhatExcelOpensIsRefused()
    {
        using var package = new XlsxPackageWriter(Stream.Null);
        using var sheet = package.AddWorksheet("Svar", new WorksheetLayout());
        var row = new[] { XlsxCell.Of(1) };
        for (var i = 0; i < XlsxWorksheetWriter.MaxRows; i++) sheet.WriteRow(row);

        Assert.Equal(1_048_576, sheet.RowCount);
        Assert.Throws<InvalidOperationException>(() => sheet.WriteRow(row));
        Assert.Equal(1_048_576, sheet.RowCount);
    }

    [Fact]
    public void StartingASheetBeforeTheLastIsFinishedIsRefused()
    {
        using var package = new XlsxPackageWriter(new MemoryStream());
        using var first = package.AddWorksheet("A", new WorksheetLayout());

        Assert.Throws<InvalidOperationException>(() => package.AddWorksheet("B", new WorksheetLayout()));
    }

    [Fact]
    public void ASheetWrittenAsideJoinsTheWorkbookWithItsRowsAndPlace()
    {
        var stream = Write(package =>
        {
            using var codes = package.AddWorksheet("Svar", new WorksheetLayout { AutoFilter = true });
            using var labels = package.AddWorksheetAside("Svar (etiketter)", new WorksheetLayout { AutoFilter = true });
            codes.WriteRow(XlsxCell.Header("Nr"), XlsxCell.Header("f1"));
            labels.WriteRow(XlsxCell.Header("Nr"), XlsxCell.Header("f1"));
            for (var i = 1; i <= 1000; i++)
            {
                codes.WriteRow(i, 4);
                labels.WriteRow(i, "Instämmer helt");
            }
        });
        using var workbook = new Workbook(stream);

        workbook.AssertValid();
        Assert.Equal(["Svar", "Svar (etiketter)"], workbook.SheetNames);
        var rows = workbook.Worksheet("Svar (etiketter)").Descendants<Row>().ToList();
        Assert.Equal(1001, rows.Count);
        Assert.Equal("Instämmer helt", rows[^1].Elements<Cell>().Last().InnerText);
        Assert.Equal("A1:B1001", workbook.Worksheet("Svar (etiketter)").GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public void TheTemporaryFileOfASheetWrittenAsideIsGoneAfterwards()
    {
        var folder = Directory.CreateTempSubdirectory("surveyapp-aside-").FullName;
        try
        {
            using (var package = new XlsxPackageWriter(new MemoryStream(), folder))
            {
                using (var codes = package.AddWorksheet("A", new WorksheetLayout()))
                using (var aside = package.AddWorksheetAside("B", new WorksheetLayout()))
                {
                    var file = Assert.Single(Directory.GetFiles(folder));
                    if (!OperatingSystem.IsWindows())
                    {
                        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                    }
                    aside.WriteRow("text");
                    codes.WriteRow(1);
                }
                package.Complete();
            }

            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CompletingWithASheetStillOpenAsideIsRefused()
    {
        using var package = new XlsxPackageWriter(new MemoryStream());
        using var aside = package.AddWorksheetAside("A", new WorksheetLayout());

        Assert.Throws<InvalidOperationException>(package.Complete);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    [InlineData(16384, "XFD")]
    public void ColumnNumbersBecomeLetters(int column, string name) =>
        Assert.Equal(name, XlsxWorksheetWriter.ColumnName(column));

    [Fact]
    public void RepeatedTextIsWrittenOnceAsASharedStringAndStaysText()
    {
        var stream = Write(package =>
        {
            using var data = package.AddWorksheet("Data", new WorksheetLayout());
            for (var i = 0; i < 3; i++)
            {
                data.WriteRow(XlsxCell.Repeated("Ja, i hög grad"), XlsxCell.Repeated("=1+1"), XlsxCell.String("Öppet svar " + i));
            }
        });
        using var workbook = new Workbook(stream);

        workbook.AssertValid();
        Assert.Equal(["Ja, i hög grad", "=1+1"], workbook.SharedStrings);
        foreach (var row in new[] { 1, 2, 3 })
        {
            Assert.Equal(CellValues.SharedString, workbook.Cell("Data", $"A{row}")!.DataType!.Value);
            Assert.Equal("Ja, i hög grad", workbook.Text("Data", $"A{row}"));
            Assert.Equal("=1+1", workbook.Text("Data", $"B{row}"));
            Assert.Equal(CellValues.InlineString, workbook.Cell("Data", $"C{row}")!.DataType!.Value);
        }
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.True(formats[(int)workbook.Cell("Data", "B1")!.StyleIndex!.Value].QuotePrefix!.Value);
        Assert.Empty(workbook.Worksheet("Data").Descendants<CellFormula>());
    }

    [Fact]
    public void AWorkbookWithoutRepeatedTextHasNoSharedStrings()
    {
        using var workbook = new Workbook(TwoSheets());

        Assert.Null(workbook.Document.WorkbookPart!.SharedStringTablePart);
    }

    [Fact]
    public void TheSharedStringsStopGrowingAtTheirBounds()
    {
        var byEntries = new XlsxSharedStrings(mostEntries: 2, mostCharacters: 1_000);
        Assert.True(byEntries.TryGetIndex("a", out var a));
        Assert.True(byEntries.TryGetIndex("b", out var b));
        Assert.False(byEntries.TryGetIndex("c", out _));
        Assert.True(byEntries.TryGetIndex("a", out var again));
        Assert.Equal((0, 1, 0), (a, b, again));

        var byCharacters = new XlsxSharedStrings(mostEntries: 100, mostCharacters: 5);
        Assert.True(byCharacters.TryGetIndex("abc", out _));
        Assert.False(byCharacters.TryGetIndex("defg", out _));
        Assert.True(byCharacters.TryGetIndex("de", out _));
        Assert.Equal(2, byCharacters.Count);
    }

    [Fact]
    public void EqualTextSharesOneNumberWhicheverStringItComesIn()
    {
        var shared = new XlsxSharedStrings();
        var texts = Enumerable.Range(0, 3_000).Select(i => $"Svar {i}").ToList();
        // More texts than the shortcut by reference has places for: each still gets its own number, found again
        // whether it comes as the same string or as an equal one.
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.True(shared.TryGetIndex(texts[i], out var index));
            Assert.Equal(i, index);
        }
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            Assert.True(shared.TryGetIndex(texts[i], out var same));
            var copy = new string(texts[i].AsSpan());
            Assert.NotSame(texts[i], copy);
            Assert.True(shared.TryGetIndex(copy, out var equal));
            Assert.Equal((i, i), (same, equal));
        }
        Assert.Equal(texts.Count, shared.Count);
    }

    [Fact]
    public void TextLongerThanTheRowBufferArrivesWhole()
    {
        // Over 64 kB of UTF-8 with escapes, Swedish letters and a surrogate pair on every buffer boundary the writer could meet.
        var piece = "Å & <svar> 😀 \r\n";
        var text = string.Concat(Enumerable.Repeat(piece, 9_000));
        // A long run without escapes is encoded in pieces; a piece must not end between the halves of a pair.
        var emoji = string.Concat(Enumerable.Repeat("😀", 30_000));
        var stream = Write(package =>
        {
            using var data = package.AddWorksheet("Data", new WorksheetLayout());
            data.WriteRow(XlsxCell.String(text), XlsxCell.String(" mellanslag först och sist "), XlsxCell.String(emoji));
            data.WriteRow(XlsxCell.Of(0.1), XlsxCell.Of(-12345678901), XlsxCell.Of(double.NaN));
        });
        using var workbook = new Workbook(stream);

        workbook.AssertValid();
        Assert.Equal(text, workbook.Text("Data", "A1"));
        Assert.Equal(" mellanslag först och sist ", workbook.Text("Data", "B1"));
        Assert.Equal(emoji, workbook.Text("Data", "C1"));
        Assert.Equal(["0.1", "-12345678901", "0"], workbook.Rows("Data")[1].Elements<Cell>().Select(c => c.CellValue!.Text));
    }
}
