using Bunit;
using SurveyApp.Analysis.Components;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Components;

public class ChartFrameTests : LocalizedTestContext
{
    private IRenderedComponent<ChartFrame> Render(string? note = null) =>
        Render<ChartFrame>(ps => ps
            .Add(p => p.Id, "diagram-1-f9")
            .Add(p => p.Title, "Andel av svaren på skalan (n = 17)")
            .Add(p => p.Legend, [new LegendEntry("I låg grad", "#ef8a62"), new LegendEntry("I hög grad", "#67a9cf")])
            .Add(p => p.Note, note)
            .AddChildContent("<svg><rect width=\"10\" height=\"10\"></rect></svg>"));

    [Fact]
    public void TheChartIsAFigureWithItsTitleAndItsDrawing()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render();

        var figure = cut.Find("figure#diagram-1-f9");
        Assert.Equal("Andel av svaren på skalan (n = 17)", figure.QuerySelector("figcaption")!.TextContent);
        Assert.NotNull(figure.QuerySelector(".chart__body svg"));
    }

    [Fact]
    public void TheLegendListsEveryStepWithItsColour()
    {
        var cut = Render();

        var entries = cut.FindAll(".chart__legend li");
        Assert.Equal(["I låg grad", "I hög grad"], entries.Select(e => e.TextContent.Trim()));
        Assert.Equal(["#ef8a62", "#67a9cf"], entries.Select(e => e.GetAttribute("data-colour")));
    }

    [Fact]
    public void OffScaleAnswersAreNotedBesideTheChart()
    {
        var cut = Render(note: "Utanför skalan, inte med i staplarna: Vet ej 1.");

        Assert.Equal("Utanför skalan, inte med i staplarna: Vet ej 1.", cut.Find(".chart__note").TextContent);
    }

    [Fact]
    public void AChartWithoutFilesOnTheServerOffersNoDownload()
    {
        var cut = Render();

        Assert.Empty(cut.FindAll(".chart__downloads"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void AChartDrawnOnTheServerDownloadsThroughPlainLinksThatNeedNoScript()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var cut = Render<ChartFrame>(ps => ps
            .Add(p => p.Id, "diagram-1-f9")
            .Add(p => p.Title, "Andel av svaren på skalan (n = 10)")
            .Add(p => p.Download, new ChartDownload("/resultat/1/diagram/f9.svg?typ=kommun", "/resultat/1/diagram/f9.png?typ=kommun")));

        var links = cut.FindAll(".chart__downloads a");

        Assert.Empty(cut.FindAll("button"));
        Assert.Equal(["/resultat/1/diagram/f9.svg?typ=kommun", "/resultat/1/diagram/f9.png?typ=kommun"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a =>
        {
            Assert.True(a.HasAttribute("download"));
            Assert.Equal("false", a.GetAttribute("data-enhance-nav"));
            Assert.False(a.HasAttribute("disabled"));
        });
        Assert.Equal(["Ladda ner SVG: Andel av svaren på skalan (n = 10)", "Ladda ner PNG: Andel av svaren på skalan (n = 10)"], links.Select(a => a.TextContent));
    }
}
