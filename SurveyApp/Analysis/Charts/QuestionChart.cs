using System.Globalization;
using ScottPlot;
using SurveyApp.Analysis.Components;

namespace SurveyApp.Analysis.Charts;

/// <summary>The words around a chart, already in the reader's language.</summary>
/// <param name="Heading">The question's number and text, as a report cites it.</param>
/// <param name="Context">Where the figures come from: survey, wave and filter.</param>
/// <param name="Title">What the bars show, with their base (n).</param>
/// <param name="Note">A line under the chart, e.g. the answers outside the scale that are not part of the bars.</param>
public sealed record ChartTexts(string Heading, string Context, string Title, string? Note = null)
{
    /// <summary>No words around the bars but the legend: for a report or slide that writes heading, base and note itself.</summary>
    public static readonly ChartTexts LegendOnly = new("", "", "");
}

/// <summary>A count and its share (0–1) of the base the chart states.</summary>
public sealed record ChartShare(string Label, int Count, double Share);

/// <summary>One bar of a scale chart: the steps' counts and shares of the scale answers, lowest step first.</summary>
public sealed record ScaleRow(string Label, IReadOnlyList<ChartShare> Steps);

/// <summary>One bar of a grouped chart's series (a wave, say): its name, colour and one share per group.</summary>
public sealed record ChartSeries(string Label, string Colour, IReadOnlyList<ChartShare> Shares);

/// <summary>
/// How big a chart is drawn. <see cref="Download"/> is a report-wide image with its words around the bars;
/// <see cref="Page"/> is the bars alone, narrower, so that their text stays readable when a phone shrinks the
/// image: the page writes the question, title, legend and note as text of its own.
/// </summary>
public sealed record ChartLayout(int Width, float HeadingSize, float TextSize, float ValueSize, float RowHeight, float Margin, float LabelShare)
{
    // Sizes for a 1600 px image printed at A4 text width (about 16 cm): 28 px is about 8 pt.
    public static readonly ChartLayout Download = new(1600, 36, 28, 26, 110, 24, 0.3f);

    // Shown at its container's width up to its own: 18 px text on a wide screen, and on a phone's 358 px about
    // 11.5 px, the smallest that still reads there.
    public static readonly ChartLayout Page = new(560, 0, 18, 17, 52, 8, 0.34f);

    // Across a 16:9 slide within its margins (12.33 in) at 300 dpi: 50 px is 12 pt, read from the back of a room.
    public static readonly ChartLayout Slide = new(3700, 0, 50, 46, 170, 40, 0.25f);

    public float LabelWidth => Width * LabelShare;
}

/// <summary>
/// What a chart shows, as numbers and labels, before it is drawn in a size: the page draws it in
/// <see cref="ChartLayout.Page"/>, the downloads and reports in <see cref="ChartLayout.Download"/> with their words.
/// </summary>
public abstract record ChartDrawing
{
    /// <summary>The colours the bars stand for, as the page lists them beside the chart.</summary>
    public abstract IReadOnlyList<LegendEntry> Legend { get; }

    /// <summary>Draws the chart; <paramref name="texts"/> (heading, source, title, note) are drawn around the bars when given.</summary>
    public abstract ChartImage Draw(ChartTexts? texts, ChartLayout layout);

    /// <summary>
    /// Everything the drawing shows, as text: two drawings with the same content draw the same chart, though
    /// their lists are different objects (records compare lists by reference).
    /// </summary>
    public string Content() => System.Text.Json.JsonSerializer.Serialize(this, GetType());
}

/// <summary>A scale question's bars: diverging from zero for a bipolar scale, stacked from zero for a one-sided one.</summary>
public sealed record ScaleDrawing(bool Bipolar, IReadOnlyList<string> Steps, IReadOnlyList<ScaleRow> Rows) : ChartDrawing
{
    public override IReadOnlyList<LegendEntry> Legend => DivergingLayout.Legend(Bipolar, Steps);

    public override ChartImage Draw(ChartTexts? texts, ChartLayout layout) => QuestionChart.Scale(texts, Bipolar, Steps, Rows, layout);
}

/// <summary>Plain bars: choices or coded categories.</summary>
public sealed record BarsDrawing(IReadOnlyList<ChartShare> Bars) : ChartDrawing
{
    public override IReadOnlyList<LegendEntry> Legend => [];

    public override ChartImage Draw(ChartTexts? texts, ChartLayout layout) => QuestionChart.Bars(texts, Bars, layout);
}

