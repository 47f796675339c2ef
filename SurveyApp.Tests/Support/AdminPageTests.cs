using System.Net;
using SurveyApp.Administration.Staff;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Support;

/// <summary>The app on a fresh database of its own, and a client signed in as an administrator.</summary>
public abstract class AdminPageTests(bool demoResponses = false) : IAsyncLifetime
{
    protected SurveyAppFactory App { get; } = new(demoResponses);

    protected HttpClient Admin { get; private set; } = default!;

    public async Task InitializeAsync() => Admin = await App.SignedInClientAsync(StaffRoles.Admin);

    public Task DisposeAsync()
    {
        Admin.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Posts a page's file form (multipart, with its anti-forgery token); the status and the page's main text, decoded.</summary>
    protected async Task<(HttpStatusCode Status, string Main)> UploadAsync(string page, byte[]? file, string fileName = "upload.csv", string formName = "import")
    {
        var result = await UploadPageAsync(page, file, fileName, formName);
        return (result.Status, WebUtility.HtmlDecode(result.Main));
    }

    /// <summary>As <see cref="UploadAsync"/>, the page as it came, markup not decoded.</summary>
    protected async Task<Page> UploadPageAsync(string page, byte[]? file, string fileName = "upload", string formName = "import")
    {
        var token = await Admin.AntiforgeryTokenAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (file is not null) form.Add(new ByteArrayContent(file), "file", fileName);
        using var response = await Admin.PostAsync(page, form);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), null);
    }
}
