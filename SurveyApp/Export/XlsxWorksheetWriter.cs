using System.Globalization;
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
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    internal const string DrawingRelationshipId = "rIdDrawing1";

    private readonly XmlWriter _xml;
    private readonly WorksheetLayout _layout;
    private readonly Action<string?, IReadOnlyList<XlsxChart>> _closed;
    private readonly List<XlsxChart> _charts = [];
    private int _widestRow;
    private readonly List<string> _columnNames = [];

    internal XlsxWorksheetWriter(string name, Stream part, WorksheetLayout layout, Action<string?, IReadOnlyList<XlsxChart>> closed,
        bool closeOutput = true)
    {
        Name = name;
        _layout = layout;
        _closed = closed;
        _xml = XlsxPackageWriter.CreateXmlWriter(part, closeOutput);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", MainNs);
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
        _xml.WriteStartElement("sheetData");
    }

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

    internal bool IsClosed { get; private set; }

    public void WriteRow(params XlsxCell[] cells) => WriteRow((IEnumerable<XlsxCell>)cells);

    public void WriteRow(IEnumerable<XlsxCell> cells)
    {
        if (IsClosed) throw new InvalidOperationException("The worksheet is finished.");
        var row = ++RowCount;
        var rowText = Number(row);
        _xml.WriteStartElement("row");
        _xml.WriteAttributeString("r", rowText);
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell.Kind == XlsxCellKind.Empty) continue;
            _xml.WriteStartElement("c");
            _xml.WriteStartAttribute("r");
            _xml.WriteString(CachedColumnName(column));
            _xml.WriteString(rowText);
            _xml.WriteEndAttribute();
            if (cell.Style != XlsxStyle.Default) _xml.WriteAttributeString("s", Number((int)cell.Style));
            if (cell.Kind == XlsxCellKind.Number)
            {
                _xml.WriteStartElement("v", MainNs);
                WriteNumber(cell.Number);
                _xml.WriteEndElement();
            }
            else
            {
                // An inline string is text by definition: Excel never evaluates it.
                _xml.WriteAttributeString("t", "inlineStr");
                _xml.WriteStartElement("is");
                _xml.WriteStartElement("t");
                _xml.WriteAttributeString("xml", "space", null, "preserve");
                _xml.WriteString(CellText.ForXml(cell.Text!));
                _xml.WriteEndElement();
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        _widestRow = Math.Max(_widestRow, column);
        _xml.WriteEndElement();
    }

    /// <summary>Whole numbers (counts, codes) as integers, which is most of them; others round-trip exactly.</summary>
    private void WriteNumber(double number)
    {
        if (!double.IsFinite(number)) _xml.WriteString("0");
        else if (number == Math.Floor(number) && Math.Abs(number) < 1e15) _xml.WriteValue((long)number);
        else _xml.WriteString(number.ToString("R", CultureInfo.InvariantCulture));
    }

    private string CachedColumnName(int column)
    {
        while (_columnNames.Count < column)
        {
            _columnNames.Add(ColumnName(_columnNames.Count + 1));
        }
        return _columnNames[column - 1];
    }

    public void Dispose()
    {
        if (IsClosed) return;
        IsClosed = true;
        _xml.WriteEndElement(); // sheetData
        string? range = null;
        if (_layout.AutoFilter && RowCount > 0)
        {
            var columns = Math.Max(1, Math.Max(_widestRow, _layout.ColumnWidths.Count));
            range = $"$A$1:${ColumnName(columns)}${Number(RowCount)}";
            _xml.WriteStartElement("autoFilter");
            _xml.WriteAttributeString("ref", range.Replace("$", "", StringComparison.Ordinal));
            _xml.WriteEndElement();
        }
        _xml.WriteStartElement("pageMargins");
        foreach (var (name, value) in new[] { ("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3") })
        {
            _xml.WriteAttributeString(name, value);
        }
        _xml.WriteEndElement();
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
