using System.Text;
using Microsoft.AspNetCore.Authorization;
using SurveyApp.Administration;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Analysis;
using SurveyApp.Auditing;
using SurveyApp.Security;
using SurveyApp.Shared;

namespace SurveyApp.Export;

public static class ExportExtensions
{
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResponseExport>();
        return builder;
    }

    public static void MapExport(this WebApplication app)
    {
        var exports = app.MapGroup("/resultat/{waveId:int}").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });

        exports.MapGet("/export.xlsx", async (int waveId, string[]? typ, int? kategori, ResponseExport export, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
        {
            // The zip writer writes synchronously, so the workbook goes to a temporary file (memory stays
            // flat however many responses there are) and is then sent asynchronously.
            await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var result = await export.WriteWorkbookAsync(waveId, new ResultsFilter(typ ?? [], kategori), file, cancellationToken);
            if (result is null)
            {
                return Results.NotFound();
            }
            await RecordAsync(audit, context, AuditActions.WorkbookExported, waveId, typ, kategori, result, cancellationToken);
            file.Position = 0;
            await SendAsync(context, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"svar-omgang-{waveId}.xlsx", cancellationToken);
            return Results.Empty;
        });

        exports.MapGet("/svar.csv", async (int waveId, string[]? typ, int? kategori, string? avgransare, ResponseExport export, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
        {
            await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var result = await export.WriteCsvAsync(waveId, new ResultsFilter(typ ?? [], kategori), buffer, avgransare == "komma" ? ',' : ';', cancellationToken);
            if (result is null)
            {
                return Results.NotFound();
            }
            await RecordAsync(audit, context, AuditActions.CsvExported, waveId, typ, kategori, result, cancellationToken);
            buffer.Position = 0;
            await SendAsync(context, buffer, "text/csv; charset=utf-8", $"svar-omgang-{waveId}.csv", cancellationToken);
            return Results.Empty;
        });
    }

    // Every export goes into the audit log: who, which wave, and in the address's own terms which filters
    // and how many responses (n; "–" when the view was too small to show).
    private static Task RecordAsync(AuditLog audit, HttpContext context, string action, int waveId, string[]? types, int? category,
        ExportResult result, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (types is { Length: > 0 }) filters.Add("typ=" + string.Join(",", types));
        if (category is { } c) filters.Add("kategori=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        filters.Add("n=" + (result.Suppressed ? "–" : result.Responses.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return audit.RecordAsync(context.User.Identity?.Name ?? "", action, $"{result.WaveName} ({waveId})", string.Join("; ", filters), cancellationToken);
    }

    private static async Task SendAsync(HttpContext context, Stream content, string contentType, string fileName, CancellationToken cancellationToken)
    {
        Attachment.Set(context, fileName, contentType);
        context.Response.ContentLength = content.Length;
        await content.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
