using Microsoft.AspNetCore.Authorization;
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
        app.MapGet("/resultat/jamfor/presentation.pptx", (int? a, int? b, ComparisonService comparisons, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
                ComparisonSlidesAsync(context, comparisons, audit, a, b, cancellationToken))
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });

        exports.MapGet("/export.xlsx", (int waveId, string[]? typ, string? uppgift, string[]? grupp, int? kategori, ResponseExport export, AuditLog audit, HttpContext context,
                CancellationToken cancellationToken) =>
            ExportAsync(context, audit, AuditActions.WorkbookExported, waveId, ResultsFilter.FromQuery(typ, uppgift, grupp, kategori),
                (file, filter) => export.WriteWorkbookAsync(waveId, filter, file, cancellationToken),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "svar", "xlsx", cancellationToken));

        exports.MapGet("/rapport.docx", (int waveId, string[]? typ, string? uppgift, string[]? grupp, int? kategori, ResponseExport export, AuditLog audit,
                HttpContext context, CancellationToken cancellationToken) =>
            ExportAsync(context, audit, AuditActions.ReportExported, waveId, ResultsFilter.FromQuery(typ, uppgift, grupp, kategori),
                (file, filter) => export.WriteReportAsync(waveId, filter, file, cancellationToken),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "rapport", "docx", cancellationToken));

        exports.MapGet("/presentation.pptx", (int waveId, string[]? typ, string? uppgift, string[]? grupp, int? kategori, ResponseExport export, AuditLog audit,
                HttpContext context, CancellationToken cancellationToken) =>
            ExportAsync(context, audit, AuditActions.PresentationExported, waveId, ResultsFilter.FromQuery(typ, uppgift, grupp, kategori),
                (file, filter) => export.WritePresentationAsync(waveId, filter, file, cancellationToken),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", "presentation", "pptx", cancellationToken));

        exports.MapGet("/svar.csv", (int waveId, string[]? typ, string? uppgift, string[]? grupp, int? kategori, string? avgransare, ResponseExport export, AuditLog audit,
                HttpContext context, CancellationToken cancellationToken) =>
            ExportAsync(context, audit, AuditActions.CsvExported, waveId, ResultsFilter.FromQuery(typ, uppgift, grupp, kategori),
                (file, filter) => export.WriteCsvAsync(waveId, filter, file, avgransare == "komma" ? ',' : ';', cancellationToken),
                "text/csv; charset=utf-8", "svar", "csv", cancellationToken));
    }

    // As the comparison page: the earlier wave compared with the later whichever is given first, with no filter.
    private static async Task<IResult> ComparisonSlidesAsync(HttpContext context, ComparisonService comparisons, AuditLog audit, int? a, int? b, CancellationToken cancellationToken)
    {
        if (a is not { } first || b is not { } second) return Results.NotFound();
        var comparison = await comparisons.CompareAsync(Math.Min(first, second), Math.Max(first, second), ResultsFilter.None, cancellationToken);
        if (comparison is null) return Results.NotFound();
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        ComparisonPresentation.Write(file, comparison);
        await audit.RecordAsync(context.User.Identity?.Name ?? "", AuditActions.PresentationExported,
            $"{comparison.A.Wave.WaveName} ({comparison.A.Wave.WaveId}) – {comparison.B.Wave.WaveName} ({comparison.B.Wave.WaveId})",
            "n=" + (comparison.Suppressed ? "–" : $"{comparison.A.InView}+{comparison.B.InView}"), cancellationToken);
        file.Position = 0;
        await Attachment.SendAsync(context, file, $"jamforelse-omgang-{comparison.A.Wave.WaveId}-{comparison.B.Wave.WaveId}.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", cancellationToken);
        return Results.Empty;
    }

    // The writers write synchronously (the zip writer) or in one go, so the file goes to a temporary file
    // (memory stays flat however many responses there are), is recorded, and is then sent asynchronously.
    private static async Task<IResult> ExportAsync(HttpContext context, AuditLog audit, string action, int waveId, ResultsFilter filter,
        Func<Stream, ResultsFilter, Task<ExportResult?>> write, string contentType, string stem, string extension, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var result = await write(file, filter);
        if (result is null)
        {
            return Results.NotFound();
        }
        await RecordAsync(audit, context, action, waveId, filter, result, cancellationToken);
        file.Position = 0;
        await Attachment.SendAsync(context, file, DownloadName(stem, waveId, filter, extension), contentType, cancellationToken);
        return Results.Empty;
    }

    /// <summary>
    /// "svar-omgang-3.xlsx" for a whole wave; a filtered view's file says which view it holds, so that two downloads
    /// do not pass for one: "svar-omgang-3-kommun-region.xlsx", "svar-omgang-3-landsdel-svealand.xlsx", "…-kategori-5.xlsx".
    /// </summary>
    internal static string DownloadName(string stem, int waveId, ResultsFilter filter, string extension)
    {
        var parts = new List<string> { stem, "omgang", waveId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (filter.Detail is { } detail) parts.Add(detail);
        parts.AddRange(filter.Groups.Select(g => g.Length == 0 ? "uppgift saknas" : g));
        if (filter.CategoryId is { } category) parts.Add("kategori " + category.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var name = string.Join("-", parts.Select(Slug).Where(p => p.Length > 0));
        return (name.Length > 100 ? name[..100].TrimEnd('-') : name) + "." + extension;
    }

    // Lower case letters and digits, anything else a single hyphen: a file name every system takes.
    private static string Slug(string text)
    {
        var slug = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }

    // Every export goes into the audit log: who, which wave, and in the address's own terms which filters
    // and how many responses (n; "–" when the view was too small to show).
    private static Task RecordAsync(AuditLog audit, HttpContext context, string action, int waveId, ResultsFilter filter,
        ExportResult result, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (filter.Detail is { } detail) filters.Add("uppgift=" + detail);
        if (filter.Groups.Count > 0) filters.Add((filter.Detail is null ? "typ=" : "grupp=") + string.Join(",", filter.Groups));
        if (filter.CategoryId is { } c) filters.Add("kategori=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        filters.Add("n=" + (result.Suppressed ? "–" : result.Responses.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return audit.RecordAsync(context.User.Identity?.Name ?? "", action, $"{result.WaveName} ({waveId})", string.Join("; ", filters), cancellationToken);
    }
}
