using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace SurveyApp.Export;

/// <summary>How a printed sheet fits its paper: one page wide (as many pages down as its rows need), or all on one page.</summary>
public enum PrintFit { Width, Page }

/// <summary>How a worksheet is laid out and printed; all of it is written before the rows, except the filter.</summary>
public sealed record WorksheetLayout
{
    /// <summary>Widths of the first columns, in characters.</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    public bool FreezeHeader { get; init; }

    public bool AutoFilter { get; init; }

    public bool Landscape { get; init; }

    public PrintFit Fit { get; init; } = PrintFit.Width;

    /// <summary>The first rows, printed again at the top of every page (a table's header).</summary>
    public int PrintTitleRows { get; init; }
}

/// <summary>
/// What every printed page of the workbook carries and how its numbers read: a header (survey and wave), the
/// sheet's name and the page number in the footer, and shares written as the workbook's language writes them.
/// </summary>
public sealed record XlsxPrintSettings
{
    public static readonly XlsxPrintSettings Plain = new();

    /// <summary>At the top left of every page; empty for none.</summary>
    public string Header { get; init; } = "";

    /// <summary>The page number in the footer, with {0} for the page and {1} for the number of pages.</summary>
    public string PageNumber { get; init; } = "{0} / {1}";

    /// <summary>The number format of shares: "0%" in English, "0 %" (with a space) in Swedish.</summary>
    public string PercentFormat { get; init; } = "0%";
}

/// <summary>
/// Writes an .xlsx workbook straight into a ZIP archive (create mode), one worksheet at a time, rows
/// streamed through an <see cref="XmlWriter"/>: memory does not grow with the number of rows. (The Open
/// XML SDK's SpreadsheetDocument keeps every part in memory until it is closed.)
/// </summary>
public sealed class XlsxPackageWriter : IDisposable
{
    internal const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly SheetNames _names = new();
    private readonly XlsxSharedStrings _shared = new();
    private readonly List<SheetEntry> _sheets = [];
    private readonly List<int> _drawings = [];
    private int _chartCount;
    private XlsxWorksheetWriter? _open;
    private readonly Queue<Action> _pending = new();
    private readonly List<FileStream> _aside = [];
    private bool _completed;

    private sealed record SheetEntry(string Name, int Number, string? FilterRange, int PrintTitleRows = 0);

    private readonly string _tempFolder;

