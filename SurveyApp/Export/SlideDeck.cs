using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SurveyApp.Shared;

namespace SurveyApp.Export;

/// <summary>One slide: a heading, an optional chart (PNG) and table, and lines of text under them.</summary>
public sealed record Slide(string Heading, byte[]? Chart, int ChartWidth, int ChartHeight, IReadOnlyList<string>? TableHeader,
    IReadOnlyList<IReadOnlyList<string>> TableRows, IReadOnlyList<string> Notes);

/// <summary>
/// Writes a PowerPoint file (16:9) of a title slide and content slides, each with its heading, the chart placed at
/// 300 dpi above its table (or beside it where both do not fit) and its notes (base, test) under them. Plain shapes on a blank layout,
/// so the slides can be copied into any presentation and take its fonts.
/// </summary>
public static class SlideDeck
{
    private const long SlideWidth = 12192000;
    private const long SlideHeight = 6858000;
    private const long Margin = 457200;

    /// <summary>The height each of a table's rows is given.</summary>
    private const long TableRowHeight = 320000;

    // Notes in 12 pt, a line of them 1.2 times that (in EMU: 12700 a point), inside a text box's default insets
    // (0.05 in above and below), and kept 0.16 in off the slide's lower edge.
    private const int NotesSize = 1200;
    private const long NotesLineHeight = 12 * 12700 * 12 / 10 + 8000;
    private const long NotesInset = 91440;
    private const long NotesBottom = 150000;

    // A line of 12 pt text across the slide holds some 130 characters of a plain sans-serif font; 100 leaves room for a
    // wider font in the presentation the slides are copied into.
    private const int NotesCharactersPerLine = 100;

    /// <summary>The lines the notes take, a long one counted as the lines it wraps to.</summary>
    internal static int NotesLines(IReadOnlyList<string> notes) =>
        notes.Sum(note => Math.Max(1, (note.Length + NotesCharactersPerLine - 1) / NotesCharactersPerLine));

    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    public static void Write(Stream output, string language, IReadOnlyList<string> title, IReadOnlyList<Slide> slides)
    {
        using var document = PresentationDocument.Create(output, PresentationDocumentType.Presentation);
        var presentation = document.AddPresentationPart();
        var master = presentation.AddNewPart<SlideMasterPart>();
        var layout = master.AddNewPart<SlideLayoutPart>();
        layout.AddPart(master);
        var theme = master.AddNewPart<ThemePart>();
        presentation.AddPart(theme);
        Feed(theme, Theme());
        Feed(layout, $"""<p:sldLayout xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}" type="blank" preserve="1"><p:cSld name="Blank">{EmptyTree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>""");
        Feed(master, $"""
            <p:sldMaster xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>{EmptyTree}</p:cSld>
            <p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>
            <p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="{master.GetIdOfPart(layout)}"/></p:sldLayoutIdLst></p:sldMaster>
            """);

        var ids = new StringBuilder();
        var number = 256;
        foreach (var content in new[] { TitleSlide(title) }.Concat(slides.Select(s => (Func<SlidePart, string>)(part => ContentSlide(part, s, language)))))
        {
            var part = presentation.AddNewPart<SlidePart>();
            part.AddPart(layout);
            Feed(part, content(part));
            ids.Append(CultureInfo.InvariantCulture, $"""<p:sldId id="{number++}" r:id="{presentation.GetIdOfPart(part)}"/>""");
        }
        Feed(presentation, $"""
            <p:presentation xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}" saveSubsetFonts="1">
            <p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="{presentation.GetIdOfPart(master)}"/></p:sldMasterIdLst>
            <p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{SlideWidth}" cy="{SlideHeight}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>
            """);

        Func<SlidePart, string> TitleSlide(IReadOnlyList<string> lines) => _ =>
        {
            var shapes = new StringBuilder();
            shapes.Append(TextBox(2, "Title", Margin, 2000000, SlideWidth - 2 * Margin, 1100000, [lines[0]], 3600, bold: true, language));
            shapes.Append(TextBox(3, "Subtitle", Margin, 3200000, SlideWidth - 2 * Margin, 1600000, lines.Skip(1).ToList(), 2000, bold: false, language));
            return SlideXml(shapes.ToString());
        };
    }

