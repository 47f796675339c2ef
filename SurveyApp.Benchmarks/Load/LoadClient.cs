using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using SurveyApp.Domain;

namespace SurveyApp.Benchmarks.Load;

/// <summary>The requests of one survey, in the order a respondent makes them.</summary>
public enum RequestKind { Welcome, PageGet, PagePost, ReviewGet, Submit, ThankYou }

/// <summary>One request's latency, from sending it until its whole body was read.</summary>
public readonly record struct RequestSample(RequestKind Kind, double Milliseconds);

/// <summary>
/// One simulated respondent: a browser of its own (one keep-alive connection, its own cookies) that
/// answers the model survey through invitation links, one after another, as a person clicking through
/// the pages would but without pauses. It fetches each page, posts the form it found there with the
/// page's anti-forgery token, and checks that the server sent the page it should have, including
/// which questions a page shows given the earlier answers (f7 only when f5 was answered on the scale).
/// </summary>
public sealed class LoadClient : IDisposable
{
    /// <summary>The text typed into every open-answer field; the insert ceiling stores the same.</summary>
    public const string OpenAnswer = "Tydligare stöd från ledningen och mer tid för samverkan.";

    private const int KeptErrorMessages = 5;

    private readonly HttpClient _http;
    private readonly IReadOnlyList<Section> _sections;
    private readonly Random _random;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public LoadClient(Uri baseAddress, Survey survey, int seed)
    {
        // Redirects are followed by hand so that every request is timed on its own; cookies are kept by
        // hand so that each respondent starts every invitation like a new visitor, on the same connection.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _sections = survey.Sections.OrderBy(s => s.Position).ToList();
        _random = new Random(seed);
    }

    public List<RequestSample> Samples { get; } = new(4096);

    /// <summary>Surveys answered to the thank-you page.</summary>
    public int Completed { get; private set; }

    public int Errors { get; private set; }

    public List<string> ErrorMessages { get; } = [];

    public bool RanOutOfInvitations { get; private set; }

    /// <summary>
    /// Takes invitations until <paramref name="surveys"/> were attempted or the level's time is up. A survey
    /// under way when the time is up is finished, so that none is cut off between its submission and the reply.
    /// </summary>
    public async Task RunAsync(ConcurrentQueue<string> tokens, Stopwatch level, TimeSpan? duration, int? surveys)
    {
        for (var attempted = 0; (surveys is null || attempted < surveys) && (duration is null || level.Elapsed < duration); attempted++)
        {
            if (!tokens.TryDequeue(out var token))
            {
                RanOutOfInvitations = true;
                return;
            }
            if (await AnswerSurveyAsync(token))
            {
                Completed++;
            }
        }
    }

    /// <summary>Answers the whole survey through one link; false (and an error counted) if anything was not as expected.</summary>
    public async Task<bool> AnswerSurveyAsync(string token)
    {
        _cookies.Clear();
        try
        {
            await WalkAsync($"/s/{token}");
            return true;
        }
        catch (Exception e) when (e is UnexpectedPageException or HttpRequestException or TaskCanceledException)
        {
            Errors++;
            if (ErrorMessages.Count < KeptErrorMessages)
            {
                ErrorMessages.Add($"{e.GetType().Name}: {e.Message}");
            }
            return false;
        }
    }

