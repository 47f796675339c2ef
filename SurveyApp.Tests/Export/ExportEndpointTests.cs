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
        using var workbook = new Workbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Empty(workbook.ValidationErrors());
        Assert.Equal(11, workbook.Rows("Svar").Count); // header and the ten municipalities
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
