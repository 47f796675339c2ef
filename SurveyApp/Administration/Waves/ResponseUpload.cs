using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Imports;
using SurveyApp.Resources;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

/// <summary>
/// A file of responses chosen on the import page, a CSV file or an Excel workbook (.xlsx), checked for presence, size
/// and type before it is read, then imported into the wave by <see cref="ResponseImporter"/>: a file with any problem
/// imports nothing.
/// </summary>
public sealed class ResponseUpload(IDbContextFactory<SurveyDbContext> factory, ResponseImporter importer)
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the page's file picker offers.</summary>
    public const string Accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ImportResult> ImportAsync(string actor, int waveId, IBrowserFile? file, CancellationToken cancellationToken = default)
    {
        var (content, problem) = await UploadedFile.ReadAsync(file, MaxBytes, cancellationToken);
        if (content is null)
        {
            return Refused(problem == UploadProblem.TooLarge ? Text.Format("Import.TooLarge", MaxBytes / 1024 / 1024) : Text.Get("Import.NoResponseFile"));
        }
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Waves.AnyAsync(w => w.Id == waveId, cancellationToken)) return Refused(Text.Get("Import.NoWave"));
        }
        var table = await ImportTable.ReadUploadAsync(file!.Name, content);
        return table.Header is null && table.Problems.Count > 0
            ? new ImportResult(0, table.Problems)
            : await importer.ImportAsync(waveId, table, cancellationToken, actor, file.Name);
    }

    private static ImportResult Refused(string message) => new(0, [new ImportProblem(0, message)]);
}
