using System.Net;
using SurveyApp.Analysis.Charts;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

/// <summary>The chart files that the results page links to, drawn on the server from the page's own figures.</summary>
public sealed class ChartEndpointTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task AScaleQuestionsSvgCarriesItsHeadingSourceAndLegendAndIsNamedAfterSurveyWaveAndQuestion()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/1/diagram/f9.svg");

        ChartFiles.AssertDownload(response, "image/svg+xml", "uppfoljning-av-samling-for-social-hallbarhet-uppfoljning-december-2013-fraga-9.svg");
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg);
        Assert.Contains("Fråga 9.", svg);
        Assert.Contains("Uppföljning december 2013", svg);
        Assert.Contains("Andel av svaren på skalan (n = 17)", svg);
        Assert.Contains("I mycket hög grad", svg);
        Assert.Contains("DejaVu Sans", svg);
    }

    [Fact]
    public async Task AChoiceQuestionsPngIsAReportWideImageOfTheFilteredView()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/1/diagram/f1.png?typ=kommun");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        ChartFiles.AssertReportWidePng(png);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task TheFilterIsWrittenIntoTheChart()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        var svg = await client.GetStringAsync("/resultat/1/diagram/f9.svg?typ=kommun");

        Assert.Contains("Urval: kommun.", svg);
    }

    [Theory]
    [InlineData("/resultat/1/diagram/f9.svg?typ=landsting")]  // a view too small to show
    [InlineData("/resultat/1/diagram/f9.png?typ=kommun&typ=regionf%C3%B6rbund")]  // a view that reveals a small rest
    [InlineData("/resultat/1/diagram/f3.png")]  // an open question with no coded categories
    [InlineData("/resultat/1/diagram/finns-inte.svg")]
    [InlineData("/resultat/999/diagram/f9.svg")]
    public async Task WhereThePageShowsNoChartThereIsNoFileAndNothingIsRevealed(string path)
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("n = ", body);
        Assert.DoesNotContain("<svg", body);
    }
}
