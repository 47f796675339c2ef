using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>Survey definitions downloaded and imported as JSON from /admin/enkater.</summary>
public sealed class SurveysPageTests() : AdminPageTests
{
    private const string Page = "/admin/enkater";
    private static (HttpStatusCode Status, string Main) Raw(Page page) => (page.Status, page.Main);

    private async Task<int> SurveysAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Surveys.CountAsync();
    }

    [Fact]
    public async Task TheDownloadIsTheModelSurveyInTheDataFormatAndImportsBack()
    {
        var download = await Admin.GetAsync("/admin/enkater/1.json");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("samlingen-uppfoljning-2013.json", download.Content.Headers.ContentDisposition?.FileNameStar);
        var read = SurveyDefinitionReader.Read(bytes);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var model = await SurveyDefinitionReader.ReadFileAsync(RepoPaths.ModelSurvey);
        Assert.Equal(SurveyDefinitionReader.Write(model.Definition!), SurveyDefinitionReader.Write(read.Definition!));

        var (status, main) = Raw(await UploadPageAsync(Page, bytes, "enkat.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("är importerad", WebUtility.HtmlDecode(main));
        Assert.Equal(2, await SurveysAsync());
        await using var db = App.CreateDbContext();
        Assert.Equal([AuditActions.SurveyExported, AuditActions.SurveyImported], await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Theory]
    [InlineData("{ not json", "")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"sections\": [{\"key\": \"s\", \"title\": \"S\", \"questions\": [{\"key\": \"q\", \"kind\": \"likert\", \"text\": \"Q\", \"scale\": \"finns-inte\"}]}]}", "sections[0].questions[0].scale")]
    public async Task ABrokenDefinitionIsRefusedWithEveryProblemAndItsPath(string json, string path)
    {
        var (status, main) = Raw(await UploadPageAsync(Page, Encoding.UTF8.GetBytes(json), "enkat.json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Enkäten importerades inte", WebUtility.HtmlDecode(main));
        Assert.Contains(path, main);
        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task AFileInAnotherEncodingOrNoFileIsRefused()
    {
        var model = await File.ReadAllTextAsync(RepoPaths.ModelSurvey);
        var (latin1, latin1Main) = Raw(await UploadPageAsync(Page, Encoding.Latin1.GetBytes(model), "enkat.json"));
        var (none, noneMain) = await UploadAsync(Page, null);

        Assert.Equal(HttpStatusCode.BadRequest, latin1);
        Assert.Contains("inte giltig UTF-8", WebUtility.HtmlDecode(latin1Main));
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.Contains("välj en JSON-fil", WebUtility.HtmlDecode(noneMain));
        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task MarkupInATitleIsShownAsText()
    {
        var model = await File.ReadAllTextAsync(RepoPaths.ModelSurvey);
        var hostile = model.Replace("\"title\": \"Uppföljning av Samling för social hållbarhet\"", "\"title\": \"<script>alert('x')</script> Enkät\"");
        Assert.NotEqual(model, hostile);

        var (status, main) = Raw(await UploadPageAsync(Page, Encoding.UTF8.GetBytes(hostile), "enkat.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", main);
        Assert.Contains("<script>alert('x')</script> Enkät", WebUtility.HtmlDecode(main));
    }
}
