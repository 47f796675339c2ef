using System.Net;
using SurveyApp.Analysis.Charts;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

/// <summary>The chart files that the comparison page links to: both waves of one question, drawn on the server.</summary>
public sealed class ComparisonChartEndpointTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string FileStem = "uppfoljning-av-samling-for-social-hallbarhet-uppfoljning-december-2013-uppfoljning-2015-fiktiv-fraga-5";

    [Fact]
    public async Task AScaleQuestionsSvgShowsBothWavesWithTheirBaseAndTheTestAndIsNamedAfterSurveyWavesAndQuestion()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/jamfor/diagram/f5.svg?a=1&b=2");

        ChartFiles.AssertDownload(response, "image/svg+xml", FileStem + ".svg");
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg);
        Assert.Contains("Fråga 5. I vilken grad har ni gått vidare", svg);
        // The source line names the survey and both waves (wrapped to the image's width).
        Assert.Contains("Uppföljning av Samling för social hållbarhet: Uppföljning december 2013 jämförd", svg);
        Assert.Contains("Uppföljning 2015 (fiktiv).", svg);
        Assert.Contains("Andel av svaren på skalan per omgång", svg);
        // Each bar is named by its wave and its base, which is kept on one line.
        Assert.Contains("Uppföljning december 2013", svg);
        Assert.Contains("(n\u00A0=\u00A017)", svg);
        Assert.Contains("Uppföljning 2015 (fiktiv)", svg);
        Assert.Contains("(n\u00A0=\u00A015)", svg);
        Assert.Contains("Wilcoxons teckenrangtest, 15 deltagare som svarat i båda omgångarna", svg);
    }

    [Fact]
    public async Task WavesGivenTheWrongWayRoundGiveTheSamePngAsThePageDoes()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var reversed = await client.GetAsync("/resultat/jamfor/diagram/f5.png?a=2&b=1");
        using var ordered = await client.GetAsync("/resultat/jamfor/diagram/f5.png?a=1&b=2");

        ChartFiles.AssertDownload(reversed, "image/png", FileStem + ".png");
        var png = await reversed.Content.ReadAsByteArrayAsync();
        ChartFiles.AssertReportWidePng(png);
        Assert.Equal(await ordered.Content.ReadAsByteArrayAsync(), png);
    }

    [Fact]
    public async Task AChoiceQuestionsSvgGroupsEachAnswersBarsByWaveWithTheirBases()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/jamfor/diagram/f1.svg?a=1&b=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileStem.Replace("fraga-5", "fraga-1") + ".svg", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var svg = (await response.Content.ReadAsStringAsync()).Replace('\u00A0', ' ');
        Assert.Contains("Fråga 1. Hade ni tackat ja", svg);
        Assert.Contains("Andel av dem som svarat per omgång", svg);
        foreach (var answer in new[] { "Ja, helt säkert", "Ja, med viss tveksamhet", "Nej", "Vet ej" })
        {
            Assert.Contains($">{answer}<", System.Text.RegularExpressions.Regex.Replace(svg, @">\s+|\s+<", m => m.Value.Trim()));
        }
        // The legend names each wave with those who answered the question in it.
        Assert.Contains("Uppföljning december 2013 (n = 17)", svg);
        Assert.Contains("Uppföljning 2015 (fiktiv) (n = 16)", svg);
        // A choice question has no test of a scale.
        Assert.DoesNotContain("Wilcoxon", svg);
    }

    [Fact]
    public async Task TheComparisonPageShowsTheChoiceChartItLinksTo()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/resultat/jamfor?a=1&b=2"));

        var figure = System.Text.RegularExpressions.Regex.Match(html, "<figure class=\"chart\" id=\"diagram-jamfor-f1\">.*?</figure>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<svg", figure);
        Assert.Contains("role=\"img\"", figure);
        Assert.Contains("Andel av dem som svarat per omgång", figure);
        Assert.Contains("href=\"/resultat/jamfor/diagram/f1.png?a=1&b=2\"", figure);
    }

    [Theory]
    [InlineData("/resultat/jamfor/diagram/f2.svg?a=1&b=2")]  // an open question
    [InlineData("/resultat/jamfor/diagram/f5.svg?a=1&b=2&del=a")]  // an item the question does not have
    [InlineData("/resultat/jamfor/diagram/finns-inte.png?a=1&b=2")]
    [InlineData("/resultat/jamfor/diagram/f5.svg?a=1")]
    [InlineData("/resultat/jamfor/diagram/f5.svg?a=1&b=999")]
    public async Task WhereThePageShowsNoChartThereIsNoFileAndNothingIsRevealed(string path)
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync(path);

        AssertNothingRevealed(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AComparisonThePageSuppressesHasNoChart()
    {
        // The fictional wave's 16 responses are below this smallest group.
        using var app = new SurveyAppFactory(demoResponses: true, settings: new Dictionary<string, string> { ["Analysis:MinGroupSize"] = "17" });
        using var client = await app.SignedInClientAsync(StaffRoles.Analyst);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/resultat/jamfor?a=1&b=2"));
        using var svg = await client.GetAsync("/resultat/jamfor/diagram/f5.svg?a=1&b=2");
        using var png = await client.GetAsync("/resultat/jamfor/diagram/f5.png?a=2&b=1");
        using var choice = await client.GetAsync("/resultat/jamfor/diagram/f1.svg?a=1&b=2");

        Assert.Contains("För få svar att visa", page);
        AssertNothingRevealed(svg, await svg.Content.ReadAsStringAsync());
        AssertNothingRevealed(png, await png.Content.ReadAsStringAsync());
        AssertNothingRevealed(choice, await choice.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/resultat/jamfor?a=2&b=1", "/resultat/jamfor/diagram/f5.svg?a=1&amp;b=2", "/resultat/jamfor/diagram/f5.png?a=1&amp;b=2")]
    [InlineData("/resultat/1/fritext/f2", "/resultat/1/diagram/f2.svg", "/resultat/1/diagram/f2.png")]
    public async Task TheComparisonAndCodingPagesLinkToTheirChartsOnTheServer(string page, string svg, string png)
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        var html = await client.GetStringAsync(page);

        Assert.Contains($"href=\"{svg}\"", html);
        Assert.Contains($"href=\"{png}\"", html);
        Assert.DoesNotContain("charts.js", html);
    }

    [Fact]
    public async Task WithoutSignInTheChartRedirectsToSignIn()
    {
        using var client = fixture.App.CreateRespondent();

        var page = await client.GetPageAsync("/resultat/jamfor/diagram/f5.svg?a=1&b=2");

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.StartsWith("/logga-in?ReturnUrl=", page.Location);
        Assert.DoesNotContain("<svg", page.Html);
    }

    private static void AssertNothingRevealed(HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.DoesNotContain("n = ", body);
        Assert.DoesNotContain("<svg", body);
    }
}
