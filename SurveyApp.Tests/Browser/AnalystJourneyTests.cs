using Microsoft.Playwright;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Browser;

/// <summary>
/// An analyst signs in, reads the 2013 wave's results, filters them, downloads a chart, compares the
/// waves, opens a cross-tab and codes an open answer. axe-core audits every page at desktop and phone
/// width, and the results pages must read on a phone without sideways scrolling; screenshots go to
/// TestResults/screenshots/analyst.
/// </summary>
public sealed class AnalystJourneyTests : IAsyncLifetime
{
    private const string Email = "analytiker@example.se";
    private readonly AppProcess _app = new(demoResponses: true);
    private BrowserSession _browser = default!;
    private string _password = "";

    public async Task InitializeAsync()
    {
        var output = await _app.RunCommandAsync("create-staff", Email, "analyst");
        _password = AppProcess.PasswordFrom(output);
        await _app.StartAsync();
        _browser = await BrowserSession.LaunchAsync("analyst");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public Task AnalystReadsFiltersComparesDownloadsAndCodes() => _browser.ExplainFailureAsync(_app, AnalystReadsFiltersComparesDownloadsAndCodesStepsAsync);

    private async Task AnalystReadsFiltersComparesDownloadsAndCodesStepsAsync()
    {
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(_app.BaseUrl + "/resultat");
        await page.WaitForURLAsync("**/logga-in?ReturnUrl=%2Fresultat");
        await _browser.CheckPageAsync(page, "sign-in");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", _password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_app.BaseUrl + "/resultat");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Resultat");
        await Expect(page.Locator("main")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"17 av 20 har svarat \(85\s%\)"));
        await _browser.CheckPageAsync(page, "waves", fitsPhone: true);

