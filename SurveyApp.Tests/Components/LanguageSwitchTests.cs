using System.Net;
using SurveyApp.Components.Layout;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components;

/// <summary>
/// Switching the language and where the switch returns to. The choice lives in the client's cookie, not in the
/// app, so the tests share one app, each with a client of its own.
/// </summary>
public sealed class LanguageSwitchTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly SurveyAppFactory _app = fixture.App;

    [Fact]
    public async Task SwitchingToEnglishRemembersItAndReturnsToThePage()
    {
        using var client = _app.CreateRespondent();
        var link = _app.InvitationPaths()[0];

        var switched = await client.GetPageAsync($"/sprak/en?tillbaka={Uri.EscapeDataString(link)}");
        var page = await client.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal(link, switched.Location);
        Assert.Contains("Start the survey", page.Main);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("/\v/evil.example")]
    [InlineData("/\u001f/evil.example")]
    [InlineData("/\u0000")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u0085/evil.example")]
    public async Task AReturnAddressOutsideTheAppOrNotAPlainPathLeadsHome(string target)
    {
        using var client = _app.CreateRespondent();

        foreach (var culture in new[] { "sv", "en" })
        {
            var switched = await client.GetPageAsync($"/sprak/{culture}?tillbaka={Uri.EscapeDataString(target)}");

            Assert.Equal(HttpStatusCode.Found, switched.Status);
            Assert.Equal("/", switched.Location);
        }
    }

    [Fact]
    public async Task AnUnknownLanguageIsNotFound()
    {
        using var client = _app.CreateRespondent();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/sprak/de?tillbaka=/")).Status);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/s/abc/sida/2", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/a b", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyPathsWithinTheAppAreLocal(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));
}
