using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SurveyApp.Administration.Staff;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Security;

/// <summary>The sign-in and anti-forgery cookies: out of reach of scripts, not sent cross-site, Secure over HTTPS.</summary>
public sealed class StaffCookieTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Signs in by hand, cookies passed explicitly, and returns every Set-Cookie header seen.</summary>
    private async Task<IReadOnlyList<string>> SignInAsync(string baseAddress)
    {
        var password = await _app.CreateStaffAsync("cookie@example.se", StaffRoles.Analyst);
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(baseAddress),
        });
        using var form = await client.GetAsync("/logga-in");
        var cookies = form.Headers.GetValues("Set-Cookie").ToList();
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/logga-in")
        {
            Content = new FormUrlEncodedContent([
                new("_handler", "login"), new("__RequestVerificationToken", token),
                new("Input.Email", "cookie@example.se"), new("Input.Password", password)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        return [.. cookies, .. signedIn.Headers.GetValues("Set-Cookie")];
    }

    private static string Cookie(IReadOnlyList<string> headers, string namePrefix) =>
        headers.Single(h => h.StartsWith(namePrefix, StringComparison.Ordinal)).ToLowerInvariant();

    [Fact]
    public async Task TheSignInCookieIsHttpOnlyAndSameSiteLax()
    {
        var staff = Cookie(await SignInAsync("http://localhost"), "SurveyApp.Staff=");

        Assert.Contains("httponly", staff);
        Assert.Contains("samesite=lax", staff);
        Assert.DoesNotContain("secure", staff);
    }

    [Fact]
    public async Task OverHttpsTheCookiesAreSecure()
    {
        var headers = await SignInAsync("https://localhost");

        Assert.Contains("secure", Cookie(headers, "SurveyApp.Staff="));
        Assert.Contains("secure", Cookie(headers, ".AspNetCore.Antiforgery."));
    }

    [Fact]
    public async Task TheAntiforgeryCookieIsHttpOnlyAndSameSiteStrict()
    {
        var antiforgery = Cookie(await SignInAsync("http://localhost"), ".AspNetCore.Antiforgery.");

        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);
    }
}
