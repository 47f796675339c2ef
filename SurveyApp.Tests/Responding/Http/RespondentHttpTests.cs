using System.Net;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Responding.Http;

/// <summary>The respondent pages over HTTP, against a real SQLite file per test.</summary>
public sealed class RespondentHttpTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();
    private readonly HttpClient _client;
    private readonly string _link;

    public RespondentHttpTests()
    {
        _client = _app.CreateRespondent();
        _link = _app.InvitationPaths()[0];
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task WelcomePageNamesTheParticipantAndTheWave()
    {
        var page = await _client.GetPageAsync(_link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Du svarar för Arvika kommun.", WebUtility.HtmlDecode(page.Main));
        Assert.Contains("Uppföljning december 2013", WebUtility.HtmlDecode(page.Main));
        Assert.Contains($"href=\"{_link}/sida/1\"", page.Main);
    }

    [Fact]
    public async Task EnglishIsSelectableAndSwedishIsTheDefault()
    {
        var swedish = await _client.GetPageAsync(_link);
        var english = await _client.GetPageAsync(_link + "?culture=en");

        Assert.Contains("<html lang=\"sv\">", swedish.Html);
        Assert.Contains("Starta enkäten", WebUtility.HtmlDecode(swedish.Main));
        Assert.Contains("<html lang=\"en\">", english.Html);
        Assert.Contains("Start the survey", english.Main);
    }

    [Fact]
    public async Task UnknownTokenGetsAClearPageAndNoErrorDump()
    {
        var unknown = await _client.GetPageAsync("/s/" + InvitationToken.Generate());
        var malformed = await _client.GetPageAsync("/s/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Länken kan inte användas", WebUtility.HtmlDecode(unknown.Main));
        Assert.DoesNotContain("Exception", unknown.Html);
        Assert.Equal(unknown.Main, malformed.Main);
    }

    [Fact]
    public async Task UsedTokenGetsTheSamePageAsAnUnknownOne()
    {
        await _client.AnswerAllPagesAsync(_link);
        var submit = await _client.PostFormAsync($"{_link}/granska", "submit");
        Assert.Equal("/tack", submit.Location);

        var used = await _client.GetPageAsync(_link);
        var usedPage = await _client.GetPageAsync($"{_link}/sida/2");
        var unknown = await _client.GetPageAsync("/s/" + InvitationToken.Generate());

        Assert.Equal(HttpStatusCode.NotFound, used.Status);
        Assert.Equal(unknown.Main, used.Main);
        Assert.Equal(unknown.Main, usedPage.Main);
    }

    [Fact]
    public async Task ClosedWaveGetsAClearClosedPage()
    {
        await using (var db = _app.CreateDbContext())
        {
            await db.Waves.ExecuteUpdateAsync(u => u.SetProperty(w => w.IsClosed, true));
        }

        var page = await _client.GetPageAsync(_link);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("Enkäten är stängd", WebUtility.HtmlDecode(page.Main));
    }

    [Fact]
    public async Task SavingAPageStoresItsAnswersAndMovesOn()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", RespondentHttp.ModelAnswers[0]);

        Assert.Equal(HttpStatusCode.Found, result.Status);
        Assert.Equal($"{_link}/sida/2", result.Location);
        await using var db = _app.CreateDbContext();
        var answers = await db.Answers.OrderBy(a => a.QuestionId).ToListAsync();
        Assert.Equal(["ja_helt_sakert", null], answers.Select(a => a.Code));
        Assert.Equal("Kunskaps- och erfarenhetsutbyte", answers[1].Text);
    }

    [Fact]
    public async Task TamperedOptionIsRejectedWithAMessageAndStoresNothing()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "ja_kanske"), ("q.f2", "text"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("Svaret finns inte bland alternativen", WebUtility.HtmlDecode(result.Main));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task FieldOfAQuestionOnAnotherPageIsRejected()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f5", "3"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task DuplicatedFieldIsRejected()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f1", "vet_ej"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task OversizedTextIsRejectedWithItsLimitAndStoresNothing()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f2", new string('x', 4001)), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("högst 4000 tecken", WebUtility.HtmlDecode(result.Main));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task OneMegabyteTextIsRejectedAndStoresNothing()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/4", "page", ("q.framgangsfaktorer", new string('å', 1024 * 1024)), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ForgedAntiforgeryTokenIsRefusedAndStoresNothing()
    {
        var result = await _client.PostWithTokenAsync($"{_link}/sida/1", "page", "CfDJ8forged", ("q.f1", "nej"), ("nav", "next"));
        var missing = await _client.PostWithTokenAsync($"{_link}/sida/1", "page", null, ("q.f1", "nej"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task BlankRequiredQuestionKeepsTheOtherAnswersAndStaysOnThePage()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f2", "Utbyte av erfarenheter"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Välj ett svarsalternativ.", WebUtility.HtmlDecode(result.Main));
        Assert.Contains($"href=\"{_link}/sida/1#q-f1-ja_helt_sakert\"", result.Main);
        Assert.Contains("Utbyte av erfarenheter</textarea>", WebUtility.HtmlDecode(result.Main));
        await using var db = _app.CreateDbContext();
        Assert.Equal("Utbyte av erfarenheter", (await db.Answers.SingleAsync()).Text);
    }

    [Fact]
    public async Task PreviousPageSavesWithoutDemandingRequiredAnswers()
    {
        var result = await _client.PostFormAsync($"{_link}/sida/2", "page", ("q.f6", "Ett utkast"), ("nav", "back"));

        Assert.Equal(HttpStatusCode.Found, result.Status);
        Assert.Equal($"{_link}/sida/1", result.Location);
        await using var db = _app.CreateDbContext();
        Assert.Equal("Ett utkast", (await db.Answers.SingleAsync()).Text);
    }

    [Fact]
    public async Task ComingBackThroughTheLinkResumesWhereTheRespondentLeft()
    {
        await _client.PostFormAsync($"{_link}/sida/1", "page", RespondentHttp.ModelAnswers[0]);
        await _client.PostFormAsync($"{_link}/sida/2", "page", RespondentHttp.ModelAnswers[1]);

        using var otherBrowser = _app.CreateRespondent();
        var welcome = await otherBrowser.GetPageAsync(_link);
        var page1 = await otherBrowser.GetPageAsync($"{_link}/sida/1");

        Assert.Contains($"href=\"{_link}/sida/3\"", welcome.Main);
        Assert.Contains("Fortsätt där du slutade", WebUtility.HtmlDecode(welcome.Main));
        Assert.Matches("id=\"q-f1-ja_helt_sakert\"[^>]*checked", page1.Main);
    }

    [Fact]
    public async Task QuestionHiddenByItsConditionIsNotShownAndCannotBeAnswered()
    {
        await _client.PostFormAsync($"{_link}/sida/2", "page", ("q.f5", "ej_gatt_vidare"), ("nav", "next"));

        var page3 = await _client.GetPageAsync($"{_link}/sida/3");
        var forced = await _client.PostFormAsync($"{_link}/sida/3", "page", ("q.f7", "3"), ("q.f8", "3"), ("q.f9", "4"), ("nav", "next"));

        Assert.DoesNotContain("name=\"q.f7\"", page3.Main);
        Assert.Contains("name=\"q.f8\"", page3.Main);
        Assert.Equal(HttpStatusCode.BadRequest, forced.Status);
    }

    [Fact]
    public async Task SubmitWithRequiredAnswersMissingIsRefusedWithLinksToTheirPages()
    {
        await _client.PostFormAsync($"{_link}/sida/1", "page", RespondentHttp.ModelAnswers[0]);

        var result = await _client.PostFormAsync($"{_link}/granska", "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains($"href=\"{_link}/sida/2#q-f5-1\"", result.Main);
        await using var db = _app.CreateDbContext();
        Assert.Null((await db.Responses.SingleAsync()).SubmittedAt);
    }

    [Fact]
    public async Task ASecondSubmitRightAfterTheFirstShowsTheThankYouPageAndStoresOneResponse()
    {
        await _client.AnswerAllPagesAsync(_link);
        var token = await _client.AntiforgeryTokenAsync($"{_link}/granska");

        var first = await _client.PostWithTokenAsync($"{_link}/granska", "submit", token);
        var second = await _client.PostWithTokenAsync($"{_link}/granska", "submit", token);

        Assert.Equal("/tack", first.Location);
        Assert.Equal("/tack", second.Location);
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.SubmittedAt != null));
    }

    [Fact]
    public async Task ADoubleClickOnSubmitShowsTheThankYouPageTwiceAndStoresOneResponse()
    {
        await _client.AnswerAllPagesAsync(_link);
        var token = await _client.AntiforgeryTokenAsync($"{_link}/granska");
        int saved;
        await using (var db = _app.CreateDbContext())
        {
            saved = await db.Answers.CountAsync();
        }

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _client.PostWithTokenAsync($"{_link}/granska", "submit", token)));

        Assert.All(clicks, c => Assert.Equal("/tack", c.Location));
        await using var after = _app.CreateDbContext();
        var response = await after.Responses.SingleAsync();
        Assert.NotNull(response.SubmittedAt);
        Assert.True(saved > 0);
        Assert.Equal(saved, await after.Answers.CountAsync(a => a.ResponseId == response.Id));
    }

    [Fact]
    public async Task TwoTabsSubmittingAtOnceStoreOneSubmissionAndBothAreThanked()
    {
        await _client.AnswerAllPagesAsync(_link);
        var clients = Enumerable.Range(0, 4).Select(_ => _app.CreateRespondent()).ToList();
        var tokens = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync($"{_link}/granska")));

        var results = await Task.WhenAll(clients.Select((c, i) => c.PostWithTokenAsync($"{_link}/granska", "submit", tokens[i])));

        Assert.All(results, r => Assert.Equal("/tack", r.Location));
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.SubmittedAt != null));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ASubmitLongAfterTheResponseWasSubmittedGetsTheUnusableLinkPage()
    {
        await _client.AnswerAllPagesAsync(_link);
        var token = await _client.AntiforgeryTokenAsync($"{_link}/granska");
        Assert.Equal("/tack", (await _client.PostWithTokenAsync($"{_link}/granska", "submit", token)).Location);
        await using (var db = _app.CreateDbContext())
        {
            DateTimeOffset? longAgo = DateTimeOffset.UtcNow - ResponseService.RepeatedSubmitWindow - TimeSpan.FromMinutes(1);
            await db.Responses.ExecuteUpdateAsync(u => u.SetProperty(r => r.SubmittedAt, longAgo));
        }

        var late = await _client.PostWithTokenAsync($"{_link}/granska", "submit", token);

        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        Assert.Contains("Länken kan inte användas", WebUtility.HtmlDecode(late.Main));
    }

    [Fact]
    public async Task PageSavedAfterSubmissionChangesNothing()
    {
        await _client.AnswerAllPagesAsync(_link);
        var staleTab = await _client.AntiforgeryTokenAsync($"{_link}/sida/1");
        await _client.PostFormAsync($"{_link}/granska", "submit");

        var late = await _client.PostWithTokenAsync($"{_link}/sida/1", "page", staleTab, ("q.f1", "nej"), ("nav", "next"));

        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Answers.CountAsync(a => a.Code == "nej"));
        Assert.Equal(1, await db.Answers.CountAsync(a => a.Code == "ja_helt_sakert"));
    }

    [Fact]
    public async Task SubmittedResponseHoldsEveryAnswerGiven()
    {
        await _client.AnswerAllPagesAsync(_link);
        await _client.PostFormAsync($"{_link}/granska", "submit");

        await using var db = _app.CreateDbContext();
        var response = await db.Responses.Include(r => r.Answers).SingleAsync();
        Assert.NotNull(response.SubmittedAt);
        var expected = RespondentHttp.ModelAnswers.SelectMany(p => p).Count(f => f.Name != "nav");
        Assert.Equal(expected, response.Answers.Count);
        Assert.Contains(response.Answers, a => a.Code == "4" && a.Value == 4);
    }

    [Fact]
    public async Task MarkupInAnAnswerIsShownAsTextOnTheReviewPage()
    {
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await _client.PostFormAsync($"{_link}/sida/1", "page", ("q.f1", "nej"), ("q.f2", hostile), ("nav", "next"));

        var review = await _client.GetPageAsync($"{_link}/granska");
        var page1 = await _client.GetPageAsync($"{_link}/sida/1");

        Assert.DoesNotContain("<script>alert", review.Html);
        Assert.DoesNotContain("<img src=x", review.Html);
        Assert.Contains(WebUtility.HtmlEncode(hostile).Replace("&#39;", "&#x27;"), review.Main);
        Assert.DoesNotContain("<script>alert", page1.Html);
    }

    [Fact]
    public async Task TokensAreStoredOnlyAsHashes()
    {
        var token = _link["/s/".Length..];

        await using var db = _app.CreateDbContext();
        var hashes = await db.Invitations.Select(i => i.TokenHash).ToListAsync();
        Assert.Equal(20, hashes.Count);
        Assert.DoesNotContain(token, hashes);
        Assert.Contains(InvitationToken.Hash(token), hashes);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void TheLinksFileIsReadableByTheAppsUserOnly()
    {
        var mode = File.GetUnixFileMode(_app.LinksFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Answers.CountAsync());
    }
}
