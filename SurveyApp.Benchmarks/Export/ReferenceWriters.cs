using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using OfficeOpenXml;
using CompressionLevel = System.IO.Compression.CompressionLevel;
using SurveyApp.Domain;
using SurveyApp.Export;

namespace SurveyApp.Benchmarks.Export;

/// <summary>
/// The app's own workbook writer (<see cref="XlsxPackageWriter"/>) writing only the Svar sheet, laid out
/// as <see cref="ResponseExport"/> lays it out (header style, frozen header, filter, column widths), from
/// the same read as the references: the app's writing on content comparable with theirs.
/// </summary>
public static class AppSvarWriter
{
    public static async Task<int> WriteAsync(ISvarRows rows, Stream output)
    {
        var layout = new WorksheetLayout
        {
            FreezeHeader = true,
            AutoFilter = true,
            ColumnWidths = [8, 14, .. rows.Columns.Columns.Select(c => c.Question.Kind is QuestionKind.Text or QuestionKind.Texts ? 40d : 14d)],
        };
        using var package = new XlsxPackageWriter(output);
        var count = 0;
        using (var sheet = package.AddWorksheet(ExportTexts.ResponsesSheet, layout))
        {
            sheet.WriteRow(rows.Header.Select(XlsxCell.Header));
            await foreach (var cells in rows.ReadAsync())
            {
                count++;
                sheet.WriteRow(cells.Select(c => c switch
                {
                    int n => XlsxCell.Of(n),
                    string text => XlsxCell.String(text),
                    _ => XlsxCell.Empty,
                }));
            }
        }
        package.Complete();
        return count;
    }
}

/// <summary>
/// EPPlus 4.5.3.3 (the last LGPL version) writing the Svar sheet: the usual way to write a workbook
/// with a library, every cell set through <see cref="ExcelWorksheet.SetValue(int, int, object)"/> (its
/// fastest per-cell path) and the package saved to the stream at the end.
/// </summary>
public static class EpplusSvarWriter
{
    public static async Task<int> WriteAsync(ISvarRows rows, Stream output)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add(ExportTexts.ResponsesSheet);
        for (var c = 0; c < rows.Header.Count; c++)
        {
            sheet.SetValue(1, c + 1, rows.Header[c]);
        }
        var row = 1;
        await foreach (var cells in rows.ReadAsync())
        {
            row++;
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is { } value)
                {
                    sheet.SetValue(row, c + 1, value);
                }
            }
        }
        package.SaveAs(output);
        return row - 1;
    }
}

/// <summary>
/// The floor: the least an .xlsx with the Svar sheet needs, a ZIP archive (create mode) with five parts,
/// the sheet streamed through an <see cref="XmlWriter"/> with inline strings, no styles, no layout.
/// Sheet compression as the app's (<see cref="CompressionLevel.Fastest"/>).
/// </summary>
public static class FloorSvarWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    public static async Task<int> WriteAsync(ISvarRows rows, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Part(zip, "[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", ContentTypesNs);
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, "/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            w.WriteEndElement();
        });
        Part(zip, "_rels/.rels", w => Relationships(w, RelNs + "/officeDocument", "xl/workbook.xml"));
        Part(zip, "xl/_rels/workbook.xml.rels", w => Relationships(w, RelNs + "/worksheet", "worksheets/sheet1.xml"));
        Part(zip, "xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", MainNs);
            w.WriteAttributeString("xmlns", "r", null, RelNs);
            w.WriteStartElement("sheets", MainNs);
            w.WriteStartElement("sheet", MainNs);
            w.WriteAttributeString("name", ExportTexts.ResponsesSheet);
            w.WriteAttributeString("sheetId", "1");
            w.WriteAttributeString("id", RelNs, "rId1");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });

        var columnNames = Enumerable.Range(1, rows.Header.Count).Select(ColumnName).ToArray();
        var count = 0;
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using (var stream = entry.Open())
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartElement("worksheet", MainNs);
            w.WriteStartElement("sheetData", MainNs);
            Row(w, 1, columnNames, rows.Header.ToArray<object?>());
            await foreach (var cells in rows.ReadAsync())
            {
                count++;
                Row(w, count + 1, columnNames, cells);
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return count;
    }

    private static void Row(XmlWriter w, int number, string[] columnNames, object?[] cells)
    {
        var rowText = number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", MainNs);
        w.WriteAttributeString("r", rowText);
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] is not { } value) continue;
            w.WriteStartElement("c", MainNs);
            w.WriteAttributeString("r", columnNames[c] + rowText);
            if (value is int n)
            {
                w.WriteElementString("v", MainNs, n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", MainNs);
                w.WriteElementString("t", MainNs, (string)value);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var w = XmlWriter.Create(stream, Settings);
        write(w);
    }

    private static void Relationships(XmlWriter w, string type, string target)
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        w.WriteStartElement("Relationship", PackageRelNs);
        w.WriteAttributeString("Id", "rId1");
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Default(XmlWriter w, string extension, string contentType)
    {
        w.WriteStartElement("Default", ContentTypesNs);
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", contentType);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string contentType)
    {
        w.WriteStartElement("Override", ContentTypesNs);
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", contentType);
        w.WriteEndElement();
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }
}
