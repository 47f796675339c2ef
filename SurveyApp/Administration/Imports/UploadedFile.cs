using System.Text;

namespace SurveyApp.Administration.Imports;

public enum UploadProblem { None, NoFile, TooLarge }

/// <summary>Checked for presence and size before it is read.</summary>
public static class UploadedFile
{
    public static (IFormFile? File, UploadProblem Problem) From(HttpContext context, long maxBytes)
    {
        var file = context.Request.Form.Files["file"];
        return file is null || file.Length == 0 ? (null, UploadProblem.NoFile)
            : file.Length > maxBytes ? (null, UploadProblem.TooLarge)
            : (file, UploadProblem.None);
    }

    // UTF-8, a byte order mark allowed. Another encoding is not guessed at: its undecodable bytes become
    // U+FFFD, which the import rules refuse as unreadable.
    public static StreamReader OpenText(IFormFile file) =>
        new(file.OpenReadStream(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
}
