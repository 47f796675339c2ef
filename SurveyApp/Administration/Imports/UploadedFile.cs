using System.Text;

namespace SurveyApp.Administration.Imports;

public enum UploadProblem { None, NoFile, TooLarge }

/// <summary>The file an administration form posted in its field <c>file</c>, checked for presence and size before it is read.</summary>
public static class UploadedFile
{
    public static (IFormFile? File, UploadProblem Problem) From(HttpContext context, long maxBytes)
    {
        var file = context.Request.Form.Files["file"];
        return file is null || file.Length == 0 ? (null, UploadProblem.NoFile)
            : file.Length > maxBytes ? (null, UploadProblem.TooLarge)
            : (file, UploadProblem.None);
    }

    /// <summary>
    /// The file as UTF-8 text, a byte order mark allowed. A file in another encoding is not guessed at: its
    /// undecodable bytes become U+FFFD, which the import rules refuse as unreadable.
    /// </summary>
    public static StreamReader OpenText(IFormFile file) =>
        new(file.OpenReadStream(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
}