    private static string ContentSlide(SlidePart part, Slide slide, string language)
    {
        var shapes = new StringBuilder();
        shapes.Append(TextBox(2, "Heading", Margin, 228600, SlideWidth - 2 * Margin, 1000000, [slide.Heading], 2200, bold: true, language));
        const long top = 1350000;
        const long gap = 228600;
        // The notes take the lines they have at the foot of the slide; the chart and table get the room above them.
        var notesHeight = NotesInset + NotesLineHeight * NotesLines(slide.Notes);
        // A slide with nothing to draw (an open question not yet coded, a view too small to show) has its notes under
        // its heading instead.
        var notesTop = slide.Chart is null && slide.TableHeader is null ? top : SlideHeight - NotesBottom - notesHeight;
        var room = notesTop - gap / 4 - top;
        var width = SlideWidth - 2 * Margin;
        var (tableLeft, tableTop, tableWidth) = (Margin, top, width);
        // A header may take two lines (a wave's name over a narrow column).
        var tableHeight = slide.TableHeader is null ? 0 : TableRowHeight * (slide.TableRows.Count + 2);
        if (slide.Chart is { } png)
        {
            var image = part.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(png))
            {
                image.FeedData(stream);
            }
            // Above its table, across the slide (the chart is drawn for that width at 300 dpi) or narrowed to leave the table
            // its room, as long as that keeps it at least half the slide wide; beside the table otherwise, in the room left
            // of it. A chart narrowed prints at more than 300 dpi.
            var cx = width;
            var cy = slide.ChartHeight * cx / Math.Max(1, slide.ChartWidth);
            var above = room - gap - tableHeight;
            if (cy > above && above > 0) (cx, cy) = (cx * above / cy, above);
            if (cy + gap + tableHeight <= room && cx >= width / 2)
            {
                tableTop = top + cy + gap;
            }
            else
            {
                cx = slide.TableHeader is null ? width : width * 11 / 20;
                cy = slide.ChartHeight * cx / Math.Max(1, slide.ChartWidth);
                if (cy > room) (cx, cy) = (cx * room / cy, room);
                tableLeft = Margin + cx + gap;
                tableWidth = SlideWidth - Margin - tableLeft;
            }
            shapes.Append(CultureInfo.InvariantCulture, $"""
                <p:pic><p:nvPicPr><p:cNvPr id="3" name="Chart" descr="{Escape(slide.Heading)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>
                <p:blipFill><a:blip r:embed="{part.GetIdOfPart(image)}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>
                <p:spPr><a:xfrm><a:off x="{Margin}" y="{top}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>
                """);
        }
        if (slide.TableHeader is { } header)
        {
            shapes.Append(Table(4, tableLeft, tableTop, tableWidth, header, slide.TableRows, language));
        }
        if (slide.Notes.Count > 0)
        {
            shapes.Append(TextBox(5, "Notes", Margin, notesTop, SlideWidth - 2 * Margin, notesHeight, slide.Notes, NotesSize, bold: false, language));
        }
        return SlideXml(shapes.ToString());
    }

    private static string Table(int id, long x, long y, long width, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string language)
    {
        var first = header.Count == 1 ? width : width * 2 / 5;
        var others = header.Count == 1 ? 0 : (width - first) / (header.Count - 1);
        // Fewer, larger rows print larger: 1,400 (14 pt) for a short table, down to 1,000 for a long one.
        var size = rows.Count <= 8 ? 1400 : rows.Count <= 12 ? 1200 : 1000;
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Table"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>
            <p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{width}" cy="{TableRowHeight * (rows.Count + 1)}"/></p:xfrm>
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>
            """);
        for (var i = 0; i < header.Count; i++) xml.Append(CultureInfo.InvariantCulture, $"""<a:gridCol w="{(i == 0 ? first : others)}"/>""");
        xml.Append("</a:tblGrid>");
        foreach (var (cells, isHeader) in rows.Select(r => (r, false)).Prepend((header, true)))
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<a:tr h="{TableRowHeight}">""");
            for (var i = 0; i < cells.Count; i++)
            {
                xml.Append(CultureInfo.InvariantCulture, $"""
                    <a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{(i == 0 ? "l" : "r")}"/><a:r><a:rPr lang="{language}" sz="{size}"{(isHeader ? " b=\"1\"" : "")} dirty="0"/><a:t>{Escape(cells[i])}</a:t></a:r></a:p></a:txBody>
                    <a:tcPr><a:lnB w="6350"><a:solidFill><a:srgbClr val="A6A6A6"/></a:solidFill></a:lnB></a:tcPr></a:tc>
                    """);
            }
            xml.Append("</a:tr>");
        }
        xml.Append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
        return xml.ToString();
    }

    private static string TextBox(int id, string name, long x, long y, long cx, long cy, IReadOnlyList<string> lines, int size, bool bold, string language)
    {
        var paragraphs = string.Concat(lines.Select(line =>
            $"""<a:p><a:r><a:rPr lang="{language}" sz="{size.ToString(CultureInfo.InvariantCulture)}"{(bold ? " b=\"1\"" : "")} dirty="0"/><a:t>{Escape(line)}</a:t></a:r></a:p>"""));
        return string.Create(CultureInfo.InvariantCulture, $"""
            <p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>
            <p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>
            <p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>
            """);
    }

    private const string EmptyTree = """<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree>""";

    private static string SlideXml(string shapes) => $"""
        <p:sld xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{shapes}</p:spTree></p:cSld>
        <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>
        """;

    // Colours and fonts of a plain office theme: the slides' own shapes set what they need.
    private static string Theme()
    {
        static string Solid(string colour) => $"""<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>""";
        var colours = string.Concat(new[] { ("dk2", "1F4E79"), ("lt2", "E7E6E6"), ("accent1", "4F81BD"), ("accent2", "C0504D"), ("accent3", "9BBB59"),
            ("accent4", "8064A2"), ("accent5", "4BACC6"), ("accent6", "F79646"), ("hlink", "0563C1"), ("folHlink", "954F72") }
            .Select(c => $"""<a:{c.Item1}><a:srgbClr val="{c.Item2}"/></a:{c.Item1}>"""));
        var fills = string.Concat(Enumerable.Repeat(Solid("phClr"), 3));
        var lines = string.Concat(Enumerable.Repeat($"""<a:ln w="9525">{Solid("phClr")}</a:ln>""", 3));
        var effects = string.Concat(Enumerable.Repeat("<a:effectStyle><a:effectLst/></a:effectStyle>", 3));
        return $"""
            <a:theme xmlns:a="{A}" name="SurveyApp"><a:themeElements>
            <a:clrScheme name="SurveyApp"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>{colours}</a:clrScheme>
            <a:fontScheme name="SurveyApp"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
            <a:fmtScheme name="SurveyApp"><a:fillStyleLst>{fills}</a:fillStyleLst><a:lnStyleLst>{lines}</a:lnStyleLst><a:effectStyleLst>{effects}</a:effectStyleLst><a:bgFillStyleLst>{fills}</a:bgFillStyleLst></a:fmtScheme>
            </a:themeElements></a:theme>
            """;
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(CellText.ForXml(text));

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml.Trim()));
        part.FeedData(stream);
    }
}
