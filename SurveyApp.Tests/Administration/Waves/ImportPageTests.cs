using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>Admins upload responses collected elsewhere; a file with any wrong row imports nothing and lists every problem by line.</summary>
public sealed class ImportPageTests() : AdminPageTests
{
    private const string Page = "/admin/omgangar/1/import";
    private const string Header = "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod";
    private static string Row(string participant, string f1 = "nej") => $"{participant},{f1},,,,4,Strategi,3,3,4,Stöd,Prioritering,,,";

    private async Task<(int Responses, List<string> Audit)> StoredAsync()
    {
        await using var db = App.CreateDbContext();
        return (await db.Responses.CountAsync(), await db.AuditLog.Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task AValidFileIsImportedAndLogged()
    {
        var (status, main) = await UploadAsync(Page, Encoding.UTF8.GetBytes(string.Join("\n", Header, Row("Arvika kommun"), Row("Botkyrka kommun"))));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 svar importerades.", main);
        var (responses, audit) = await StoredAsync();
        Assert.Equal(2, responses);
        Assert.Equal([AuditActions.ResponsesImported], audit);
    }

    [Fact]
    public async Task AFileWithWrongRowsListsThemByLineAndImportsNothing()
    {
        var (status, main) = await UploadAsync(Page, Encoding.UTF8.GetBytes(string.Join("\n", Header,
            Row("Arvika kommun"), Row("Arvika kommun"), Row("<script>alert(1)</script>"), Row("Botkyrka kommun", f1: "kanske"))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Ingenting importerades: 3 fel.", main);
        Assert.Contains("Rad 3:", main);
        Assert.Contains("Rad 4: okänd deltagare '<script>alert(1)</script>'", main);
        Assert.Contains("Rad 5: f1:", main);
        var (responses, audit) = await StoredAsync();
        Assert.Equal(0, responses);
        Assert.Empty(audit);
    }

    [Theory]
    [InlineData(null, "Välj en CSV-fil")]
    [InlineData("latin1", "inte kunde läsas")]
    [InlineData("json", "okänd kolumn")]
    public async Task NoFileOrAFileInTheWrongEncodingOrFormatImportsNothing(string? kind, string message)
    {
        var file = kind switch
        {
            "latin1" => Encoding.Latin1.GetBytes(string.Join("\n", Header, Row("Arvika kommun").Replace("Stöd", "Stöd för jämlik hälsa"))),
            "json" => Encoding.UTF8.GetBytes("{\"participant\": \"Arvika kommun\"}"),
            _ => null,
        };

        var (status, main) = await UploadAsync(Page, file);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, main);
        Assert.Equal(0, (await StoredAsync()).Responses);
    }
}
