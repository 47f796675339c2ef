using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Drawing.Charts;
using SurveyApp.Shared;

namespace SurveyApp.Export;

/// <summary>Zero-based; To… is the cell just past the chart's bottom-right corner.</summary>
public readonly record struct XlsxAnchor(int FromColumn, int FromRow, int ToColumn, int ToRow);

public sealed record XlsxChart(ChartSpace Chart, XlsxAnchor Anchor);

/// <summary>Streams one worksheet's rows into its part; dispose it to finish the sheet.</summary>
public sealed class XlsxWorksheetWriter : IDisposable
{
    internal const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    internal const string DrawingRelationshipId = "rIdDrawing1";

    private readonly XmlWriter _xml;
    private readonly WorksheetLayout _layout;
    private readonly XlsxPrintSettings _print;
    private readonly List<string> _merges = [];
    private readonly Action<string?, IReadOnlyList<XlsxChart>> _closed;
    private readonly List<XlsxChart> _charts = [];
    private int _widestRow;
    private readonly List<byte[]> _columnNames = [];
    private readonly XlsxSharedStrings? _shared;

    internal XlsxWorksheetWriter(string name, Stream part, WorksheetLayout layout, XlsxPrintSettings print, Action<string?, IReadOnlyList<XlsxChart>> closed,
        bool closeOutput = true, XlsxSharedStrings? shared = null)
    {
        _shared = shared;
        Name = name;
        _layout = layout;
        _print = print;
        _closed = closed;
        _xml = XlsxPackageWriter.CreateXmlWriter(part, closeOutput);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", MainNs);
        // Printed scaled to fit (pageSetup says how): first of the worksheet's elements.
        _xml.WriteStartElement("sheetPr");
        _xml.WriteStartElement("pageSetUpPr");
        _xml.WriteAttributeString("fitToPage", "1");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        if (layout.FreezeHeader)
        {
            _xml.WriteStartElement("sheetViews");
            _xml.WriteStartElement("sheetView");
            _xml.WriteAttributeString("workbookViewId", "0");
            _xml.WriteStartElement("pane");
            _xml.WriteAttributeString("ySplit", "1");
            _xml.WriteAttributeString("topLeftCell", "A2");
            _xml.WriteAttributeString("activePane", "bottomLeft");
            _xml.WriteAttributeString("state", "frozen");
            _xml.WriteEndElement();
            _xml.WriteStartElement("selection");
            _xml.WriteAttributeString("pane", "bottomLeft");
            _xml.WriteAttributeString("activeCell", "A2");
            _xml.WriteAttributeString("sqref", "A2");
            _xml.WriteEndElement();
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
        if (layout.ColumnWidths.Count > 0)
        {
            _xml.WriteStartElement("cols");
            for (var i = 0; i < layout.ColumnWidths.Count; i++)
            {
                _xml.WriteStartElement("col");
                _xml.WriteAttributeString("min", Number(i + 1));
                _xml.WriteAttributeString("max", Number(i + 1));
                _xml.WriteAttributeString("width", layout.ColumnWidths[i].ToString("0.##", CultureInfo.InvariantCulture));
                _xml.WriteAttributeString("customWidth", "1");
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        // The rows go straight into the part as UTF-8 (XlsxRowBuffer); the XmlWriter writes what comes before and after.
        _xml.WriteRaw("<sheetData>");
        _xml.Flush();
        _rows = new XlsxRowBuffer(part);
    }

    private readonly XlsxRowBuffer _rows;

    public string Name { get; }

    public string Reference => QuoteSheetName(Name);

    /// <summary>A sheet name quoted for a formula: 'It''s' for It's.</summary>
    public static string QuoteSheetName(string name) => $"'{name.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Its series should reference this sheet's cells; the parts are written when the sheet is disposed.</summary>
    public void AddChart(ChartSpace chart, XlsxAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (IsClosed) throw new InvalidOperationException("The worksheet is finished.");
        _charts.Add(new XlsxChart(chart, anchor));
    }

    public int RowCount { get; private set; }

    /// <summary>The most rows a worksheet holds in Excel (and LibreOffice); a row beyond it is refused rather than written into a file they cannot open.</summary>
    public const int MaxRows = 1_048_576;

    internal bool IsClosed { get; private set; }

    public void WriteRow(params XlsxCell[] cells) => WriteRow((IEnumerable<XlsxCell>)cells);

    /// <summary>One cell across the first <paramref name="columns"/> columns (a title over its table), wrapped within them.</summary>
    public void WriteMergedRow(XlsxCell cell, int columns)
    {
        var row = Number(RowCount + 1);
        if (columns > 1) _merges.Add($"A{row}:{ColumnName(columns)}{row}");
        _mergedColumns = columns;
        WriteRow(cell);
        _mergedColumns = 1;
    }

    private int _mergedColumns = 1;

    public void WriteRow(IEnumerable<XlsxCell> cells)
    {
        if (IsClosed) throw new InvalidOperationException("The worksheet is finished.");
        if (RowCount >= MaxRows) throw new InvalidOperationException($"A worksheet holds at most {MaxRows:N0} rows.");
        var row = ++RowCount;
        var list = cells as IReadOnlyList<XlsxCell> ?? cells.ToList();
        // The row's number, written once here and copied into the references of cells after a gap.
        Span<byte> number = stackalloc byte[16];
        Utf8Formatter.TryFormat(row, number, out var digits);
        number = number[..digits];
        _rows.Write("<row r=\""u8);
        _rows.Write(number);
        if (Height(list) is { } height)
        {
            // Wrapped text gets the lines it needs: readers do not all grow a row to fit (LibreOffice does not
            // when converting), and a header would otherwise run over the row below it when printed.
            _rows.Write("\" ht=\""u8);
            _rows.Write(HeightText(height));
            _rows.Write("\" customHeight=\"1"u8);
        }
        _rows.Write("\">"u8);
        var column = 0;
        var previous = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var cell = list[i];
            column++;
            if (cell.Kind == XlsxCellKind.Empty) continue;
            // A cell right after the row's previous one needs no reference (readers count it on): the references
            // were nearly half of a big sheet's XML, and as their numbers change on every row, more than half of
            // the compressed file. A cell after a gap says where it is.
            if (column == previous + 1)
            {
                _rows.Write("<c"u8);
            }
            else
            {
                _rows.Write("<c r=\""u8);
                _rows.Write(CachedColumnName(column));
                _rows.Write(number);
                _rows.Write("\""u8);
            }
            previous = column;
            if (cell.Style != XlsxStyle.Default)
            {
                _rows.Write(" s=\""u8);
                _rows.Write((int)cell.Style);
                _rows.Write("\""u8);
            }
            if (cell.Kind == XlsxCellKind.Number)
            {
                _rows.Write("><v>"u8);
                WriteNumber(cell.Number);
                _rows.Write("</v></c>"u8);
            }
            else if (cell.Repeats && _shared is not null && _shared.TryGetIndex(cell.Text!, out var index))
            {
                _rows.Write(" t=\"s\"><v>"u8);
                _rows.Write(index);
                _rows.Write("</v></c>"u8);
            }
            else
            {
                // An inline string is text by definition: Excel never evaluates it.
                var text = CellText.ForXml(cell.Text!);
                _rows.Write(HasOuterSpace(text)
                    ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8
                    : " t=\"inlineStr\"><is><t>"u8);
                _rows.WriteText(text);
                _rows.Write("</t></is></c>"u8);
            }
        }
        _rows.Write("</row>"u8);
        _widestRow = Math.Max(_widestRow, column);
    }

    // Points per line of an 11-point and of the 14-point title font; characters of a column's width that a line of
    // bold or larger text holds, roughly.
    private const double LineHeight = 15;
    private const double TitleLineHeight = 18.75;

    // Called for every row of a sheet with widths, so it counts lines without splitting the text.
    private double? Height(IReadOnlyList<XlsxCell> cells)
    {
        if (_layout.ColumnWidths.Count == 0) return null;
        double tallest = 0;
        var titled = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            titled |= cell.Style == XlsxStyle.Title;
            if (cell.Kind != XlsxCellKind.Text || cell.Style is not (XlsxStyle.Header or XlsxStyle.Title or XlsxStyle.Wrapped)) continue;
            var width = ColumnWidth(i);
            for (var merged = 1; i == 0 && merged < _mergedColumns; merged++) width += ColumnWidth(merged);
            var title = cell.Style == XlsxStyle.Title;
            var perLine = Math.Max(1, width * (title ? 0.75 : cell.Style == XlsxStyle.Header ? 0.9 : 1.0) - 1);
            tallest = Math.Max(tallest, Lines(cell.Text!, perLine) * (title ? TitleLineHeight : LineHeight));
        }
        return tallest > (titled ? TitleLineHeight : LineHeight) ? tallest : null;
    }

    // Lines of text broken at its line breaks and wrapped at perLine characters.
    private static int Lines(string text, double perLine)
    {
        var lines = 0;
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            lines += Math.Max(1, (int)Math.Ceiling(length / perLine));
            if (end < 0) return lines;
            start = end + 1;
        }
    }

