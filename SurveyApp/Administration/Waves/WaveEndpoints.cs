using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using SurveyApp.Administration.Staff;
using SurveyApp.Export;
using SurveyApp.Responding;
using SurveyApp.Security;
using SurveyApp.Shared;

namespace SurveyApp.Administration.Waves;

/// <summary>Reads the page's date fields (datetime-local, in the server's time zone), as UTC times.</summary>
public static class WaveForms
{
    public static DateTimeOffset? Parse(string? local) =>
        DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value)
            ? new DateTimeOffset(value).ToUniversalTime()
            : null;
}

public static class WaveEndpoints
{
    // The follow-up wave's links and the missing links are sent as CSV downloads, the only time they exist
    // in clear.
    public static void MapWaveAdministration(this WebApplication app)
    {
        var admin = app.MapGroup("/admin/omgangar/{waveId:int}").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Admin });

        admin.MapPost("/uppfoljning", async (int waveId, HttpContext context, IAntiforgery antiforgery, WaveAdministration waves, CancellationToken cancellationToken) =>
        {
            // The antiforgery middleware only records its verdict; an endpoint must check it itself.
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            var form = await context.Request.ReadFormAsync(cancellationToken);
            var (refusal, newWaveId, links) = await waves.CopyAsFollowUpAsync(Actor(context), waveId, form["name"], null, null, cancellationToken);
            if (refusal != WaveRefusal.None) return Results.LocalRedirect($"/admin/omgangar?fel={refusal}");
            await SendLinksAsync(context, links, $"lankar-omgang-{newWaveId}.csv", cancellationToken);
            return Results.Empty;
        }).DisableAntiforgery();

        admin.MapPost("/lankar", async (int waveId, HttpContext context, IAntiforgery antiforgery, InvitationAdministration invitations, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            if (await invitations.IssueMissingAsync(Actor(context), waveId, cancellationToken) is not { } links) return Results.NotFound();
            await SendLinksAsync(context, links, $"nya-lankar-omgang-{waveId}.csv", cancellationToken);
            return Results.Empty;
        }).DisableAntiforgery();

        admin.MapGet("/ej-svarat.csv", async (int waveId, HttpContext context, InvitationAdministration invitations, CancellationToken cancellationToken) =>
        {
            if (await invitations.ListAsync(waveId, cancellationToken) is not { } list) return Results.NotFound();
            var waiting = list.Rows.Where(r => r.Status is InvitationStatus.NotStarted or InvitationStatus.Started);
            await SendCsvAsync(context, $"ej-svarat-omgang-{waveId}.csv", ["participant", "type", "status"],
                waiting.Select(r => new[] { r.Participant, r.Type, r.Status == InvitationStatus.Started ? "started" : "not started" }), cancellationToken);
            return Results.Empty;
        });
    }

    private static string Actor(HttpContext context) => context.User.Identity?.Name ?? "";

    private static Task SendLinksAsync(HttpContext context, IReadOnlyList<IssuedInvitation> links, string fileName, CancellationToken cancellationToken)
    {
        var respondentLinks = context.RequestServices.GetRequiredService<RespondentLinks>();
        return SendCsvAsync(context, fileName, ["participant", "type", "link"],
            links.Select(l => new[] { l.ParticipantName, l.ParticipantType, respondentLinks.For(l.Path) }), cancellationToken);
    }

    /// <summary>A CSV download (UTF-8 with BOM, formula-safe), never cached: it may hold links.</summary>
    private static async Task SendCsvAsync(HttpContext context, string fileName, string[] header, IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        Attachment.Set(context, fileName, "text/csv; charset=utf-8");
        await using var text = new StreamWriter(context.Response.Body, CsvRowWriter.Encoding, leaveOpen: true);
        var csv = new CsvRowWriter(text, ',');
        await csv.WriteRowAsync(header, cancellationToken);
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row, cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
    }
}
