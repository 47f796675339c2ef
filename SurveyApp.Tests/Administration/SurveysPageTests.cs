using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration;

/// <summary>Survey definitions downloaded and imported as JSON from /admin/enkater.</summary>
public sealed class SurveysPageTests : IAsyncLifetime
{
    private const string Page = "/admin/enkater";
    private readonly SurveyAppFactory _app = new();
    private HttpClient _admin = default!;

    public async Task InitializeAsync() => _admin = await _app.SignedInClientAsync(StaffRoles.Admin);

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(HttpStatusCode Status, string Main)> UploadAsync(byte[]? file)
    {
        var token = await _admin.AntiforgeryTokenAsync(Page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (file is not null) form.Add(new ByteArrayContent(file), "file", "enkat.json");
        using var response = await _admin.PostAsync(Page, form);
        return (response.StatusCode, new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), null).Main);
    }

    private async Task<int> SurveysAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Surveys.CountAsync();
    }

    [Fact]
    public async Task TheDownloadIsTheModelSurveyInTheDataFormatAndImportsBack()
    {
        var download = await _admin.GetAsync("/admin/enkater/1.json");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("samlingen-uppfoljning-2013.json", download.Content.Headers.ContentDisposition?.FileNameStar);
        var read = SurveyDefinitionReader.Read(bytes);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var model = await SurveyDefinitionReader.ReadFileAsync(RepoPaths.ModelSurvey);
        Assert.Equal(SurveyDefinitionReader.Write(model.Definition!), SurveyDefinitionReader.Write(read.Definition!));

        var (status, main) = await UploadAsync(bytes);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("är importerad", WebUtility.HtmlDecode(main));
        Assert.Equal(2, await SurveysAsync());
        await using var db = _app.CreateDbContext();
        Assert.Equal([AuditActions.SurveyExported, AuditActions.SurveyImported], await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Theory]
    [InlineData("{ not json", "")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"sections\": [{\"key\": \"s\", \"title\": \"S\", \"questions\": [{\"key\": \"q\", \"kind\": \"likert\", \"text\": \"Q\", \"scale\": \"finns-inte\"}]}]}", "sections[0].questions[0].scale")]
    public async Task ABrokenDefinitionIsRefusedWithEveryProblemAndItsPath(string json, string path)
    {
        var (status, main) = await UploadAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Enkäten importerades inte", WebUtility.HtmlDecode(main));
        Assert.Contains(path, main);
        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task AFileInAnotherEncodingOrNoFileIsRefused()
    {
        var model = await File.ReadAllTextAsync(RepoPaths.ModelSurvey);
        var (latin1, latin1Main) = await UploadAsync(Encoding.Latin1.GetBytes(model));
        var (none, noneMain) = await UploadAsync(null);

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

        var (status, main) = await UploadAsync(Encoding.UTF8.GetBytes(hostile));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", main);
        Assert.Contains("<script>alert('x')</script> Enkät", WebUtility.HtmlDecode(main));
    }
}