/// <summary>Bars grouped by answer, one bar per series (a wave) in each group.</summary>
public sealed record GroupedBarsDrawing(IReadOnlyList<string> Groups, IReadOnlyList<ChartSeries> Series) : ChartDrawing
{
    public override IReadOnlyList<LegendEntry> Legend => Series.Select(s => new LegendEntry(s.Label, s.Colour)).ToList();

    public override ChartImage Draw(ChartTexts? texts, ChartLayout layout) => QuestionChart.GroupedBars(texts, Groups, Series, layout);
}

/// <summary>
/// A question's chart as a report uses it: heading, source, bars with their percentages, legend and note in one
/// image, drawn the same on every device; or the same bars alone for the page. Numbers in, a ScottPlot
/// <see cref="Plot"/> out.
/// </summary>
public static class QuestionChart
{
    /// <summary>The width of a downloaded chart.</summary>
    public const int Width = 1600;

    /// <summary>Segments narrower than this (percent of the axis) carry no label: it would not fit inside.</summary>
    public const double MinLabelledPercent = 4;

    private const string BarColour = "#2166ac";

    /// <summary>The colours of a grouped chart's series, the earliest wave lightest.</summary>
    public static readonly IReadOnlyList<string> SeriesColours = ["#92c5de", "#2166ac", "#b2182b", "#f4a582"];

    static QuestionChart() => Fonts.Default = "DejaVu Sans";

