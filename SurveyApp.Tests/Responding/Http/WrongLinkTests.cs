using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Responding.Http;

/// <summary>Guessing links: wrong links are rate-limited, and unknown, revoked and used links cannot be told apart.</summary>
public sealed class WrongLinkTests : IDisposable
{
    private const int Limit = 5;
    private readonly CommandRecorder _commands = new();
    private readonly SurveyAppFactory _app;
    private readonly HttpClient _client;

    public WrongLinkTests()
    {
        _app = new SurveyAppFactory(
            settings: new Dictionary<string, string> { ["Responding:WrongLinks:Limit"] = Limit.ToString(), ["Responding:WrongLinks:SecondsPerLink"] = "3600" },
            services: s => s.AddSingleton<IInterceptor>(_commands));
        _client = _app.CreateRespondent();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task AfterTooManyWrongLinksFurtherWrongLinksAreRefusedForAWhile()
    {
        await UseUpTheAllowanceAsync();

        var options = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WrongLinkOptions>>().Value;
        Assert.Equal(Limit, options.Limit);
        var stopped = await _client.GetAsync("/s/" + InvitationToken.Generate());
        var html = await stopped.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3600), stopped.Headers.RetryAfter?.Delta);
        Assert.Contains("För många felaktiga länkar", WebUtility.HtmlDecode(html));
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _client.GetPageAsync("/s/" + InvitationToken.Generate() + "/granska")).Status);
    }

    [Fact]
    public async Task ARespondentAtAnAddressOverTheLimitStillAnswersAndSubmits()
    {
        // Someone at the organisation's shared address has used up its wrong links.
        await UseUpTheAllowanceAsync();
        using var respondent = _app.CreateRespondent();
        var link = _app.InvitationPaths()[2];

        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(link)).Status);
        await respondent.CompleteSurveyAsync(link);

        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.SubmittedAt != null));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await respondent.GetPageAsync("/s/" + InvitationToken.Generate())).Status);
    }

    [Fact]
    public async Task AnAddressOverTheLimitGetsTheSameRefusalForUnknownRevokedAndUsedLinks()
    {
        var links = _app.InvitationPaths();
        var (used, revoked) = (links[0], links[1]);
        await _client.CompleteSurveyAsync(used);
        await RevokeAsync(revoked);
        await UseUpTheAllowanceAsync();

        var pages = new[] { "/s/" + InvitationToken.Generate(), used, revoked, used + "/sida/1", revoked + "/granska" };
        foreach (var path in pages)
        {
            using var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    private async Task UseUpTheAllowanceAsync()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetPageAsync("/s/" + InvitationToken.Generate())).Status);
        }
    }

    private async Task RevokeAsync(string link)
    {
        await using var db = _app.CreateDbContext();
        var hash = InvitationToken.Hash(link["/s/".Length..]);
        DateTimeOffset? now = DateTimeOffset.UtcNow;
        await db.Invitations.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedAt, now));
    }

    [Fact]
    public async Task ValidLinksNeverUseUpTheAllowance()
    {
        var links = _app.InvitationPaths();
        for (var i = 0; i < 4 * Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetPageAsync(links[i % links.Count])).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetPageAsync("/s/" + InvitationToken.Generate())).Status);
    }

    [Fact]
    public async Task OtherPagesAreNotLimited()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _client.GetPageAsync("/s/" + InvitationToken.Generate());
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetPageAsync("/logga-in")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetPageAsync("/tack")).Status);
    }

    [Fact]
    public async Task UnknownRevokedAndUsedLinksRunTheSameQueriesAndGetTheSameBytes()
    {
        var links = _app.InvitationPaths();
        var (used, revoked) = (links[0], links[1]);
        await _client.CompleteSurveyAsync(used);
        await RevokeAsync(revoked);

        async Task<(HttpStatusCode Status, string Html, IReadOnlyList<string> Commands)> Open(string path)
        {
            _commands.Clear();
            var response = await _client.GetAsync(path);
            // The page names its own address (in the language switch), carries a fresh anti-forgery token in
            // its form and the framework's component state encrypted afresh; that is all that may differ.
            var html = (await response.Content.ReadAsStringAsync()).Replace(Uri.EscapeDataString(path), "LINK").Replace(path, "LINK");
            html = System.Text.RegularExpressions.Regex.Replace(html, "<input[^>]*__RequestVerificationToken[^>]*>", "ANTIFORGERY");
            html = System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor-Server-Component-State:[^-]+-->", "STATE");
            return (response.StatusCode, html, _commands.Texts);
        }
        var unknown = await Open("/s/" + InvitationToken.Generate());
        var usedPage = await Open(used);
        var revokedPage = await Open(revoked);

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("LINK", unknown.Html);
        Assert.NotEmpty(unknown.Commands);
        foreach (var other in new[] { usedPage, revokedPage })
        {
            Assert.Equal(unknown.Status, other.Status);
            Assert.Equal(unknown.Html, other.Html);
            Assert.Equal(unknown.Commands, other.Commands);
        }
    }

    /// <summary>The SQL text of every command the app runs, in order.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts
        {
            get { lock (_texts) return _texts.ToList(); }
        }

        public void Clear()
        {
            lock (_texts) _texts.Clear();
        }

        private void Record(DbCommand command)
        {
            lock (_texts) _texts.Add(command.CommandText);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}
