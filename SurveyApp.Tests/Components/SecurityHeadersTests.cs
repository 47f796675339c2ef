using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components;

/// <summary>The headers every response carries; the tests only read, so they share one app.</summary>
public sealed class SecurityHeadersTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly SurveyAppFactory _app = fixture.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/logga-in")]
    [InlineData("/s/unknown")]
    [InlineData("/app.css")]
    public async Task EveryResponseForbidsFramingSniffingAndReferrers(string path)
    {
        using var client = _app.CreateRespondent();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public async Task AnInvitationLinkIsNotSentOnAsAReferrer()
    {
        using var client = _app.CreateRespondent();

        using var response = await client.GetAsync(_app.InvitationPaths()[0]);

        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
