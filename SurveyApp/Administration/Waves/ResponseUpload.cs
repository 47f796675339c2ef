using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Imports;
using SurveyApp.Resources;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Waves;

/// <summary>
/// A CSV file of responses chosen on the import page, checked for presence and size before it is read, then imported
/// into the wave by <see cref="ResponseImporter"/>: a file with any problem imports nothing.
/// </summary>
public sealed class ResponseUpload(IDbContextFactory<SurveyDbContext> factory, ResponseImporter importer)
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<ImportResult> ImportAsync(string actor, int waveId, IBrowserFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Size == 0) return Refused(Text.Get("Import.NoFile"));
        if (file.Size > MaxBytes) return Refused(Text.Format("Import.TooLarge", MaxBytes / 1024 / 1024));
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Waves.AnyAsync(w => w.Id == waveId, cancellationToken)) return Refused(Text.Get("Import.NoWave"));
        }
        // Read whole before importing: the browser sends the file over the page's connection, which the
        // importer's single transaction should not wait on.
        using var content = new MemoryStream();
        await using (var upload = file.OpenReadStream(MaxBytes, cancellationToken))
        {
            await upload.CopyToAsync(content, cancellationToken);
        }
        content.Position = 0;
        // UTF-8, a byte order mark allowed. Another encoding is not guessed at: its undecodable bytes become
        // U+FFFD, which the import rules refuse as unreadable.
        using var reader = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return await importer.ImportAsync(waveId, reader, cancellationToken, actor, file.Name);
    }

    private static ImportResult Refused(string message) => new(0, [new ImportProblem(0, message)]);
}
