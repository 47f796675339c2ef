using Microsoft.AspNetCore.Authorization;
using SurveyApp.Resources;
using SurveyApp.Security;
using SurveyApp.Shared;

namespace SurveyApp.Administration.Waves;

public static class WaveEndpoints
{
    // New links are made on the interactive pages and handed to the browser once (BrowserDownload); only the
    // repeatable reminder list is a plain download address.
    public static void MapWaveAdministration(this WebApplication app)
    {
        var admin = app.MapGroup("/admin/omgangar/{waveId:int}").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Admin });

        admin.MapGet("/ej-svarat.csv", async (int waveId, HttpContext context, InvitationQuery invitations, CancellationToken cancellationToken) =>
        {
            if (await invitations.NotAnsweredAsync(waveId, cancellationToken) is not { } waiting) return Results.NotFound();
            Attachment.Set(context, $"ej-svarat-omgang-{waveId}.csv", "text/csv; charset=utf-8");
            await using var text = new StreamWriter(context.Response.Body, CsvRowWriter.Encoding, leaveOpen: true);
            // In the admin's language, split as their spreadsheet splits, like the links file.
            var csv = new CsvRowWriter(text, CsvRowWriter.LocalDelimiter);
            await csv.WriteRowAsync([Text.Get("Invitations.Participant"), Text.Get("Invitations.Type"), Text.Get("Invitations.Status")], cancellationToken);
            foreach (var row in waiting)
            {
                await csv.WriteRowAsync([row.Participant, row.Type, Text.Get("Invitations.Status." + row.Status)], cancellationToken);
            }
            await text.FlushAsync(cancellationToken);
            return Results.Empty;
        });
    }
}
