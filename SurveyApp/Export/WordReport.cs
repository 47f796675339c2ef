using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Charts;
using SurveyApp.Domain;
using SurveyApp.Shared;
using Texts = SurveyApp.Resources.Text;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace SurveyApp.Export;

/// <summary>
/// A wave's results (the view the results page shows, with its filter) as a Word report draft: a title with the
/// response rate and the filter, a heading per section of the survey, and for each question its heading, its chart
/// as the downloads draw it (a PNG placed at 300 dpi), a numbered caption, its table as a real Word table and the
/// base under it. A view too small to show says so and holds no numbers.
/// </summary>
public static class WordReport
{
    /// <summary>The charts' width on the page: the downloaded PNG's 1,600 pixels at 300 dpi.</summary>
    private const long ChartWidthEmu = (long)(QuestionChart.Width / 300.0 * 914400);

    public static void Write(Stream output, WaveResults results, string? categoryName)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);

        var title = ResultsPresentation.TitleLines(results, categoryName);
        body.Append(Paragraph("Title", title[0]));
        body.Append(Paragraph("Subtitle", title[1]));
        foreach (var line in title.Skip(2)) body.Append(Paragraph(null, line));
        if (results.Suppressed)
        {
            body.Append(Paragraph("Heading1", ExportTexts.Suppressed));
            body.Append(Paragraph(null, string.Format(System.Globalization.CultureInfo.CurrentCulture, ExportTexts.SuppressedText, results.MinGroupSize)));
        }
        else
        {
            var questions = results.Questions.ToDictionary(q => q.Question.Key);
            var figure = 0;
            foreach (var section in results.Survey.Sections.OrderBy(s => s.Position))
            {
                body.Append(Paragraph("Heading1", section.Title));
                foreach (var question in section.Questions.OrderBy(q => q.Position).Select(q => questions.GetValueOrDefault(q.Key)).OfType<QuestionResults>())
                {
                    WriteQuestion(main, body, results, question, ref figure);
                }
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1247, Right = 1247, Header = 567, Footer = 567, Gutter = 0 }));
        // A4 with 2.2 cm margins leaves 9,412 twips (16.6 cm) for the text, wider than the charts' 13.5 cm.
        main.Document.Save();
    }

    private static void WriteQuestion(MainDocumentPart main, Body body, WaveResults results, QuestionResults question, ref int figure)
    {
        var q = question.Question;
        var title = QuestionSheetTexts.Title(results.Survey.NumberOf(q), q.Text);
        body.Append(Paragraph("Heading2", title));
        using (var chart = ResultsChart.Drawing(question)?.Draw(ChartTexts.LegendOnly, ChartLayout.Download))
        {
            if (chart is not null)
            {
                figure++;
                body.Append(Picture(main, chart.ToPng(), chart.Width, chart.Height, figure, title));
                body.Append(Paragraph("Caption", $"{Texts.Format("Export.Report.Figure", figure)} {ResultsChart.Title(question)}"));
            }
        }
        if (QuestionTable.For(question) is { } table)
        {
            body.Append(WordTable(table.Header, table.Rows));
        }
        // The base, and the note under the chart; what the chart shows is its caption.
        foreach (var line in ResultsPresentation.Notes(question).Skip(1))
        {
            body.Append(Paragraph("Base", line));
        }
        // A scale's median and the share at its top, as the page gives them under each distribution.
        foreach (var distribution in question.Distributions)
        {
            if (ScaleText.Describe(q, distribution) is { } scale)
            {
                body.Append(Paragraph("Base", distribution.ItemText is null ? scale : $"{distribution.ItemText}: {scale}"));
            }
        }
    }

    private static Table WordTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new Func<BorderType>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 }, () => new BottomBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(border.Select(b => b())),
            new TableLook { Val = "04A0", FirstRow = true }));
        // The answer's column takes two fifths of the text's width, the figures share the rest. A table with a column per
        // scale step (a matrix) gives the figures more room and smaller type, so that a step's name breaks between words.
        const int textWidth = 9412;
        var (first, halfPoints, headerHalfPoints) = header.Count switch
        {
            1 => (textWidth, null, null),
            <= 4 => (textWidth * 2 / 5, null, null),
            5 => (textWidth * 3 / 10, "18", "17"),
            _ => (textWidth / 4, "16", "15"),
        };
        table.Append(new TableGrid(header.Select((_, i) => new GridColumn
        {
            Width = (i == 0 ? first : (textWidth - first) / (header.Count - 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        })));
        table.Append(Row(header, isHeader: true, headerHalfPoints));
        foreach (var row in rows) table.Append(Row(row, isHeader: false, halfPoints));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool isHeader, string? halfPoints)
    {
        var row = new TableRow();
        if (isHeader) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            var run = new Run(new Text(CellText.ForXml(cells[i])) { Space = SpaceProcessingModeValues.Preserve });
            var properties = new RunProperties();
            if (isHeader) properties.Append(new Bold());
            if (halfPoints is not null) properties.Append(new FontSize { Val = halfPoints });
            if (properties.HasChildren) run.PrependChild(properties);
            var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" },
                new Justification { Val = i == 0 ? JustificationValues.Left : JustificationValues.Right }), run);
            row.Append(new TableCell(paragraph));
        }
        return row;
    }

    private static Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(CellText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    // The chart inline in its own paragraph, the page's width at most, named by the question for screen readers.
    private static Paragraph Picture(MainDocumentPart main, byte[] png, int width, int height, int number, string description)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            image.FeedData(stream);
        }
        var id = main.GetIdOfPart(image);
        var cx = ChartWidthEmu;
        var cy = cx * height / width;
        var graphic = new A.Graphic(new A.GraphicData(
            new Pic.Picture(
                new Pic.NonVisualPictureProperties(
                    new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"chart{number}.png" },
                    new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = (uint)number, Name = $"chart{number}", Description = CellText.ForXml(description) },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline)));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" }, new Languages { Val = Texts.Get("Export.Report.Language") })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", 48, null),
            Style("Subtitle", "Subtitle", 30, null),
            Style("Heading1", "heading 1", 32, 0),
            Style("Heading2", "heading 2", 26, 1),
            Style("Caption", "caption", 18, null, italic: true),
            Style("Base", "Base", 18, null));
    }

    private static Style Style(string id, string name, int? halfPoints, int? outline, bool italic = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" };
        style.Append(new StyleName { Val = name });
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is { } level)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = level == 0 ? "360" : "240", After = "120" }, new OutlineLevel { Val = level });
        }
        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (outline is not null || id == "Title") run.Append(new Bold());
        if (italic) run.Append(new Italic());
        if (halfPoints is { } size) run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        style.Append(run);
        return style;
    }
}
