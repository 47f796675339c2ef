using System.Globalization;
using ScottPlot;
using SurveyApp.Analysis.Components;

namespace SurveyApp.Analysis.Charts;

/// <summary>The words around a chart, already in the reader's language.</summary>
/// <param name="Heading">The question's number and text, as a report cites it.</param>
/// <param name="Context">Where the figures come from: survey, wave and filter.</param>
/// <param name="Title">What the bars show, with their base (n).</param>
/// <param name="Note">A line under the chart, e.g. the answers outside the scale that are not part of the bars.</param>
public sealed record ChartTexts(string Heading, string Context, string Title, string? Note = null);

/// <summary>A count and its share (0–1) of the base the chart states.</summary>
public sealed record ChartShare(string Label, int Count, double Share);

/// <summary>One bar of a scale chart: the steps' counts and shares of the scale answers, lowest step first.</summary>
public sealed record ScaleRow(string Label, IReadOnlyList<ChartShare> Steps);

/// <summary>
/// A question's chart as a report uses it: heading, source, bars with their percentages, legend and note in one
/// image, drawn the same on every device. Numbers in, a ScottPlot <see cref="Plot"/> out.
/// </summary>
public static class QuestionChart
{
    public const int Width = 1600;

    // Sizes for a 1600 px image printed at A4 text width (about 16 cm): 28 px is about 8 pt.
    private const float HeadingSize = 36;
    private const float TextSize = 28;
    private const float ValueSize = 26;
    private const float RowHeight = 110;
    private const float Margin = 24;

    /// <summary>Segments narrower than this (percent of the axis) carry no label: it would not fit inside.</summary>
    public const double MinLabelledPercent = 4;

    private const string BarColour = "#2166ac";

    static QuestionChart() => Fonts.Default = "DejaVu Sans";

