using Microsoft.AspNetCore.Diagnostics;

namespace SurveyApp.Components;

/// <summary>The status code of a page that explains the problem itself (a refused form, a closed survey).</summary>
public static class PageStatus
{
    /// <summary>
    /// Sets the status and keeps the page's own content: the app's generic status page would otherwise
    /// replace it, as it does for an address no page answers. A 404 always goes to the status page
    /// (<c>/status/404</c>), since the framework sends no content of a page's own with a 404; that page
    /// tells a survey link that cannot be used from any other address.
    /// </summary>
    public static void SetOwnStatus(this HttpContext context, int status)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status404NotFound && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
