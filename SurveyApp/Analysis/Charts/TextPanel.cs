using ScottPlot;

namespace SurveyApp.Analysis.Charts;

public sealed record TextLine(string Text, float Size, bool Bold);

/// <summary>
/// Lines of text above or below the data area, aligned with the figure's left edge rather than centred over the
/// data, so a long wrapped heading reads like a paragraph. The lines are wrapped before they get here.
/// </summary>
internal sealed class TextPanel(Edge edge, IReadOnlyList<TextLine> lines) : IPanel
{
    private const float LineSpacing = 1.3f;
    private const float Padding = 16;
    private const float Left = 24;

    public bool IsVisible { get; set; } = true;
    public Edge Edge { get; } = edge;
    public bool ShowDebugInformation { get; set; }
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;

    public float Height => lines.Sum(l => l.Size * LineSpacing) + 2 * Padding;

    public float Measure(Paint paint) => Height;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) => Edge == Edge.Top
        ? new PixelRect(dataRect.Left, dataRect.Right, dataRect.Top - offset - size, dataRect.Top - offset)
        : new PixelRect(dataRect.Left, dataRect.Right, dataRect.Bottom + offset + size, dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        var y = (Edge == Edge.Top ? rp.DataRect.Top - offset - size : rp.DataRect.Bottom + offset) + Padding;
        foreach (var line in lines)
        {
            var style = new LabelStyle
            {
                Text = line.Text, FontSize = line.Size, Bold = line.Bold, FontName = Fonts.Default,
                ForeColor = Color.FromHex("#1b1b1b"), Alignment = Alignment.UpperLeft,
            };
            style.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + Left, y), rp.Paint, true);
            y += line.Size * LineSpacing;
        }
    }
}
