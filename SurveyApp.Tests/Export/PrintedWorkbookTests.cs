using System.Text.RegularExpressions;
using SurveyApp.Analysis;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>
/// The 2013 wave's workbook as a report author prints it: converted to PDF by LibreOffice (Debian's
/// libreoffice-calc-nogui, which test.sh installs), each page's text read back with pdftotext (poppler-utils). Every
/// page's footer names its sheet, so the pages of each sheet can be counted.
/// </summary>
public sealed partial class PrintedWorkbookTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Office = "/usr/bin/soffice";
    private const string PdfText = "/usr/bin/pdftotext";

    [Fact]
    public async Task EachQuestionPrintsOnOnePageWithItsChartAndTheWorkbookOnAFewPages()
    {
        string pdf;
        using (UiCulture.Swedish())
        {
            pdf = await PrintAsync("sv");
        }
        var pages = await PagesAsync(pdf);

        var bySheet = pages.GroupBy(p => p.Sheet).ToDictionary(g => g.Key, g => g.Count());
        // Before pages were set up, LibreOffice made 60 pages of it, every chart split over two or three.
        Assert.InRange(pages.Count, 10, 16);
        Assert.Equal(1, bySheet["Sammanfattning"]);
        foreach (var question in new[] { "f1 Hade ni tackat ja till att i", "f5 I vilken grad har ni gått vi", "f7 Är innebörden av beslutet at", "f8 Har arbetet med Samlingen va", "f9 I vilken grad har arbetet me" })
        {
            Assert.Equal((question, 1), (question, bySheet.GetValueOrDefault(question)));
        }
        Assert.Equal(1, bySheet["Svar"]);
        Assert.Equal(1, bySheet["Kodbok"]);
        // Every page says which it is of how many, and carries the survey and wave at its top.
        Assert.All(pages, p => Assert.Matches(@"Sida \d+ av " + pages.Count, p.Footer));
        Assert.All(pages, p => Assert.StartsWith("Uppföljning av Samling för social hållbarhet – Uppföljning december 2013", p.Text.TrimStart()));

        // A question's page holds its table and its chart: the chart's axis and labels are printed beside the table,
        // "Vet ej" among the bars as on the results page, and the shares as Swedish writes them.
        var f1 = pages.Single(p => p.Sheet.StartsWith("f1 ", StringComparison.Ordinal)).Text;
        Assert.Equal(2, Regex.Count(f1, "Vet ej"));
        Assert.Contains("100 %", f1);
        Assert.Contains("88 %", f1);
        Assert.DoesNotContain("88%", f1);
        // The summary's figures are on its page.
        var summary = pages.Single(p => p.Sheet == "Sammanfattning").Text;
        Assert.Matches(@"Svarsfrekvens\s+85 %", summary);
    }

    [Fact]
    public async Task AnEnglishWorkbookPrintsEnglishPageNumbersAndShares()
    {
        string pdf;
        using (UiCulture.English())
        {
            pdf = await PrintAsync("en");
        }
        var pages = await PagesAsync(pdf);

        Assert.All(pages, p => Assert.Matches(@"Page \d+ of " + pages.Count, p.Footer));
        var f1 = pages.Single(p => p.Sheet.StartsWith("f1 ", StringComparison.Ordinal)).Text;
        Assert.Contains("88%", f1);
        Assert.DoesNotContain("88 %", f1);
        Assert.Equal(1, pages.Count(p => p.Sheet == "Summary"));
    }

    private sealed record PrintedPage(int Number, string Sheet, string Footer, string Text);

    private async Task<string> PrintAsync(string language)
    {
        Assert.True(File.Exists(Office), $"{Office} is missing; test.sh installs libreoffice-calc-nogui.");
        var folder = Directory.CreateTempSubdirectory("surveyapp-print-").FullName;
        var workbook = Path.Combine(folder, $"omgang-{language}.xlsx");
        await using (var file = File.Create(workbook))
        {
            Assert.NotNull(await fixture.Export.WriteWorkbookAsync(fixture.Wave2013, ResultsFilter.None, file));
        }
        return await ExternalProgram.ToPdfAsync(workbook);
    }

    // Each page's text; its last line is the footer: the sheet's name at the left, the page number at the right.
    private static async Task<IReadOnlyList<PrintedPage>> PagesAsync(string pdf)
    {
        var count = await ExternalProgram.PdfPagesAsync(pdf);
        var pages = new List<PrintedPage>();
        for (var page = 1; page <= count; page++)
        {
            var text = await ExternalProgram.RunAsync(PdfText, "-layout", "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, "-");
            var footer = text.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0);
            var sheet = PageNumber().Split(footer)[0].Trim();
            pages.Add(new PrintedPage(page, sheet, footer, text));
        }
        return pages;
    }

    [GeneratedRegex(@"\s(Sida|Page) \d+ (av|of) \d+$")]
    private static partial Regex PageNumber();
}
