using System.Globalization;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Shared;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace SurveyApp.Export;

/// <summary>
/// The results page's table per choice question (the same counts, shares and bases as DistributionTable),
/// with a native Excel chart whose series reference the table's cells and cache their values for readers
/// that do not recalculate. The chart draws what the page's chart draws: a scale's steps as shares of the
/// answers on the scale (the answers outside it listed in the table), any other question's every answer,
/// "Vet ej" included, as shares of those who answered. Each sheet prints on one landscape page.
/// </summary>
public static class QuestionSheets
{
    private const int ChartGap = 1;
    private const int ChartWidth = 9;
    private const int TitleRows = 2;

    /// <summary>
    /// Nothing when suppressed. Each sheet is finished before the next starts, so this can run between other sheets; from
    /// <paramref name="position"/> on in the workbook's order if given, else after the sheets already there.
    /// </summary>
    public static IReadOnlyList<string> Write(XlsxPackageWriter package, WaveResults results, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Suppressed) return [];
        var names = new List<string>();
        foreach (var question in results.Questions.Where(q => q.Question.IsChoice && q.Distributions.Count > 0))
        {
            var matrix = question.Question.Kind == QuestionKind.Matrix;
            using var sheet = package.AddWorksheet(SheetName(question.Question), new WorksheetLayout
            {
                ColumnWidths = matrix ? [LabelWidth(question), .. Enumerable.Repeat(14d, MatrixColumns(question))] : [LabelWidth(question), 10, 18, 18],
                Landscape = true,
                Fit = PrintFit.Page,
            }, position + names.Count);
            var title = QuestionSheetTexts.Title(results.Survey.NumberOf(question.Question), question.Question.Text);
            var percent = package.Print.PercentFormat;
            if (matrix) WriteMatrix(sheet, question, title, percent);
            else WriteTable(sheet, question, title, percent);
            names.Add(sheet.Name);
        }
        return names;
    }

    public static string SheetName(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return $"{question.Key} {question.Text}";
    }

    // Wide enough for the longest answer or statement, within reason: longer ones wrap.
    private static double LabelWidth(QuestionResults results)
    {
        var longest = results.Main.Choices.Select(c => c.Label.Length)
            .Concat(results.Distributions.Select(d => (d.ItemText ?? d.ItemCode ?? "").Length))
            .Append(QuestionSheetTexts.OffScale.Length).Append(QuestionSheetTexts.Skipped.Length).Max();
        return Math.Clamp(longest + 2, 24, 50);
    }

    private static void WriteTable(XlsxWorksheetWriter sheet, QuestionResults results, string title, string percent)
    {
        var question = results.Question;
        var d = results.Main;
        var scaled = question.IsScaled;
        sheet.WriteMergedRow(XlsxCell.String(title, XlsxStyle.Title), 4);
        sheet.WriteRow();
        var header = new List<XlsxCell> { XlsxCell.Header(QuestionSheetTexts.Answer), XlsxCell.Header(QuestionSheetTexts.Count), XlsxCell.Header(QuestionSheetTexts.ShareOfAnswered) };
        if (scaled) header.Add(XlsxCell.Header(QuestionSheetTexts.ShareOfScale));
        sheet.WriteRow(header);
        var headerRow = sheet.RowCount;

        var onScale = d.Choices.Where(c => !c.IsOffScale).ToList();
        var firstRow = sheet.RowCount + 1;
        foreach (var choice in onScale)
        {
            var row = new List<XlsxCell> { XlsxCell.String(choice.Label), XlsxCell.Of(choice.Count), XlsxCell.Percent(d.ShareOfAnswered(choice)) };
            if (scaled) row.Add(XlsxCell.Percent(d.ShareOfScale(choice)));
            sheet.WriteRow(row);
        }
        var offScale = d.Choices.Where(c => c.IsOffScale).ToList();
        var offScaleRow = sheet.RowCount + 2;
        if (offScale.Count > 0)
        {
            sheet.WriteRow(XlsxCell.Header(QuestionSheetTexts.OffScale));
            foreach (var choice in offScale)
            {
                sheet.WriteRow(XlsxCell.String(choice.Label), XlsxCell.Of(choice.Count), XlsxCell.Percent(d.ShareOfAnswered(choice)));
            }
        }
        sheet.WriteRow();
        WriteBase(sheet, question, d);

        if (onScale.Count == 0) return;
        var tableRows = sheet.RowCount;
        var reference = sheet.Reference;
        ChartSeries[] series;
        if (scaled)
        {
            // One bar (the question) split into the steps: each step its own series, as Excel stacks series.
            var barTitle = new CellRange($"{reference}!$A$1", [title]);
            series = onScale.Select((choice, i) => new ChartSeries(
                new CellRange($"{reference}!$A${firstRow + i}", [choice.Label]),
                barTitle,
                new NumberRange($"{reference}!$D${firstRow + i}", [d.ShareOfScale(choice)]),
                StepColor(question, choice))).ToArray();
        }
        else
        {
            // Every answer, as on the page: the choices, then those outside the scale, which the table lists
            // under a heading of their own (so the series takes both blocks of rows).
            string Rows(string column) => offScale.Count == 0
                ? $"{reference}!${column}${firstRow}:${column}${firstRow + onScale.Count - 1}"
                : $"({reference}!${column}${firstRow}:${column}${firstRow + onScale.Count - 1},{reference}!${column}${offScaleRow}:${column}${offScaleRow + offScale.Count - 1})";
            var all = onScale.Concat(offScale).ToList();
            series =
            [
                new ChartSeries(
                    new CellRange($"{reference}!$C${headerRow}", [QuestionSheetTexts.ShareOfAnswered]),
                    new CellRange(Rows("A"), all.Select(c => c.Label).ToList()),
                    new NumberRange(Rows("C"), all.Select(d.ShareOfAnswered).ToList()),
                    "4F81BD"),
            ];
        }
        var height = scaled ? 12 : Math.Max(14, (onScale.Count + offScale.Count) * 2 + 4);
        sheet.AddChart(BarChart(stacked: scaled, series, hideCategories: scaled, percent),
            new XlsxAnchor(4 + ChartGap, TitleRows, 4 + ChartGap + ChartWidth, TitleRows + Math.Max(height, tableRows - TitleRows)));
    }

    private static void WriteBase(XlsxWorksheetWriter sheet, Question question, Distribution d)
    {
        sheet.WriteRow(QuestionSheetTexts.Answered, XlsxCell.Of(d.Answered));
        sheet.WriteRow(QuestionSheetTexts.Skipped, XlsxCell.Of(d.Skipped));
        if (d.NotShown > 0) sheet.WriteRow(QuestionSheetTexts.NotShown, XlsxCell.Of(d.NotShown));
        if (question.Kind == QuestionKind.Multi) sheet.WriteRow(QuestionSheetTexts.MultiBase);
        if (d.Scale is { ValidCount: > 0 } scale && question.Scale is { } steps)
        {
            sheet.WriteRow(QuestionSheetTexts.Median, scale.Median is { } median ? XlsxCell.Of(median) : XlsxCell.Empty, MedianText(steps, scale.Median));
            var (label, share) = TopShare(steps, d);
            sheet.WriteRow(label, XlsxCell.Percent(share));
            sheet.WriteRow(QuestionSheetTexts.ScaleAnswers, XlsxCell.Of(scale.ValidCount));
        }
    }

    /// <summary>As the results page: the top two steps' share on a scale of five steps or more, else the top step's.</summary>
    private static (string Label, double Share) TopShare(Scale scale, Distribution d)
    {
        if (scale.Steps.Count >= 5) return (QuestionSheetTexts.TopTwoShare, d.Scale?.TopTwoShare ?? 0);
        var top = scale.Steps.MaxBy(s => s.Value)!;
        var count = d.Choices.Where(c => !c.IsOffScale && c.Value == top.Value).Sum(c => c.Count);
        var valid = d.Scale?.ValidCount ?? 0;
        return (string.Format(CultureInfo.InvariantCulture, QuestionSheetTexts.TopShare, top.Label), valid == 0 ? 0 : (double)count / valid);
    }

    // A midpoint between two steps is named by both.
    private static string? MedianText(Scale scale, double? median)
    {
        if (median is null) return null;
        var exact = scale.Steps.FirstOrDefault(s => s.Value == median.Value);
        if (exact is not null) return exact.Label;
        var lower = scale.Steps.Where(s => s.Value < median).MaxBy(s => s.Value);
        var upper = scale.Steps.Where(s => s.Value > median).MinBy(s => s.Value);
        return string.Format(CultureInfo.InvariantCulture, QuestionSheetTexts.Between, lower?.Label ?? "", upper?.Label ?? "");
    }

    private static int MatrixColumns(QuestionResults results)
    {
        var choices = results.Main.Choices.Count;
        var steps = results.Main.Choices.Count(c => !c.IsOffScale);
        return Math.Max(choices + 3, steps + 3);
    }

    private static void WriteMatrix(XlsxWorksheetWriter sheet, QuestionResults results, string title, string percent)
    {
        var question = results.Question;
        var items = results.Distributions;
        var choices = results.Main.Choices;
        var steps = choices.Where(c => !c.IsOffScale).ToList();
        static ChoiceCount Find(Distribution d, ChoiceCount choice) =>
            d.Choices.FirstOrDefault(c => c.Code == choice.Code) ?? choice with { Count = 0 };
        static string ItemLabel(Distribution d) => d.ItemText ?? d.ItemCode ?? "";

        sheet.WriteMergedRow(XlsxCell.String(title, XlsxStyle.Title), 1 + MatrixColumns(results));
        sheet.WriteRow();

        sheet.WriteRow([XlsxCell.Header(QuestionSheetTexts.Count), .. choices.Select(c => XlsxCell.Header(Label(c))),
            XlsxCell.Header(QuestionSheetTexts.Answered), XlsxCell.Header(QuestionSheetTexts.Skipped), XlsxCell.Header(QuestionSheetTexts.NotShown)]);
        foreach (var d in items)
        {
            sheet.WriteRow([XlsxCell.String(ItemLabel(d)), .. choices.Select(c => XlsxCell.Of(Find(d, c).Count)),
                XlsxCell.Of(d.Answered), XlsxCell.Of(d.Skipped), XlsxCell.Of(d.NotShown)]);
        }
        sheet.WriteRow();

        sheet.WriteRow([XlsxCell.Header(QuestionSheetTexts.ShareOfAnswered), .. choices.Select(c => XlsxCell.Header(Label(c)))]);
        foreach (var d in items)
        {
            sheet.WriteRow([XlsxCell.String(ItemLabel(d)), .. choices.Select(c => XlsxCell.Percent(d.ShareOfAnswered(Find(d, c))))]);
        }
        sheet.WriteRow();

        // Share of the scale answers, steps only, with the scale statistics: the chart's data.
        var scale = question.Scale;
        var topLabel = scale is null ? QuestionSheetTexts.TopTwoShare : TopShare(scale, results.Main).Label;
        sheet.WriteRow([XlsxCell.Header(QuestionSheetTexts.ShareOfScale), .. steps.Select(c => XlsxCell.Header(c.Label)),
            XlsxCell.Header(QuestionSheetTexts.Median), XlsxCell.Header(topLabel), XlsxCell.Header(QuestionSheetTexts.ScaleAnswers)]);
        var headerRow = sheet.RowCount;
        var firstRow = headerRow + 1;
        foreach (var d in items)
        {
            var stats = d.Scale is { ValidCount: > 0 } s && scale is not null
                ? new[] { s.Median is { } m ? XlsxCell.Of(m) : XlsxCell.Empty, XlsxCell.Percent(TopShare(scale, d).Share), XlsxCell.Of(s.ValidCount) }
                : [XlsxCell.Empty, XlsxCell.Empty, XlsxCell.Of(d.Scale?.ValidCount ?? d.ScaleCount)];
            sheet.WriteRow([XlsxCell.String(ItemLabel(d)), .. steps.Select(c => XlsxCell.Percent(d.ShareOfScale(Find(d, c)))), .. stats]);
        }
        var lastRow = sheet.RowCount;

        if (steps.Count == 0) return;
        var reference = sheet.Reference;
        var categories = new CellRange($"{reference}!$A${firstRow}:$A${lastRow}", items.Select(ItemLabel).ToList());
        var series = steps.Select((step, i) =>
        {
            var column = XlsxWorksheetWriter.ColumnName(i + 2);
            return new ChartSeries(
                new CellRange($"{reference}!${column}${headerRow}", [step.Label]),
                categories,
                new NumberRange($"{reference}!${column}${firstRow}:${column}${lastRow}", items.Select(d => d.ShareOfScale(Find(d, step))).ToList()),
                StepColor(question, step));
        }).ToArray();
        var fromColumn = 1 + MatrixColumns(results) + ChartGap;
        sheet.AddChart(BarChart(stacked: true, series, hideCategories: false, percent),
            new XlsxAnchor(fromColumn, TitleRows, fromColumn + ChartWidth + 2, TitleRows + Math.Max(14, items.Count * 2 + 6)));
    }

    private static string Label(ChoiceCount choice) => choice.Label;

    private sealed record CellRange(string Formula, IReadOnlyList<string> Texts);

    private sealed record NumberRange(string Formula, IReadOnlyList<double> Values);

    private sealed record ChartSeries(CellRange Name, CellRange Categories, NumberRange Values, string Color);

    private const uint CategoryAxisId = 111;
    private const uint ValueAxisId = 222;

    /// <summary>In a stacked bar a segment narrower than this has no label: it would run into its neighbour's.</summary>
    private const double SmallestLabelled = 0.05;

    // Categories run top to bottom in the table's order.
    private static C.ChartSpace BarChart(bool stacked, IReadOnlyList<ChartSeries> series, bool hideCategories, string percent)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = stacked ? C.BarGroupingValues.PercentStacked : C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var barSeries = new C.BarChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(StringReference(s.Name)),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = s.Color })),
                new C.InvertIfNegative { Val = false });
            var small = stacked ? s.Values.Values.Select((v, point) => (v, point)).Where(x => !(x.v >= SmallestLabelled)).Select(x => x.point).ToList() : [];
            if (small.Count > 0)
            {
                // The series' own labels: as the chart's, less those of its small segments.
                var labels = new C.DataLabels(small.Select(point => new C.DataLabel(new C.Index { Val = (uint)point }, new C.Delete { Val = true })));
                foreach (var element in LabelSettings(percent)) labels.Append(element);
                barSeries.Append(labels);
            }
            barSeries.Append(new C.CategoryAxisData(StringReference(s.Categories)), new C.Values(NumberReference(s.Values, percent)));
            bar.Append(barSeries);
        }
        bar.Append(new C.DataLabels(LabelSettings(percent)), new C.GapWidth { Val = (ushort)(stacked ? 50 : 80) });
        if (stacked) bar.Append(new C.Overlap { Val = 100 });
        bar.Append(new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });

        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = CategoryAxisId },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = hideCategories },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });
        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (!stacked) scaling.Append(new C.MaxAxisValue { Val = 1 }, new C.MinAxisValue { Val = 0 });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = ValueAxisId },
            scaling,
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = percent, SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId },
            // With the categories top to bottom, the value axis crosses at the last one: the bottom.
            new C.Crosses { Val = C.CrossesValues.Maximum },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });

        var chart = new C.Chart(new C.AutoTitleDeleted { Val = true }, new C.PlotArea(new C.Layout(), bar, categoryAxis, valueAxis));
        if (stacked) chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var space = new C.ChartSpace(new C.Date1904 { Val = false }, new C.RoundedCorners { Val = false }, chart);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", XlsxPackageWriter.RelNs);
        return space;
    }

    private static IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> LabelSettings(string percent) =>
    [
        new C.NumberingFormat { FormatCode = percent, SourceLinked = false },
        new C.ShowLegendKey { Val = false },
        new C.ShowValue { Val = true },
        new C.ShowCategoryName { Val = false },
        new C.ShowSeriesName { Val = false },
        new C.ShowPercent { Val = false },
        new C.ShowBubbleSize { Val = false },
    ];

    private static C.StringReference StringReference(CellRange range)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)range.Texts.Count });
        for (var i = 0; i < range.Texts.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(CellText.ForXml(range.Texts[i]))) { Index = (uint)i });
        }
        return new C.StringReference(new C.Formula(range.Formula), cache);
    }

    private static C.NumberReference NumberReference(NumberRange range, string percent)
    {
        var cache = new C.NumberingCache(new C.FormatCode(percent), new C.PointCount { Val = (uint)range.Values.Count });
        for (var i = 0; i < range.Values.Count; i++)
        {
            var value = double.IsFinite(range.Values[i]) ? range.Values[i] : 0;
            cache.Append(new C.NumericPoint(new C.NumericValue(value.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
        }
        return new C.NumberReference(new C.Formula(range.Formula), cache);
    }

    // By the value's rank: a bipolar scale runs red → grey → blue, a one-sided one light → dark blue.
    private static string StepColor(Question question, ChoiceCount step)
    {
        var values = question.Scale?.Steps.Select(s => s.Value).Order().ToList() ?? [];
        var rank = step.Value is { } v ? values.IndexOf(v) : -1;
        var t = values.Count < 2 || rank < 0 ? 0.5 : (double)rank / (values.Count - 1);
        if (question.Scale?.Bipolar == false) return Mix((0xDC, 0xE6, 0xF2), (0x1F, 0x4E, 0x79), t);
        return t < 0.5 ? Mix((0xC0, 0x50, 0x4D), (0xBF, 0xBF, 0xBF), t * 2) : Mix((0xBF, 0xBF, 0xBF), (0x4F, 0x81, 0xBD), (t - 0.5) * 2);
    }

    private static string Mix((int R, int G, int B) from, (int R, int G, int B) to, double t)
    {
        static int Channel(int a, int b, double t) => (int)Math.Round(a + (b - a) * t);
        return string.Create(CultureInfo.InvariantCulture, $"{Channel(from.R, to.R, t):X2}{Channel(from.G, to.G, t):X2}{Channel(from.B, to.B, t):X2}");
    }
}