    private async Task WalkAsync(string link)
    {
        var welcome = await SendAsync(RequestKind.Welcome, HttpMethod.Get, link);
        Expect(welcome.Status == HttpStatusCode.OK && welcome.Html.Contains($"href=\"{link}/sida/1\"", StringComparison.Ordinal),
            $"welcome page: {welcome.Status}, no link to page 1");

        var sheet = new AnswerSheet();
        var sections = _sections;
        for (var number = 1; number <= sections.Count; number++)
        {
            var path = $"{link}/sida/{number}";
            var page = await SendAsync(RequestKind.PageGet, HttpMethod.Get, path);
            Expect(page.Status == HttpStatusCode.OK, $"page {number}: {page.Status}");
            var form = SurveyFormParser.Parse(page.Html, "page") ?? throw new UnexpectedPageException($"page {number}: no form");
            var expected = sections[number - 1].Questions.OrderBy(q => q.Position).Where(q => AnswerRules.IsShown(q, sheet)).Select(q => q.Key).ToList();
            Expect(form.QuestionKeys.SequenceEqual(expected),
                $"page {number} shows [{string.Join(", ", form.QuestionKeys)}], expected [{string.Join(", ", expected)}]");

            var fields = Answer(form, sheet);
            fields.Add(new("nav", "next"));
            var next = number < sections.Count ? $"{link}/sida/{number + 1}" : $"{link}/granska";
            var saved = await SendAsync(RequestKind.PagePost, HttpMethod.Post, path, form.HiddenFields.Concat(fields));
            Expect(saved.Status == HttpStatusCode.Found && saved.Location == next, $"page {number} post: {saved.Status} to {saved.Location}");
        }

        var review = await SendAsync(RequestKind.ReviewGet, HttpMethod.Get, $"{link}/granska");
        Expect(review.Status == HttpStatusCode.OK, $"review page: {review.Status}");
        var submitForm = SurveyFormParser.Parse(review.Html, "submit") ?? throw new UnexpectedPageException("review page: no submit form");
        var submitted = await SendAsync(RequestKind.Submit, HttpMethod.Post, $"{link}/granska", submitForm.HiddenFields);
        Expect(submitted.Status == HttpStatusCode.Found && submitted.Location == "/tack", $"submit: {submitted.Status} to {submitted.Location}");
        var thanks = await SendAsync(RequestKind.ThankYou, HttpMethod.Get, "/tack");
        Expect(thanks.Status == HttpStatusCode.OK, $"thank-you page: {thanks.Status}");
    }

    /// <summary>
    /// Answers every question the form shows with a value the form offers (a random radio button, one or
    /// more checkboxes, the same text in every text field), and notes the answers for the conditions of later pages.
    /// </summary>
    private List<KeyValuePair<string, string>> Answer(SurveyForm form, AnswerSheet sheet)
    {
        var posted = new List<KeyValuePair<string, string>>();
        foreach (var question in form.Fields.GroupBy(f => f.QuestionKey))
        {
            var codes = new List<string>();
            var items = new Dictionary<string, string>(StringComparer.Ordinal);
            var texts = new List<string>();
            foreach (var field in question)
            {
                switch (field.Kind)
                {
                    case FieldKind.Radio:
                        var code = field.Values[_random.Next(field.Values.Count)];
                        posted.Add(new(field.Name, code));
                        if (field.IsItem) items[field.ItemCode] = code;
                        else codes.Add(code);
                        break;
                    case FieldKind.Checkbox:
                        var ticked = field.Values.Where(_ => _random.Next(2) == 0).DefaultIfEmpty(field.Values[0]).ToList();
                        posted.AddRange(ticked.Select(v => new KeyValuePair<string, string>(field.Name, v)));
                        codes.AddRange(ticked);
                        break;
                    default:
                        posted.Add(new(field.Name, OpenAnswer));
                        texts.Add(OpenAnswer);
                        break;
                }
            }
            sheet.Set(question.Key, items.Count > 0 ? QuestionAnswer.Matrix(items)
                : codes.Count > 0 ? QuestionAnswer.Choice([.. codes])
                : QuestionAnswer.Open([.. texts]));
        }
        return posted;
    }

    private async Task<Reply> SendAsync(RequestKind kind, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Samples.Add(new RequestSample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        KeepCookies(response);
        var location = response.Headers.Location is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : null;
        return new Reply(response.StatusCode, html, location);
    }

    /// <summary>Name and value of each Set-Cookie; the attributes (path, SameSite, HttpOnly) do not matter on one host.</summary>
    private void KeepCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }
        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0].Split('=', 2);
            if (pair.Length == 2 && pair[1].Length > 0) _cookies[pair[0].Trim()] = pair[1];
            else _cookies.Remove(pair[0].Trim());
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new UnexpectedPageException(what);
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed record Reply(HttpStatusCode Status, string Html, string? Location);

    private sealed class UnexpectedPageException(string message) : Exception(message);
}
