using System.Net;
using System.Text;
using SurveyApp.Administration.Staff;
using SurveyApp.Tests.Analysis;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Export;

/// <summary>The downloads as a signed-in analyst gets them from the results page.</summary>
public sealed class ExportEndpointTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task AnAnalystDownloadsAValidWorkbookOfTheFilteredView()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/1/export.xlsx?typ=kommun");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("svar-omgang-1-kommun.xlsx", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        using var workbook = new Workbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Empty(workbook.ValidationErrors());
        Assert.Equal(11, workbook.Rows("Svar").Count); // header and the ten municipalities
    }

    [Theory]
    [InlineData("svar", "xlsx", null, new string[0], null, "svar-omgang-3.xlsx")]
    [InlineData("rapport", "docx", null, new[] { "kommun", "region" }, null, "rapport-omgang-3-kommun-region.docx")]
    [InlineData("svar", "csv", "Landsdel", new[] { "Svealand" }, 5, "svar-omgang-3-landsdel-svealand-kategori-5.csv")]
    [InlineData("presentation", "pptx", "län", new[] { "", "Örebro län/../x" }, null, "presentation-omgang-3-län-uppgift-saknas-örebro-län-x.pptx")]
    public void AFilteredDownloadIsNamedAfterItsView(string stem, string extension, string? detail, string[] groups, int? category, string expected)
    {
        Assert.Equal(expected, SurveyApp.Export.ExportExtensions.DownloadName(stem, 3, new SurveyApp.Analysis.ResultsFilter(groups, category, detail), extension));
    }

    [Fact]
    public async Task TheCsvDownloadUsesSemicolonsOrCommasAndHonoursTheFilter()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        var semicolons = await client.GetByteArrayAsync("/resultat/1/svar.csv?typ=kommun");
        var commas = await client.GetByteArrayAsync("/resultat/1/svar.csv?avgransare=komma");

        Assert.Equal([0xEF, 0xBB, 0xBF], semicolons.Take(3));
        var lines = Encoding.UTF8.GetString(semicolons[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("Svar nr;Deltagartyp;f1", lines[0]);
        Assert.StartsWith("Svar nr,Deltagartyp,f1", Encoding.UTF8.GetString(commas[3..]));
    }

    [Fact]
    public async Task AnUnknownWaveIsNotFound()
    {
        using var client = await fixture.App.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.GetAsync("/resultat/999/export.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