    /// <param name="output">Where the archive goes; left open.</param>
    public XlsxPackageWriter(Stream output, string? tempFolder = null, XlsxPrintSettings? print = null)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _tempFolder = tempFolder ?? Path.GetTempPath();
        Print = print ?? XlsxPrintSettings.Plain;
    }

    public XlsxPrintSettings Print { get; }

    /// <summary>The previous sheet must be disposed first.</summary>
    public XlsxWorksheetWriter AddWorksheet(string name, WorksheetLayout layout, int? position = null)
    {
        if (_open is { IsClosed: false }) throw new InvalidOperationException("Dispose the previous worksheet before starting another.");
        var (number, sheetName) = Register(name, position, layout.PrintTitleRows);
        _open = new XlsxWorksheetWriter(sheetName, _zip.CreateEntry(SheetPath(number), CompressionLevel.Fastest).Open(), layout, Print,
            (range, charts) => Finished(number, range, charts), shared: _shared);
        return _open;
    }

    /// <summary>
    /// Written into a temporary file while another sheet is written (a ZIP in create mode takes one entry at a time),
    /// so that one pass over the data can fill two sheets; it joins the archive once disposed and no other sheet is open.
    /// </summary>
    public XlsxWorksheetWriter AddWorksheetAside(string name, WorksheetLayout layout, int? position = null)
    {
        var (number, sheetName) = Register(name, position, layout.PrintTitleRows);
        // The sheet holds answers: readable by the app's own user only, and gone when closed.
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None,
            BufferSize = 65536, Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var aside = new FileStream(Path.Combine(_tempFolder, $"surveyapp-sheet-{Guid.NewGuid():N}.xml"), options);
        _aside.Add(aside);
        return new XlsxWorksheetWriter(sheetName, aside, layout, Print, (range, charts) =>
        {
            _pending.Enqueue(() =>
            {
                aside.Position = 0;
                using (var entry = _zip.CreateEntry(SheetPath(number), CompressionLevel.Fastest).Open())
                {
                    aside.CopyTo(entry);
                }
                _aside.Remove(aside);
                aside.Dispose();
                Finished(number, range, charts);
            });
            if (_open is not { IsClosed: false }) WritePending();
        }, closeOutput: false, shared: _shared);
    }

    private (int Number, string Name) Register(string name, int? position, int printTitleRows)
    {
        if (_completed) throw new InvalidOperationException("The workbook is complete.");
        var number = _sheets.Count + 1;
        var sheetName = _names.Add(name);
        var index = position is { } p ? Math.Clamp(p, 0, _sheets.Count) : _sheets.Count;
        _sheets.Insert(index, new SheetEntry(sheetName, number, null, printTitleRows));
        return (number, sheetName);
    }

    private static string SheetPath(int number) => $"xl/worksheets/sheet{number}.xml";

    private void Finished(int number, string? range, IReadOnlyList<XlsxChart> charts)
    {
        var i = _sheets.FindIndex(s => s.Number == number);
        _sheets[i] = _sheets[i] with { FilterRange = range };
        if (charts.Count > 0) WriteDrawing(number, charts);
        WritePending();
    }

    private void WritePending()
    {
        while (_pending.TryDequeue(out var write))
        {
            write();
        }
    }

    public IReadOnlyList<string> SheetNamesInOrder => _sheets.Select(s => s.Name).ToList();

    public void Complete()
    {
        if (_completed) return;
        if (_open is { IsClosed: false }) _open.Dispose();
        if (_aside.Count > 0) throw new InvalidOperationException("Dispose every worksheet written aside before completing the workbook.");
        if (_sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one worksheet.");
        WritePart("xl/styles.xml", w => Styles().WriteTo(w));
        if (_shared.Count > 0) WritePart(XlsxSharedStrings.Path, w => _shared.WriteTo(w, XlsxWorksheetWriter.MainNs));
        WritePart("xl/workbook.xml", w => WorkbookPart().WriteTo(w));
        WritePart("xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            foreach (var sheet in _sheets)
            {
                Relationship(w, $"rId{sheet.Number}", RelNs + "/worksheet", $"worksheets/sheet{sheet.Number}.xml");
            }
            Relationship(w, "rIdStyles", RelNs + "/styles", "styles.xml");
            if (_shared.Count > 0) Relationship(w, "rIdStrings", RelNs + "/sharedStrings", "sharedStrings.xml");
            w.WriteEndElement();
        });
        WritePart("_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            Relationship(w, "rId1", RelNs + "/officeDocument", "xl/workbook.xml");
            w.WriteEndElement();
        });
        WritePart("[Content_Types].xml", w =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            w.WriteStartElement("Types", ns);
            ContentDefault(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            ContentDefault(w, ns, "xml", "application/xml");
            ContentOverride(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            ContentOverride(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            if (_shared.Count > 0)
            {
                ContentOverride(w, ns, "/" + XlsxSharedStrings.Path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
            }
            foreach (var sheet in _sheets.OrderBy(s => s.Number))
            {
                ContentOverride(w, ns, $"/xl/worksheets/sheet{sheet.Number}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
            foreach (var drawing in _drawings)
            {
                ContentOverride(w, ns, $"/xl/drawings/drawing{drawing}.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
            }
            for (var chart = 1; chart <= _chartCount; chart++)
            {
                ContentOverride(w, ns, $"/xl/charts/chart{chart}.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
            }
            w.WriteEndElement();
        });
        _completed = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        _open?.Dispose();
        foreach (var aside in _aside)
        {
            aside.Dispose();
        }
        _zip.Dispose();
    }

    internal static XmlWriter CreateXmlWriter(Stream stream, bool closeOutput = true) => XmlWriter.Create(stream, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = closeOutput,
    });

    private void WritePart(string path, Action<XmlWriter> write)
    {
        using var writer = CreateXmlWriter(_zip.CreateEntry(path, CompressionLevel.Fastest).Open());
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }

    // Called once the sheet's entry is closed: a ZIP in create mode writes one entry at a time.
    private void WriteDrawing(int sheetNumber, IReadOnlyList<XlsxChart> charts)
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        var chartTargets = new List<(string Id, int Number)>();
        for (var i = 0; i < charts.Count; i++)
        {
            var chartNumber = ++_chartCount;
            var relId = $"rId{i + 1}";
            chartTargets.Add((relId, chartNumber));
            WritePart($"xl/charts/chart{chartNumber}.xml", w => charts[i].Chart.WriteTo(w));
            drawing.Append(Anchor(charts[i].Anchor, (uint)(i + 2), relId));
        }
        WritePart($"xl/drawings/drawing{sheetNumber}.xml", w => drawing.WriteTo(w));
        WritePart($"xl/drawings/_rels/drawing{sheetNumber}.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            foreach (var (id, number) in chartTargets)
            {
                Relationship(w, id, RelNs + "/chart", $"../charts/chart{number}.xml");
            }
            w.WriteEndElement();
        });
        WritePart($"xl/worksheets/_rels/sheet{sheetNumber}.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            Relationship(w, XlsxWorksheetWriter.DrawingRelationshipId, RelNs + "/drawing", $"../drawings/drawing{sheetNumber}.xml");
            w.WriteEndElement();
        });
        _drawings.Add(sheetNumber);
    }

    private static Xdr.TwoCellAnchor Anchor(XlsxAnchor anchor, uint shapeId, string chartRelId)
    {
        static T Marker<T>(int column, int row) where T : OpenXmlCompositeElement, new()
        {
            var marker = new T();
            marker.Append(
                new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0"));
            return marker;
        }
        var chartReference = new C.ChartReference { Id = chartRelId };
        chartReference.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        chartReference.AddNamespaceDeclaration("r", RelNs);
        var frame = new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(
                new Xdr.NonVisualDrawingProperties { Id = shapeId, Name = $"Diagram {shapeId - 1}" },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(chartReference) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { Macro = "" };
        return new Xdr.TwoCellAnchor(
            Marker<Xdr.FromMarker>(anchor.FromColumn, anchor.FromRow),
            Marker<Xdr.ToMarker>(anchor.ToColumn, anchor.ToRow),
            frame,
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };
    }

    private Workbook WorkbookPart()
    {
        var sheets = new Sheets(_sheets.Select(s => new Sheet { Name = s.Name, SheetId = (uint)s.Number, Id = $"rId{s.Number}" }));
        var workbook = new Workbook();
        workbook.AddNamespaceDeclaration("r", RelNs);
        workbook.Append(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        var filters = _sheets.Select((s, i) => (s, i)).Where(x => x.s.FilterRange is not null)
            .Select(x => new DefinedName($"{XlsxWorksheetWriter.QuoteSheetName(x.s.Name)}!{x.s.FilterRange}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)x.i,
                Hidden = true,
            });
        // The rows printed again at the top of every page.
        var titles = _sheets.Select((s, i) => (s, i)).Where(x => x.s.PrintTitleRows > 0)
            .Select(x => new DefinedName($"{XlsxWorksheetWriter.QuoteSheetName(x.s.Name)}!$1:${x.s.PrintTitleRows.ToString(CultureInfo.InvariantCulture)}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)x.i,
            });
        var names = filters.Concat(titles).ToList();
        if (names.Count > 0) workbook.Append(new DefinedNames(names));
        return workbook;
    }

    private Stylesheet Styles()
    {
        static CellFormat Format(uint font = 0, uint numberFormat = 0) =>
            new() { FontId = font, FillId = 0, BorderId = 0, FormatId = 0, NumberFormatId = numberFormat, ApplyFont = font != 0, ApplyNumberFormat = numberFormat != 0 };
        var percent = Format(numberFormat: Print.PercentFormat == "0%" ? 9u : 165u);
        var quoted = Format();
        quoted.QuotePrefix = true;
        var wrapped = Format();
        wrapped.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        wrapped.ApplyAlignment = true;
        var header = Format(font: 1);
        header.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        header.ApplyAlignment = true;
        var title = Format(font: 2);
        title.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        title.ApplyAlignment = true;
        var formats = new Dictionary<XlsxStyle, CellFormat>
        {
            [XlsxStyle.Default] = Format(),
            [XlsxStyle.Header] = header,
            [XlsxStyle.Percent] = percent,
            [XlsxStyle.QuotedText] = quoted,
            [XlsxStyle.DateTime] = Format(numberFormat: 164),
            [XlsxStyle.Wrapped] = wrapped,
            [XlsxStyle.Title] = title,
        };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = Print.PercentFormat }) { Count = 2 },
            new Fonts(Font(false, 11), Font(true, 11), Font(true, 14)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(Enum.GetValues<XlsxStyle>().OrderBy(s => (int)s).Select(s => formats[s])) { Count = (uint)formats.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void ContentDefault(XmlWriter w, string ns, string extension, string type)
    {
        w.WriteStartElement("Default", ns);
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void ContentOverride(XmlWriter w, string ns, string part, string type)
    {
        w.WriteStartElement("Override", ns);
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }
}