    // Heights are a few multiples of a line's, and an open answer's sheet has a height on nearly every row.
    private readonly Dictionary<double, byte[]> _heightTexts = [];

    private byte[] HeightText(double height)
    {
        if (!_heightTexts.TryGetValue(height, out var text))
        {
            text = Encoding.ASCII.GetBytes(height.ToString("0.##", CultureInfo.InvariantCulture));
            if (_heightTexts.Count < 1024) _heightTexts.Add(height, text);
        }
        return text;
    }

    private double ColumnWidth(int index) => index < _layout.ColumnWidths.Count ? _layout.ColumnWidths[index] : 8.43;

    /// <summary>Whole numbers (counts, codes) as integers, which is most of them; others round-trip exactly.</summary>
    private void WriteNumber(double number)
    {
        if (!double.IsFinite(number)) _rows.Write(0);
        else if (number == Math.Floor(number) && Math.Abs(number) < 1e15) _rows.Write((long)number);
        else _rows.Write(number);
    }

    private byte[] CachedColumnName(int column)
    {
        while (_columnNames.Count < column)
        {
            _columnNames.Add(Encoding.ASCII.GetBytes(ColumnName(_columnNames.Count + 1)));
        }
        return _columnNames[column - 1];
    }

    public void Dispose()
    {
        if (IsClosed) return;
        IsClosed = true;
        _rows.Flush();
        _xml.WriteRaw("</sheetData>");
        string? range = null;
        if (_layout.AutoFilter && RowCount > 0)
        {
            var columns = Math.Max(1, Math.Max(_widestRow, _layout.ColumnWidths.Count));
            range = $"$A$1:${ColumnName(columns)}${Number(RowCount)}";
            _xml.WriteStartElement("autoFilter");
            _xml.WriteAttributeString("ref", range.Replace("$", "", StringComparison.Ordinal));
            _xml.WriteEndElement();
        }
        if (_merges.Count > 0)
        {
            _xml.WriteStartElement("mergeCells");
            _xml.WriteAttributeString("count", Number(_merges.Count));
            foreach (var merge in _merges)
            {
                _xml.WriteStartElement("mergeCell");
                _xml.WriteAttributeString("ref", merge);
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        WritePageSetup();
        if (_charts.Count > 0)
        {
            // After pageMargins, as CT_Worksheet orders it; one drawing part holds every chart of the sheet.
            _xml.WriteStartElement("drawing", MainNs);
            _xml.WriteAttributeString("r", "id", XlsxPackageWriter.RelNs, DrawingRelationshipId);
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement(); // worksheet
        _xml.WriteEndDocument();
        _xml.Dispose();
        _closed(range, _charts);
    }

    // A4, scaled to one page wide (or to one page), narrow margins, and on every page the survey and wave at the
    // top, the sheet's name and the page number at the bottom.
    private void WritePageSetup()
    {
        _xml.WriteStartElement("pageMargins");
        foreach (var (name, value) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.7"), ("bottom", "0.7"), ("header", "0.3"), ("footer", "0.3") })
        {
            _xml.WriteAttributeString(name, value);
        }
        _xml.WriteEndElement();
        _xml.WriteStartElement("pageSetup");
        _xml.WriteAttributeString("paperSize", "9");
        _xml.WriteAttributeString("fitToWidth", "1");
        _xml.WriteAttributeString("fitToHeight", _layout.Fit == PrintFit.Page ? "1" : "0");
        _xml.WriteAttributeString("orientation", _layout.Landscape ? "landscape" : "portrait");
        _xml.WriteEndElement();
        _xml.WriteStartElement("headerFooter");
        if (_print.Header.Length > 0)
        {
            _xml.WriteElementString("oddHeader", "&L" + HeaderText(_print.Header, 200));
        }
        _xml.WriteElementString("oddFooter", "&L&A&R" + string.Format(CultureInfo.InvariantCulture, HeaderText(_print.PageNumber, 60), "&P", "&N"));
        _xml.WriteEndElement();
    }

    // Header and footer text: an ampersand starts a code there, so a literal one is doubled; the whole stays within
    // the 255 characters a header may hold.
    private static string HeaderText(string text, int most)
    {
        var plain = CellText.ForXml(text).Replace("&", "&&", StringComparison.Ordinal);
        return plain.Length <= most ? plain : plain[..(most - 1)] + "…";
    }

    /// <summary>Whether text begins or ends with white space, which a reader keeps only where xml:space says "preserve".</summary>
    internal static bool HasOuterSpace(string text) => text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));

    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
