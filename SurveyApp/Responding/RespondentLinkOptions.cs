namespace SurveyApp.Responding;

public sealed class RespondentLinkOptions
{
    public const string Section = "Responding";

    /// <summary>The address respondents reach the app at; every full invitation link starts with it.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public static bool IsValidBase(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
