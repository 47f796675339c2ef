using Microsoft.AspNetCore.Diagnostics;

namespace SurveyApp.Components;

public static class PageStatus
{
    // Keeps the page's own content, which the app's generic status page would otherwise replace. A 404
    // always goes to the status page (/status/404): the framework sends no page content with a 404, and
    // that page tells a survey link that cannot be used from any other address.
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
