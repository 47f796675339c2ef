using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using SurveyApp.Administration.Staff;
using SurveyApp.Export;

namespace SurveyApp.Administration.Waves;

/// <summary>Reads the page's date fields (datetime-local, in the server's time zone).</summary>
public static class WaveForms
{
    public static DateTimeOffset? Parse(string? local) =>
        DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value)
            ? new DateTimeOffset(value)
            : null;
}

public static class WaveEndpoints
{
    public static WebApplicationBuilder AddWaveAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WaveAdministration>();
        return builder;
    }

    /// <summary>
    /// POST /admin/omgangar/{wave}/uppfoljning (form field <c>name</c>): creates the follow-up wave and answers
    /// with its invitation links as a CSV download, the only time they exist in clear. Admins only.
    /// </summary>
    public static void MapWaveAdministration(this WebApplication app) =>
        app.MapPost("/admin/omgangar/{waveId:int}/uppfoljning", async (int waveId, HttpContext context, IAntiforgery antiforgery,
                WaveAdministration waves, CancellationToken cancellationToken) =>
            {
                // The antiforgery middleware only records its verdict; an endpoint must check it itself.
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }
                var form = await context.Request.ReadFormAsync(cancellationToken);
                var (refusal, newWaveId, links) = await waves.CopyAsFollowUpAsync(context.User.Identity?.Name ?? "", waveId, form["name"], null, null, cancellationToken);
                if (refusal != WaveRefusal.None)
                {
                    return Results.LocalRedirect($"/admin/omgangar?fel={refusal}");
                }
                var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
                context.Response.ContentType = "text/csv; charset=utf-8";
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName($"lankar-omgang-{newWaveId}.csv");
                context.Response.Headers.ContentDisposition = disposition.ToString();
                context.Response.Headers.CacheControl = "no-store";
                await using var text = new StreamWriter(context.Response.Body, CsvRowWriter.Encoding, leaveOpen: true);
                var csv = new CsvRowWriter(text, ',');
                await csv.WriteRowAsync(["participant", "type", "link"], cancellationToken);
                foreach (var link in links)
                {
                    await csv.WriteRowAsync([link.ParticipantName, link.ParticipantType, baseUrl + link.Path], cancellationToken);
                }
                await text.FlushAsync(cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Admin })
            .DisableAntiforgery();
}