    /// <summary>
    /// A bipolar scale diverges from zero (lower steps left, higher right, a middle step split across zero); a one-sided
    /// scale stacks from zero. <paramref name="steps"/> are the step labels, lowest first.
    /// </summary>
    public static ChartImage Scale(ChartTexts? texts, bool bipolar, IReadOnlyList<string> steps, IReadOnlyList<ScaleRow> rows, ChartLayout? layout = null)
    {
        var size = layout ?? ChartLayout.Download;
        var plot = NewPlot(size);
        var series = DivergingLayout.Series(bipolar, steps,
            rows.Select(r => (r.Label, (IReadOnlyList<double>)r.Steps.Select(s => 100 * s.Share).ToList())).ToList());
        var legend = DivergingLayout.Legend(bipolar, steps);

        var min = bipolar ? -100 : 0;
        var pixelsPerPercent = DataWidth(rows.Select(r => r.Label), size) / (100.0 - min);
        var bars = new List<Bar>();
        var labels = new List<(string Text, double X, double Y, Color Colour)>();
        for (var row = 0; row < rows.Count; row++)
        {
            var y = Position(row, rows.Count);
            double left = 0, right = 0;
            var extents = new Dictionary<string, (double From, double To, string Colour)>();
            foreach (var s in series)
            {
                var value = s.Values[row].Value;
                var (from, to) = value < 0 ? (left + value, left) : (right, right + value);
                if (value < 0) left += value; else right += value;
                if (value == 0) continue;
                bars.Add(new Bar { Position = y, ValueBase = from, Value = to, FillColor = Color.FromHex(s.Colour), LineColor = Colors.White, LineWidth = 2, Size = 0.6 });
                // A middle step split across zero is one segment to the reader: one label, its whole share.
                extents[s.Label] = extents.TryGetValue(s.Label, out var e) ? (Math.Min(e.From, from), Math.Max(e.To, to), s.Colour) : (from, to, s.Colour);
            }
            foreach (var (_, (from, to, colour)) in extents)
            {
                // A label goes inside its segment or not at all, so that labels never overlap each other.
                var text = Percent((to - from) / 100);
                if (to - from >= MinLabelledPercent && Measure(text, size.ValueSize, bold: true) + 8 <= (to - from) * pixelsPerPercent)
                {
                    labels.Add((text, (from + to) / 2, y, IsDark(colour) ? Colors.White : Colors.Black));
                }
            }
        }
        // Bars first: what is added later is drawn on top.
        plot.Add.Bars(bars).Horizontal = true;
        foreach (var (text, x, y, colour) in labels)
        {
            AddLabel(plot, size, text, x, y, Alignment.MiddleCenter, colour);
        }

        // The page's narrower chart has room for fewer ticks.
        var step = size.Width < Width ? 50 : 25;
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, (100 - min) / step + 1).Select(i => (double)(min + i * step)).ToArray(),
            Enumerable.Range(0, (100 - min) / step + 1).Select(i => Percent(Math.Abs(min + i * step) / 100.0)).ToArray());
        plot.Axes.SetLimitsX(min, 100);

        plot.Legend.ManualItems.AddRange(legend.Select(l => new LegendItem { LabelText = l.Label, FillColor = Color.FromHex(l.Colour), LineWidth = 0 }));
        return Finish(plot, size, texts, rows.Select(r => r.Label).ToList(), size.RowHeight, withLegend: true);
    }

    /// <summary>Plain bars, one per choice or category, in the order given; shares are of those who answered.</summary>
    public static ChartImage Bars(ChartTexts? texts, IReadOnlyList<ChartShare> bars, ChartLayout? layout = null)
    {
        var size = layout ?? ChartLayout.Download;
        var plot = NewPlot(size);
        var items = bars.Select((b, i) => new Bar
        {
            Position = Position(i, bars.Count), ValueBase = 0, Value = 100 * b.Share, FillColor = Color.FromHex(BarColour), LineWidth = 0, Size = 0.6,
        }).ToList();
        plot.Add.Bars(items).Horizontal = true;
        for (var i = 0; i < bars.Count; i++)
        {
            AddLabel(plot, size, Percent(bars[i].Share), 100 * bars[i].Share, Position(i, bars.Count), Alignment.MiddleLeft, Colors.Black, offset: 8);
        }
        ShareAxis(plot, size);
        return Finish(plot, size, texts, bars.Select(b => b.Label).ToList(), size.RowHeight, withLegend: false);
    }

    /// <summary>
    /// One group per answer, in the order given, and in each group one bar per series (a wave), first series on top;
    /// each series' shares are in the groups' order.
    /// </summary>
    public static ChartImage GroupedBars(ChartTexts? texts, IReadOnlyList<string> groups, IReadOnlyList<ChartSeries> series, ChartLayout? layout = null)
    {
        var size = layout ?? ChartLayout.Download;
        var plot = NewPlot(size);
        var thickness = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        var labels = new List<(string Text, double X, double Y)>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var share = series[s].Shares[g].Share;
                var y = Position(g, groups.Count) + 0.4 - thickness * (s + 0.5);
                bars.Add(new Bar { Position = y, ValueBase = 0, Value = 100 * share, FillColor = Color.FromHex(series[s].Colour), LineWidth = 0, Size = thickness * 0.9 });
                labels.Add((Percent(share), 100 * share, y));
            }
        }
        plot.Add.Bars(bars).Horizontal = true;
        foreach (var (text, x, y) in labels)
        {
            AddLabel(plot, size, text, x, y, Alignment.MiddleLeft, Colors.Black, offset: 8);
        }
        ShareAxis(plot, size);
        plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem { LabelText = s.Label, FillColor = Color.FromHex(s.Colour), LineWidth = 0 }));
        // Each group holds a bar per series: it needs more height than a single bar.
        return Finish(plot, size, texts, groups, size.RowHeight * (0.4f + 0.6f * Math.Max(1, series.Count)), withLegend: true);
    }

    /// <summary>Whole percent from 10 % up, one decimal below, in the reader's culture ("47 %", "6,5 %"; "47%", "6.5%").</summary>
    public static string Percent(double share) =>
        Components.Format.Percent(share, Math.Round(share, 3) < 0.1 && Math.Round(share, 3) > 0 ? 1 : 0);

    private static void ShareAxis(Plot plot, ChartLayout size)
    {
        var ticks = size.Width < Width ? new[] { 0, 50, 100 } : [0, 25, 50, 75, 100];
        plot.Axes.Bottom.SetTicks(ticks.Select(v => (double)v).ToArray(), ticks.Select(v => Percent(v / 100.0)).ToArray());
        // Room right of the longest bar for its label.
        plot.Axes.SetLimitsX(0, 100 + 10 * Width / (double)size.Width);
    }

    private static Plot NewPlot(ChartLayout size)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Top.IsVisible = false;
        // An empty right axis keeps room for the value axis's last label ("100 %"), which is centred on the edge.
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Right.MinimumSize = 3 * size.TextSize;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = size.TextSize;
        plot.Axes.Left.TickLabelStyle.FontSize = size.TextSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#d0d0d0");
        return plot;
    }

    private static ChartImage Finish(Plot plot, ChartLayout size, ChartTexts? texts, IReadOnlyList<string> rowLabels, float rowHeight, bool withLegend)
    {
        var textWidth = size.Width - 2 * size.Margin;
        var labels = rowLabels.Select(l => Wrap(l, size.TextSize, bold: false, size.LabelWidth)).ToList();
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rowLabels.Count).Select(i => Position(i, rowLabels.Count)).ToArray(),
            labels.Select(l => string.Join("\n", l)).ToArray());
        plot.Axes.SetLimitsY(-0.5, rowLabels.Count - 0.5);

        // Without its words (the page writes them) the chart is the bars and their axis alone.
        IEnumerable<TextLine> Lines(string text, float fontSize, bool bold) =>
            text.Length == 0 ? [] : Wrap(text, fontSize, bold, textWidth).Select(l => new TextLine(l, fontSize, bold));
        List<TextLine> heading = texts is null ? []
            : [.. Lines(texts.Heading, size.HeadingSize, true), .. Lines(texts.Context, size.TextSize, false), .. Lines(texts.Title, size.TextSize, false)];
        var top = heading.Count == 0 ? null : new TextPanel(Edge.Top, heading);
        if (top is not null)
        {
            plot.Axes.AddPanel(top);
        }

        withLegend &= texts is not null;
        if (withLegend)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = size.TextSize;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.TightHorizontalWrapping = true;
            // Swatches and gaps in proportion to the text, so that the entries stay apart at every size.
            plot.Legend.SymbolWidth = plot.Legend.SymbolHeight = size.TextSize * 0.8f;
            plot.Legend.SymbolPadding = size.TextSize * 0.3f;
            plot.Legend.InterItemPadding = new PixelPadding(size.TextSize * 0.5f, size.TextSize * 0.5f, size.TextSize * 0.15f, size.TextSize * 0.15f);
        }
        else
        {
            // The page lists the legend beside the drawing; inside, it would cover the bars.
            plot.Legend.IsVisible = false;
        }
        var note = texts?.Note is null ? new List<TextLine>() : Wrap(texts.Note, size.TextSize, bold: false, textWidth).Select(l => new TextLine(l, size.TextSize, false)).ToList();
        if (note.Count > 0)
        {
            plot.Axes.AddPanel(new TextPanel(Edge.Bottom, note));
        }

        // Every row gets room for its label's lines; the words above and below get what they measure.
        var rowsHeight = labels.Sum(l => Math.Max(rowHeight, l.Count * size.TextSize * 1.3f + 24));
        var height = (int)Math.Ceiling((top?.Height ?? 0) + rowsHeight + size.TextSize * 2.5f + (withLegend ? size.TextSize * 2.5f : 0)
            + (note.Count * size.TextSize * 1.3f) + 2 * size.Margin);
        return new ChartImage(plot, size.Width, height);
    }

    /// <summary>The data area's width as the layout will make it: the figure less the row labels and the right margin.</summary>
    private static double DataWidth(IEnumerable<string> rowLabels, ChartLayout size)
    {
        var widest = rowLabels.SelectMany(l => Wrap(l, size.TextSize, bold: false, size.LabelWidth)).Select(l => Measure(l, size.TextSize, bold: false)).DefaultIfEmpty(0).Max();
        return size.Width - widest - 2 * size.Margin - 3 * size.TextSize;
    }

    private static float Measure(string text, float size, bool bold)
    {
        var style = new LabelStyle { FontSize = size, Bold = bold, FontName = Fonts.Default };
        using var paint = Paint.NewDisposablePaint();
        return style.Measure(text, paint).Width;
    }

    private static void AddLabel(Plot plot, ChartLayout size, string text, double x, double y, Alignment alignment, Color colour, float offset = 0)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size.ValueSize;
        label.LabelFontColor = colour;
        label.LabelBold = true;
        label.LabelAlignment = alignment;
        label.OffsetX = offset;
    }

    // Rows run top to bottom in the order given.
    private static double Position(int index, int count) => count - 1 - index;

    private static bool IsDark(string hex)
    {
        var c = Color.FromHex(hex);
        return 0.299 * c.R + 0.587 * c.G + 0.114 * c.B < 150;
    }

    /// <summary>Breaks text between words to fit <paramref name="width"/> as measured in the chart's font; never cuts a word.</summary>
    internal static IReadOnlyList<string> Wrap(string text, float size, bool bold, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, size, bold) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        lines.Add(line);
        return lines;
    }
}

/// <summary>One drawing, given out as SVG text or PNG bytes.</summary>
public sealed class ChartImage(Plot plot, int width, int height) : IDisposable
{
    public Plot Plot => plot;
    public int Width => width;
    public int Height => height;

    public string ToSvg() => plot.GetSvgXml(width, height);

    public byte[] ToPng() => plot.GetImageBytes(width, height, ImageFormat.Png);

    public void Dispose() => plot.Dispose();
}
