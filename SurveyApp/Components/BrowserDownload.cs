using Microsoft.JSInterop;

namespace SurveyApp.Components;

/// <summary>
/// Hands a file made in an interactive page to the browser as a download, through the page's own connection.
/// For content that must exist only once, such as newly made invitation links: a plain download address could
/// be requested again, a file streamed this way cannot.
/// </summary>
public static class BrowserDownload
{
    public static async Task SaveAsync(this IJSRuntime js, string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("surveyApp.saveFile", fileName, reference);
    }
}
