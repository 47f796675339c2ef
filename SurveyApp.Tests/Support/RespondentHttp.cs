using System.Net;
using System.Text.RegularExpressions;

namespace SurveyApp.Tests.Support;

/// <summary>A page as the server sent it.</summary>
public sealed record Page(HttpStatusCode Status, string Html, string? Location)
{
    /// <summary>The content of the main landmark, where each page's own content is.</summary>
    public string Main => Regex.Match(Html, "<main[^>]*>(.*)</main>", RegexOptions.Singleline).Groups[1].Value;
}

/// <summary>Posts the respondent forms as a browser would: with the anti-forgery token of the page.</summary>
public static partial class RespondentHttp
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static async Task<Page> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), PathOf(response.Headers.Location));
    }

    /// <summary>Fetches the form's page for its token, then posts the fields to it.</summary>
    public static async Task<Page> PostFormAsync(this HttpClient client, string path, string formName, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(client, path);
        return await client.PostWithTokenAsync(path, formName, token, fields);
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var page = await client.GetPageAsync(path);
        var match = AntiforgeryField().Match(page.Html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No form on {path} ({page.Status}).");
    }

    public static async Task<Page> PostWithTokenAsync(this HttpClient client, string path, string formName, string? token, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("_handler", formName));
        if (token is not null)
        {
            all = all.Append(new("__RequestVerificationToken", token));
        }
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(all));
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), PathOf(response.Headers.Location));
    }

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>Valid answers to every page of the model survey, page by page.</summary>
    public static readonly (string Name, string Value)[][] ModelAnswers =
    [
        [("q.f1", "ja_helt_sakert"), ("q.f2", "Kunskaps- och erfarenhetsutbyte"), ("nav", "next")],
        [("q.f5", "4"), ("q.f6", "Vi har tagit fram en egen strategi för jämlik hälsa."), ("nav", "next")],
        [("q.f7", "3"), ("q.f8", "3"), ("q.f9", "4"), ("nav", "next")],
        [("q.framgangsfaktorer", "Politiskt stöd"), ("q.hinder.1", "Bristande prioritering"), ("q.hinder.2", "Resursbrist"), ("nav", "next")],
        [("q.skl-stod", "Fortsätt med Mötesplats social hållbarhet"), ("nav", "next")],
    ];

    /// <summary>Answers every page of the model survey through the link, ending on the review page.</summary>
    public static async Task AnswerAllPagesAsync(this HttpClient client, string link)
    {
        for (var page = 0; page < ModelAnswers.Length; page++)
        {
            var result = await client.PostFormAsync($"{link}/sida/{page + 1}", "page", ModelAnswers[page]);
            if (result.Status != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"Page {page + 1} was not accepted: {result.Status}\n{result.Main}");
            }
        }
    }

    /// <summary>Answers every page and submits; fails unless the thank-you page follows.</summary>
    public static async Task CompleteSurveyAsync(this HttpClient client, string link)
    {
        await client.AnswerAllPagesAsync(link);
        var submitted = await client.PostFormAsync($"{link}/granska", "submit");
        if (submitted.Location != "/tack")
        {
            throw new InvalidOperationException($"The survey was not submitted: {submitted.Status}\n{submitted.Main}");
        }
    }
}
