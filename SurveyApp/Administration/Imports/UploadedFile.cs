using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace SurveyApp.Administration.Imports;

public enum UploadProblem { None, NoFile, TooLarge }

/// <summary>
/// A file chosen in an interactive page, checked for presence and size, then read whole: the browser sends it over
/// the page's connection, which an import's transaction should not wait on.
/// </summary>
public static class UploadedFile
{
    public static async Task<(byte[]? Content, UploadProblem Problem)> ReadAsync(IBrowserFile? file, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Size == 0) return (null, UploadProblem.NoFile);
        if (file.Size > maxBytes) return (null, UploadProblem.TooLarge);
        await using var stream = file.OpenReadStream(maxBytes, cancellationToken);
        using var buffer = new MemoryStream((int)file.Size);
        await stream.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), UploadProblem.None);
    }

    // UTF-8, a byte order mark allowed. Another encoding is not guessed at: its undecodable bytes become
    // U+FFFD, which the import rules refuse as unreadable.
    public static StreamReader OpenText(byte[] content) =>
        new(new MemoryStream(content, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
}
