using System.Net;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Surveys;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>/admin/enkater: the list of surveys, their JSON download, and importing a survey from JSON, on the app's real database.</summary>
public sealed class SurveysPageTests : AppPageContext
{
    private async Task<int> SurveysAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Surveys.CountAsync();
    }

    private (IRenderedComponent<MudProviders> Providers, IRenderedComponent<SurveysPage> Page) RenderPage() =>
        (RenderProviders(), Context.Render<SurveysPage>());

    private static void Upload(IRenderedComponent<SurveysPage> page, byte[] content, string fileName = "enkat.json") =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName, contentType: "application/json"));

    private static string ErrorSummary(IRenderedComponent<SurveysPage> page)
    {
        page.WaitForAssertion(() => page.Find("#error-summary"));
        return page.Find("#error-summary").TextContent;
    }

    [Fact]
    public async Task TheListShowsEachSurveyWithItsEditorAndDownload()
    {
        var page = RenderPage().Page;

        page.WaitForAssertion(() => Assert.Contains("samlingen-uppfoljning-2013", page.Find("table").TextContent));
        var links = page.FindAll("table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin/enkater/1/redigera", "/admin/enkater/1.json"], links);
    }

    [Fact]
    public async Task TheDownloadIsTheModelSurveyInTheDataFormatAndImportsBack()
    {
        using var admin = await App.SignedInClientAsync(StaffRoles.Admin);
        var download = await admin.GetAsync("/admin/enkater/1.json");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("samlingen-uppfoljning-2013.json", download.Content.Headers.ContentDisposition?.FileNameStar);
        var read = SurveyDefinitionReader.Read(bytes);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var model = await SurveyDefinitionReader.ReadFileAsync(RepoPaths.ModelSurvey);
        Assert.Equal(SurveyDefinitionReader.Write(model.Definition!), SurveyDefinitionReader.Write(read.Definition!));

        var (providers, page) = RenderPage();
        Upload(page, bytes);

        providers.WaitForAssertion(() => Assert.Contains("är importerad", providers.Find(".mud-snackbar").TextContent));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("#error-summary"));
        Assert.Equal(2, await SurveysAsync());
        await using var db = App.CreateDbContext();
        var entries = await db.AuditLog.OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync();
        Assert.Equal([AuditActions.SurveyExported, AuditActions.SurveyImported], entries.Select(e => e.Action));
        Assert.Equal(Actor, entries[1].Actor);
    }

    [Theory]
    [InlineData("{ not json", "")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"sections\": [{\"key\": \"s\", \"title\": \"S\", \"questions\": [{\"key\": \"q\", \"kind\": \"likert\", \"text\": \"Q\", \"scale\": \"finns-inte\"}]}]}", "sections[0].questions[0].scale")]
    public async Task ABrokenDefinitionIsRefusedWithEveryProblemAndItsPath(string json, string path)
    {
        var (providers, page) = RenderPage();
        Upload(page, Encoding.UTF8.GetBytes(json), "trasig.json");

        var summary = ErrorSummary(page);
        Assert.Contains("Enkäten importerades inte", summary);
        Assert.Contains("trasig.json", summary);
        Assert.Contains(path, summary);
        Assert.Empty(providers.FindAll(".mud-snackbar"));
        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task AFileInAnotherEncodingOrAnEmptyFileIsRefused()
    {
        var model = await File.ReadAllTextAsync(RepoPaths.ModelSurvey);
        var page = RenderPage().Page;

        Upload(page, Encoding.Latin1.GetBytes(model));
        page.WaitForAssertion(() => Assert.Contains("inte giltig UTF-8", ErrorSummary(page)));
        Upload(page, []);
        page.WaitForAssertion(() => Assert.Contains("välj en JSON-fil", ErrorSummary(page)));

        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task AFileLargerThanTheLimitIsNotRead()
    {
        var page = RenderPage().Page;

        Upload(page, new byte[SurveysPage.MaxBytes + 1]);

        page.WaitForAssertion(() => Assert.Contains("större än 2 MB", ErrorSummary(page)));
        Assert.Equal(1, await SurveysAsync());
    }

    [Fact]
    public async Task MarkupInATitleIsShownAsText()
    {
        var model = await File.ReadAllTextAsync(RepoPaths.ModelSurvey);
        var hostile = model.Replace("\"title\": \"Uppföljning av Samling för social hållbarhet\"", "\"title\": \"<script>alert('x')</script> Enkät\"");
        Assert.NotEqual(model, hostile);
        var (providers, page) = RenderPage();

        Upload(page, Encoding.UTF8.GetBytes(hostile));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("script"));
        Assert.Contains("<script>alert('x')</script> Enkät", page.Find("tbody").TextContent);
        providers.WaitForAssertion(() => Assert.Contains("<script>alert('x')</script> Enkät", providers.Find(".mud-snackbar").TextContent));
        Assert.Empty(providers.FindAll(".mud-snackbar script"));
    }
}
