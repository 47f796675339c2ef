using Microsoft.Net.Http.Headers;

namespace SurveyApp.Shared;

/// <summary>Marks a response as a file download: its name, and never cached (downloads hold answers or links).</summary>
public static class Attachment
{
    public static void Set(HttpContext context, string fileName, string contentType)
    {
        context.Response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>Sends <paramref name="content"/> from its current position to its end as the download.</summary>
    public static async Task SendAsync(HttpContext context, Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        Set(context, fileName, contentType);
        context.Response.ContentLength = content.Length - content.Position;
        await content.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
