using System.Buffers.Binary;
using System.Text.RegularExpressions;
using SurveyApp.Analysis.Charts;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

public class QuestionChartTests
{
    private static readonly string[] Steps = ["I mycket låg grad", "I låg grad", "Varken låg eller hög grad", "I hög grad", "I mycket hög grad"];

    private static readonly ChartTexts Texts = new(
        "Fråga 9. I vilken grad har arbetet med Samlingen påverkat (eller kommer att påverka) hur ni arbetar med att minska skillnaderna i hälsa i er organisation framöver?",
        "Uppföljning av Samling för social hållbarhet, Uppföljning december 2013.",
        "Andel av svaren på skalan (n = 17)",
        "Utanför skalan, inte med i staplarna: Vet ej 2.");

    // 17 answers on the scale: 1, 1, 3, 8, 4.
    private static ScaleRow Row() => new("Svarande (n = 17)",
        [.. new[] { 1, 1, 3, 8, 4 }.Select((count, i) => new ChartShare(Steps[i], count, count / 17.0))]);

    private static string Svg(ChartImage chart) => chart.ToSvg().Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static IEnumerable<string> SvgTexts(string svg) =>
        Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim());

    [Fact]
    public void AScaleChartCarriesItsWrappedHeadingSourceTitleLegendAndNote()
    {
        using var culture = UiCulture.Swedish();
        using var chart = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row()]);

        var svg = Svg(chart);
        var texts = SvgTexts(svg).ToList();

        // The heading is broken into lines, but every word of it is there: never cut.
        var headingLines = texts.SkipWhile(t => !t.StartsWith("Fråga 9.")).TakeWhile(t => !t.StartsWith("Uppföljning av")).ToList();
        Assert.True(headingLines.Count >= 2, string.Join(" | ", headingLines));
        Assert.Equal(Texts.Heading, string.Join(" ", headingLines));
        Assert.Contains(Texts.Context, texts);
        Assert.Contains(Texts.Title, texts);
        Assert.Contains(Texts.Note, texts);
        Assert.Contains("Svarande (n = 17)", texts);
        var legend = texts.Where(Steps.Contains).ToList();
        Assert.Equal(Steps, legend);
    }

    [Fact]
    public void SegmentsAreLabelledInSwedishWithADecimalCommaBelowTenPercentAndTinyOnesAreLeftBare()
    {
        using var culture = UiCulture.Swedish();
        var row = new ScaleRow("Svarande (n = 200)",
            [new("Nej", 6, 0.03), new("Ja, i viss grad", 17, 0.085), new("Ja, i hög grad", 177, 0.885)]);

        using var chart = QuestionChart.Scale(Texts with { Note = null }, bipolar: false, ["Nej", "Ja, i viss grad", "Ja, i hög grad"], [row]);
        var texts = SvgTexts(Svg(chart)).ToList();

        Assert.Contains("8,5 %", texts);
        Assert.Contains("89 %", texts);
        Assert.DoesNotContain("3,0 %", texts);
        Assert.DoesNotContain("3 %", texts);
    }

    [Fact]
    public void TheMiddleStepSplitAcrossZeroIsLabelledOnceWithItsWholeShare()
    {
        using var culture = UiCulture.Swedish();
        using var chart = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row()]);

        var texts = SvgTexts(Svg(chart)).ToList();

        Assert.Single(texts, t => t == "18 %"); // 3 of 17
        Assert.Contains("47 %", texts); // 8 of 17
        // 1 of 17 is 5,9 % of the answers but only 3 % of the diverging axis: too narrow for its label.
        Assert.DoesNotContain("5,9 %", texts);
    }

    [Fact]
    public void InEnglishPercentagesAreWrittenTheEnglishWay()
    {
        using var culture = UiCulture.English();
        using var chart = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row()]);

        var texts = SvgTexts(Svg(chart)).ToList();

        Assert.Contains("47%", texts);
        Assert.Contains("18%", texts);
    }

    [Fact]
    public void ChoicesArePlainBarsInTheirOrderWithTheirShares()
    {
        using var culture = UiCulture.Swedish();
        using var chart = QuestionChart.Bars(Texts with { Title = "Andel av dem som svarat (n = 19)", Note = null },
            [new("Ja", 14, 14 / 19.0), new("Nej", 3, 3 / 19.0), new("Vet ej", 2, 2 / 19.0)]);

        var texts = SvgTexts(Svg(chart)).ToList();

        Assert.Equal(["Ja", "Nej", "Vet ej"], texts.Where(t => t is "Ja" or "Nej" or "Vet ej"));
        Assert.Contains("74 %", texts);
        Assert.Contains("16 %", texts);
        Assert.Contains("11 %", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("I mycket"));
    }

    [Fact]
    public void ThePngIsAReportWideImageOfTheSameDrawing()
    {
        using var culture = UiCulture.Swedish();
        using var chart = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row()]);

        var png = chart.ToPng();

        ChartFiles.AssertReportWidePng(png);
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(chart.Height, height);
        Assert.InRange(height, 400, 1200);
        Assert.Contains($"width=\"{QuestionChart.Width}\"", chart.ToSvg());
    }

    [Fact]
    public void MoreRowsMakeATallerImage()
    {
        using var culture = UiCulture.Swedish();
        using var one = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row()]);
        using var five = QuestionChart.Scale(Texts, bipolar: true, Steps, [Row(), Row(), Row(), Row(), Row()]);

        Assert.True(five.Height > one.Height + 300, $"{one.Height} and {five.Height}");
    }

    [Fact]
    public void TextFromSurveysAndCodingCannotBecomeMarkupInTheSvg()
    {
        // Question texts, labels and category names are typed by staff and imported from files; an SVG opened
        // in a browser must show them as text, never run or render them as markup.
        using var culture = UiCulture.Swedish();
        const string hostile = "<script>alert(1)</script> & <image href=\"x\" onerror=\"alert(2)\"/>";
        using var chart = QuestionChart.Bars(new ChartTexts("Fråga 1. " + hostile, hostile, hostile, hostile), [new ChartShare(hostile, 3, 0.5), new ChartShare("Nej", 3, 0.5)]);

        var svg = chart.ToSvg();
        var document = System.Xml.Linq.XDocument.Parse(svg);

        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "image" or "foreignObject");
        Assert.DoesNotContain(document.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Contains("<script>alert(1)</script>"));
    }
}