        await page.GetByRole(AriaRole.Link, new() { Name = "Uppföljning december 2013", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/resultat/1");
        await WaitForChartsAsync(page);
        var f9 = page.Locator("section:has(#h-f9)");
        await Expect(f9.Locator("tr:has(th:text-is('I hög grad'))")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"65\s%"));
        await Expect(f9.Locator("tr:has(th:text-is('I hög grad')) td").First).ToHaveTextAsync("11");
        await _browser.CheckPageAsync(page, "wave-results", fitsPhone: true);

        // Who has answered: a list paged and searched by the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "Vilka har svarat? (3 har inte skickat in)" }).ClickAsync();
        var participants = page.Locator(".participants__grid");
        await Expect(participants.Locator("tbody tr")).ToHaveCountAsync(20);
        await participants.GetByLabel("Sök på namn").FillAsync("örebro");
        await Expect(participants.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(participants.Locator("tbody")).ToContainTextAsync("Örebro läns landsting");
        await _browser.CheckPageAsync(page, "who-has-answered", fitsPhone: true);

        // Charts download as files drawn on the server: SVG (with heading, source, title and legend) and a report-wide PNG.
        var svgLink = f9.GetByRole(AriaRole.Link, new() { Name = "Ladda ner SVG" });
        await Expect(svgLink).ToHaveAttributeAsync("href", "/resultat/1/diagram/f9.svg");
        var (svg, svgName) = await DownloadAsync(page, svgLink);
        Assert.Equal("uppfoljning-av-samling-for-social-hallbarhet-uppfoljning-december-2013-fraga-9.svg", svgName);
        var svgText = System.Text.Encoding.UTF8.GetString(svg);
        Assert.Contains("<svg", svgText);
        Assert.Contains("Andel av svaren på skalan (n = 17)", svgText);
        Assert.Contains("Fråga 9.", svgText);
        Assert.Contains("I vilken grad har arbetet med Samlingen", svgText);
        Assert.Contains("Uppföljning december 2013", svgText);
        Assert.Contains("I mycket hög grad", svgText);
        var (png, pngName) = await DownloadAsync(page, f9.GetByRole(AriaRole.Link, new() { Name = "Ladda ner PNG" }));
        Assert.EndsWith("-fraga-9.png", pngName);
        SurveyApp.Tests.Analysis.Charts.ChartFiles.AssertReportWidePng(png);
        Assert.InRange(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), 300, 2000);
        Assert.True(png.Length > 20000, $"PNG of {png.Length} bytes");

        // Filter by participant type: the ten municipalities are shown, the four county councils are not.
        var kommun = page.GetByLabel("kommun", new() { Exact = true });
        await kommun.CheckAsync();
        await Expect(kommun).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        // The filter navigates within the interactive page, so the address changes without a new page load.
        await page.WaitForURLAsync("**/resultat/1?typ=kommun", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator(".filter-summary")).ToHaveTextAsync("Filtret (Deltagartyp: kommun) visar 10 av 17 svar.");
        await WaitForChartsAsync(page);
        await _browser.CheckPageAsync(page, "filtered", fitsPhone: true);

        // The workbook of the filtered view downloads from the results page.
        var (workbook, _) = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner Excel" }));
        Assert.Equal("PK"u8.ToArray(), workbook.Take(2));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook)))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
        }

        await page.GotoAsync(_app.BaseUrl + "/resultat/1?typ=landsting");
        // The filter's buttons come alive with the page's circuit: after that the page no longer re-renders.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Visa" })).ToBeEnabledAsync();
        await Expect(page.Locator(".notice h2")).ToHaveTextAsync("För få svar att visa");
        await Expect(page.Locator(".question-results")).ToHaveCountAsync(0);
        await _browser.CheckPageAsync(page, "suppressed", fitsPhone: true);

        // Divided by a further detail of the list instead (landsdel): Norrland's one organisation is hidden, and with it
        // the next smallest part, Götaland; Svealand's nine can be shown, but not downloaded row by row.
        await page.GotoAsync(_app.BaseUrl + "/resultat/1");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Visa" })).ToBeEnabledAsync();
        await SelectChoice.ChooseAsync(page.GetByLabel("Dela upp efter", new() { Exact = true }), "landsdel");
        await Expect(page.GetByLabel("Norrland", new() { Exact = true })).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Götaland", new() { Exact = true })).ToBeDisabledAsync();
        await Expect(page.Locator("#filter-hidden-note")).ToContainTextAsync("Götaland, Norrland");
        await page.GetByLabel("Svealand", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_app.BaseUrl + "/resultat/1?uppgift=landsdel&grupp=Svealand");
        await Expect(page.Locator(".filter-summary")).ToHaveTextAsync("Filtret (landsdel: Svealand) visar 9 av 17 svar.");
        await Expect(page.Locator(".results-rows-note")).ToContainTextAsync("Svaren rad för rad laddas inte ner");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner CSV" })).ToHaveCountAsync(0);
        await WaitForChartsAsync(page);
        await _browser.CheckPageAsync(page, "filtered-by-detail", fitsPhone: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Korstabell per landsdel" }).First.ClickAsync();
        // The link keeps the dimension, not the part ticked: the table compares every part of Sweden.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/resultat/1/korstabell\?uppgift=landsdel&fraga=\w+$"));
        await Expect(page.Locator("thead th:has-text('Svealand')")).Not.ToContainTextAsync("dold");
        await Expect(page.Locator("thead th:has-text('Norrland')")).ToContainTextAsync("dold");

        await page.GotoAsync(_app.BaseUrl + "/resultat/1/korstabell?fraga=f8");
        await Expect(page.Locator("thead")).ToContainTextAsync("dold");
        await _browser.CheckPageAsync(page, "cross-tab", fitsPhone: true);
        // The cross-tab is live: choosing another question shows its table and keeps it in the address.
        await SelectChoice.ChooseAsync(page.GetByLabel("Fråga", new() { Exact = true }), "Fråga 1.", exact: false);
        await page.WaitForURLAsync("**/resultat/1/korstabell?fraga=f1", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("caption")).ToContainTextAsync("Fråga 1.");
        // The columns can divide by the list's landsdel instead of the type, the small parts hidden by the same rule.
        await SelectChoice.ChooseAsync(page.GetByLabel("Kolumner efter", new() { Exact = true }), "landsdel");
        // The address is followed by polling it: a navigation inside the live page can come before a wait for it begins.
        await Assertions.Expect(page).ToHaveURLAsync(_app.BaseUrl + "/resultat/1/korstabell?uppgift=landsdel&fraga=f1");
        await Expect(page.Locator("thead th:has-text('Norrland')")).ToContainTextAsync("dold");
        await Expect(page.Locator("thead th:has-text('Götaland')")).ToContainTextAsync("dold");
        await Expect(page.Locator("thead th:has-text('Svealand')")).Not.ToContainTextAsync("dold");
        await _browser.CheckPageAsync(page, "cross-tab-by-detail", fitsPhone: true);

        await page.GotoAsync(_app.BaseUrl + "/resultat/jamfor?a=1&b=2");
        await Expect(page.Locator("section:has(#h-jamfor-f5) .results-test")).ToContainTextAsync("Wilcoxons teckenrangtest, 15 deltagare som svarat i båda omgångarna");
        await WaitForChartsAsync(page);
        // Each bar is named in full, so the two waves can be told apart.
        var comparisonChart = page.Locator("#diagram-jamfor-f5 svg");
        await Expect(comparisonChart).ToContainTextAsync("Uppföljning december 2013 (n = 17)");
        await Expect(comparisonChart).ToContainTextAsync("Uppföljning 2015 (fiktiv) (n = 15)");
        // The comparison's chart downloads as a file drawn on the server, with the question and both waves.
        var (comparisonSvg, comparisonSvgName) = await DownloadAsync(page,
            page.Locator("section:has(#h-jamfor-f5)").GetByRole(AriaRole.Link, new() { Name = "Ladda ner SVG" }));
        Assert.Equal("uppfoljning-av-samling-for-social-hallbarhet-uppfoljning-december-2013-uppfoljning-2015-fiktiv-fraga-5.svg", comparisonSvgName);
        var comparisonSvgText = System.Text.Encoding.UTF8.GetString(comparisonSvg);
        Assert.Contains("Fråga 5. I vilken grad har ni gått vidare", comparisonSvgText);
        Assert.Contains("Uppföljning december 2013", comparisonSvgText);
        Assert.Contains("Uppföljning 2015 (fiktiv)", comparisonSvgText);
        await _browser.CheckPageAsync(page, "comparison", fitsPhone: true);

        await CodeAnOpenAnswerAsync(page);
        await context.CloseAsync();
    }

    private async Task CodeAnOpenAnswerAsync(IPage page)
    {
        await page.GotoAsync(_app.BaseUrl + "/resultat/1/fritext/f2");
        await Expect(page.Locator("h1")).ToContainTextAsync("Vilken var fördelen");
        var research = page.Locator("tr:has(th:text-is('Ta del av forskning'))").First;
        await Expect(research).ToContainTextAsync("3");
        var box = page.Locator("input[type=checkbox]:not(:checked)").Filter(new() { Has = null }).And(page.GetByLabel("Ta del av forskning")).First;
        await box.CheckAsync();
        await Expect(research).ToContainTextAsync("4");
        await _browser.CheckPageAsync(page, "coding", fitsPhone: true);

        // The answers are searched by the server, a page at a time.
        await page.GetByLabel("Sök i svaren").FillAsync("FORSKNING");
        await Expect(page.Locator(".coding__count")).ToContainTextAsync("av 17 svar visas");
        await Expect(page.Locator(".coding__grid tbody tr")).ToHaveCountAsync(3);
        await _browser.CheckPageAsync(page, "coding-search", fitsPhone: true);
    }

    private static async Task WaitForChartsAsync(IPage page) =>
        await Expect(page.Locator(".chart__body svg").First).ToBeVisibleAsync();

    private static async Task<(byte[] Content, string Name)> DownloadAsync(IPage page, ILocator link)
    {
        IDownload download;
        try
        {
            download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync(), new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // A click that lands while the live page replaces the element under it starts nothing; a user clicks again.
            download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        }
        var path = await download.PathAsync();
        return (await File.ReadAllBytesAsync(path), download.SuggestedFilename);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