    /// <summary>
    /// A bipolar scale diverges from zero (lower steps left, higher right, a middle step split across zero); a one-sided
    /// scale stacks from zero. <paramref name="steps"/> are the step labels, lowest first.
    /// </summary>
    public static ChartImage Scale(ChartTexts texts, bool bipolar, IReadOnlyList<string> steps, IReadOnlyList<ScaleRow> rows)
    {
        var plot = NewPlot();
        var series = DivergingLayout.Series(bipolar, steps,
            rows.Select(r => (r.Label, (IReadOnlyList<double>)r.Steps.Select(s => 100 * s.Share).ToList())).ToList());
        var legend = DivergingLayout.Legend(bipolar, steps);

        var min = bipolar ? -100 : 0;
        var pixelsPerPercent = DataWidth(rows.Select(r => r.Label)) / (100.0 - min);
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
                if (to - from >= MinLabelledPercent && Measure(text, ValueSize, bold: true) + 8 <= (to - from) * pixelsPerPercent)
                {
                    labels.Add((text, (from + to) / 2, y, IsDark(colour) ? Colors.White : Colors.Black));
                }
            }
        }
        // Bars first: what is added later is drawn on top.
        plot.Add.Bars(bars).Horizontal = true;
        foreach (var (text, x, y, colour) in labels)
        {
            AddLabel(plot, text, x, y, Alignment.MiddleCenter, colour);
        }

        const int step = 25;
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, (100 - min) / step + 1).Select(i => (double)(min + i * step)).ToArray(),
            Enumerable.Range(0, (100 - min) / step + 1).Select(i => Percent(Math.Abs(min + i * step) / 100.0)).ToArray());
        plot.Axes.SetLimitsX(min, 100);

        plot.Legend.ManualItems.AddRange(legend.Select(l => new LegendItem { LabelText = l.Label, FillColor = Color.FromHex(l.Colour), LineWidth = 0 }));
        return Finish(plot, texts, rows.Select(r => r.Label).ToList(), withLegend: true);
    }

    /// <summary>Plain bars, one per choice or category, in the order given; shares are of those who answered.</summary>
    public static ChartImage Bars(ChartTexts texts, IReadOnlyList<ChartShare> bars)
    {
        var plot = NewPlot();
        var items = bars.Select((b, i) => new Bar
        {
            Position = Position(i, bars.Count), ValueBase = 0, Value = 100 * b.Share, FillColor = Color.FromHex(BarColour), LineWidth = 0, Size = 0.6,
        }).ToList();
        plot.Add.Bars(items).Horizontal = true;
        for (var i = 0; i < bars.Count; i++)
        {
            AddLabel(plot, Percent(bars[i].Share), 100 * bars[i].Share, Position(i, bars.Count), Alignment.MiddleLeft, Colors.Black, offset: 8);
        }
        plot.Axes.Bottom.SetTicks([0, 25, 50, 75, 100], new[] { 0, 25, 50, 75, 100 }.Select(v => Percent(v / 100.0)).ToArray());
        // Room right of the longest bar for its label.
        plot.Axes.SetLimitsX(0, 110);
        return Finish(plot, texts, bars.Select(b => b.Label).ToList(), withLegend: false);
    }

    /// <summary>Whole percent from 10 % up, one decimal below, in the reader's culture ("47 %", "6,5 %"; "47%", "6.5%").</summary>
    public static string Percent(double share) =>
        Components.Format.Percent(share, Math.Round(share, 3) < 0.1 && Math.Round(share, 3) > 0 ? 1 : 0);

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Top.IsVisible = false;
        // An empty right axis keeps room for the value axis's last label ("100 %"), which is centred on the edge.
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Right.MinimumSize = 3 * TextSize;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TextSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TextSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#d0d0d0");
        return plot;
    }

    private static ChartImage Finish(Plot plot, ChartTexts texts, IReadOnlyList<string> rowLabels, bool withLegend)
    {
        var textWidth = Width - 2 * Margin;
        var labels = rowLabels.Select(l => Wrap(l, TextSize, bold: false, LabelWidth)).ToList();
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rowLabels.Count).Select(i => Position(i, rowLabels.Count)).ToArray(),
            labels.Select(l => string.Join("\n", l)).ToArray());
        plot.Axes.SetLimitsY(-0.5, rowLabels.Count - 0.5);

        var top = new TextPanel(Edge.Top,
            [.. Wrap(texts.Heading, HeadingSize, bold: true, textWidth).Select(l => new TextLine(l, HeadingSize, true)),
             .. Wrap(texts.Context, TextSize, bold: false, textWidth).Select(l => new TextLine(l, TextSize, false)),
             .. Wrap(texts.Title, TextSize, bold: false, textWidth).Select(l => new TextLine(l, TextSize, false))]);
        plot.Axes.AddPanel(top);

        if (withLegend)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = TextSize;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.TightHorizontalWrapping = true;
        }
        var note = texts.Note is null ? new List<TextLine>() : Wrap(texts.Note, TextSize, bold: false, textWidth).Select(l => new TextLine(l, TextSize, false)).ToList();
        if (note.Count > 0)
        {
            plot.Axes.AddPanel(new TextPanel(Edge.Bottom, note));
        }

        // Every row gets room for its label's lines; the words above and below get what they measure.
        var rowsHeight = labels.Sum(l => Math.Max(RowHeight, l.Count * TextSize * 1.3f + 24));
        var height = (int)Math.Ceiling(top.Height + rowsHeight + TextSize * 2.5f + (withLegend ? TextSize * 2.5f : 0) + (note.Count * TextSize * 1.3f) + 2 * Margin);
        return new ChartImage(plot, Width, height);
    }

    private const float LabelWidth = Width * 0.3f;

    /// <summary>The data area's width as the layout will make it: the figure less the row labels and the right margin.</summary>
    private static double DataWidth(IEnumerable<string> rowLabels)
    {
        var widest = rowLabels.SelectMany(l => Wrap(l, TextSize, bold: false, LabelWidth)).Select(l => Measure(l, TextSize, bold: false)).DefaultIfEmpty(0).Max();
        return Width - widest - 2 * Margin - 3 * TextSize;
    }

    private static float Measure(string text, float size, bool bold)
    {
        var style = new LabelStyle { FontSize = size, Bold = bold, FontName = Fonts.Default };
        using var paint = Paint.NewDisposablePaint();
        return style.Measure(text, paint).Width;
    }

    private static void AddLabel(Plot plot, string text, double x, double y, Alignment alignment, Color colour, float offset = 0)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = ValueSize;
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
