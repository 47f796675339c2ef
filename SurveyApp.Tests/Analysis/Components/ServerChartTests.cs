using Bunit;
using SurveyApp.Analysis.Charts;
using SurveyApp.Analysis.Components;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class ServerChartTests : LocalizedTestContext
{
    private static readonly string[] Steps = ["I låg grad", "Varken eller", "I hög grad"];

    private static ScaleDrawing Scale(string rowLabel = "Svarande (n = 10)") =>
        new(true, Steps, [new ScaleRow(rowLabel, [new("I låg grad", 2, 0.2), new("Varken eller", 3, 0.3), new("I hög grad", 5, 0.5)])]);

    private IRenderedComponent<ServerChart> Render(ChartDrawing drawing, string id = "diagram-1-f9", string title = "Andel av svaren på skalan (n = 10)") =>
        Render<ServerChart>(ps => ps
            .Add(p => p.Id, id)
            .Add(p => p.Title, title)
            .Add(p => p.Drawing, drawing)
            .Add(p => p.Download, new ChartDownload("/resultat/1/diagram/f9.svg", "/resultat/1/diagram/f9.png")));

    [Fact]
    public void TheChartIsAnSvgImageNamedAfterItsTitleThatPointsToTheTable()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Scale());

        var svg = cut.Find("figure#diagram-1-f9 .chart__body > svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = cut.Find($"svg > title#{svg.GetAttribute("aria-labelledby")}");
        Assert.Equal("Diagram: Andel av svaren på skalan (n = 10). Samma siffror finns i tabellen.", title.TextContent);
        Assert.Equal("Andel av svaren på skalan (n = 10)", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void TheDrawingScalesToItsContainerAndCarriesTheBarsLabels()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Scale());

        var svg = cut.Find("svg");
        Assert.Equal("100%", svg.GetAttribute("width"));
        Assert.Null(svg.GetAttribute("height"));
        Assert.Equal($"0 0 {ChartLayout.Page.Width}", string.Join(' ', svg.GetAttribute("viewBox")!.Split(' ').Take(3)));
        var texts = cut.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Svarande (n = 10)", texts);
        Assert.Contains("50 %", texts);
        // The page writes the legend as a list of its own, beside the drawing.
        Assert.Equal(Steps, cut.FindAll(".chart__legend li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, cut.FindAll(".chart__downloads a").Count);
    }

    [Fact]
    public void TwoChartsOnOnePageClipWithIdsOfTheirOwn()
    {
        using var culture = UiCulture.Swedish();

        var first = Render(Scale(), id: "diagram-1-f5").Markup;
        var second = Render(Scale(), id: "diagram-1-f9").Markup;

        var firstIds = System.Text.RegularExpressions.Regex.Matches(first, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var secondIds = System.Text.RegularExpressions.Regex.Matches(second, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(firstIds, id => id.StartsWith("diagram-1-f5-cl", StringComparison.Ordinal));
        Assert.Empty(firstIds.Intersect(secondIds));
        // Every reference inside a drawing points at an id of the same drawing.
        foreach (System.Text.RegularExpressions.Match reference in System.Text.RegularExpressions.Regex.Matches(first, @"url\(#([^)]+)\)"))
        {
            Assert.Contains(reference.Groups[1].Value, firstIds);
        }
    }

    [Fact]
    public void LabelsAndTitlesWithMarkupAreShownAsText()
    {
        using var culture = UiCulture.Swedish();
        const string hostile = "<script>alert(1)</script> & <img src=x onerror=\"alert(2)\"> </svg><b>fet</b>";

        var cut = Render(new BarsDrawing([new ChartShare(hostile, 3, 0.5), new ChartShare("Nej", 3, 0.5)]), title: hostile);

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("b"));
        Assert.DoesNotContain(cut.FindAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        // Long labels are wrapped between words; the words are there, as text.
        var texts = string.Join(" ", cut.FindAll("svg text").Select(t => t.TextContent.Trim()));
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Contains("</svg><b>fet</b>", texts);
        Assert.Contains(hostile, cut.Find("svg > title").TextContent);
        Assert.Equal(hostile, cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void AGroupedChartListsItsSeriesAsTheLegend()
    {
        using var culture = UiCulture.Swedish();
        var drawing = new GroupedBarsDrawing(["Ja", "Nej"],
        [
            new ChartSeries("2013 (n = 17)", QuestionChart.SeriesColours[0], [new("Ja", 14, 14 / 17.0), new("Nej", 3, 3 / 17.0)]),
            new ChartSeries("2015 (n = 15)", QuestionChart.SeriesColours[1], [new("Ja", 6, 6 / 15.0), new("Nej", 9, 9 / 15.0)]),
        ]);

        var cut = Render(drawing);

        Assert.Equal(["2013 (n = 17)", "2015 (n = 15)"], cut.FindAll(".chart__legend li").Select(li => li.TextContent.Trim()));
        var texts = cut.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["82 %", "18 %", "40 %", "60 %"], texts.Where(t => t is "82 %" or "18 %" or "40 %" or "60 %"));
    }

    [Fact]
    public void AChartIsDrawnAgainOnlyWhenWhatItShowsChanges()
    {
        using var culture = UiCulture.Swedish();
        var draws = new DrawCount();
        var cut = Render(new CountingDrawing(Scale(), draws));
        Assert.Equal(1, draws.Value);

        // The page renders again and hands over a new drawing with the same bars: the chart stays as drawn.
        cut.Render(ps => ps.Add(p => p.Drawing, new CountingDrawing(Scale(), draws)));
        Assert.Equal(1, draws.Value);

        // New figures, or a new title, draw it again.
        cut.Render(ps => ps.Add(p => p.Drawing, new CountingDrawing(Scale("Svarande (n = 11)"), draws)));
        Assert.Equal(2, draws.Value);
        Assert.Contains("Svarande (n = 11)", cut.Find("svg").TextContent);
        cut.Render(ps => ps.Add(p => p.Title, "Andel av svaren på skalan (n = 11)"));
        Assert.Equal(3, draws.Value);
        Assert.Contains("(n = 11)", cut.Find("svg > title").TextContent);
    }

    private sealed class DrawCount
    {
        public int Value;
    }

    /// <summary>A scale chart that counts how often it is drawn; the count is not part of what it shows.</summary>
    private sealed record CountingDrawing(ScaleDrawing Inner, [property: System.Text.Json.Serialization.JsonIgnore] DrawCount Draws) : ChartDrawing
    {
        public override IReadOnlyList<SurveyApp.Analysis.Components.LegendEntry> Legend => Inner.Legend;

        public override ChartImage Draw(ChartTexts? texts, ChartLayout layout)
        {
            Draws.Value++;
            return Inner.Draw(texts, layout);
        }
    }
}
