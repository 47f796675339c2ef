using System.Net;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Responding.Http;

/// <summary>
/// Behind a reverse proxy the wrong-link limit counts each client by the proxy's X-Forwarded-For, but only
/// when the request comes from a proxy named in ReverseProxy:KnownProxies; from anyone else the header is
/// ignored, so it cannot be forged to dodge the limit. The published app on a real socket, as nginx reaches it.
/// </summary>
public sealed class ReverseProxyTests
{
    private static Dictionary<string, string> Settings(bool trustLoopback)
    {
        var settings = new Dictionary<string, string> { ["Responding:WrongLinks:Limit"] = "3", ["Responding:WrongLinks:SecondsPerLink"] = "3600" };
        if (trustLoopback)
        {
            settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        }
        return settings;
    }

    private static async Task<HttpStatusCode> WrongLinkAsync(AppProcess app, string client)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/s/" + InvitationToken.Generate());
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task FromAKnownProxyEachForwardedClientHasItsOwnAllowance()
    {
        await using var app = new AppProcess(settings: Settings(trustLoopback: true));
        await app.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await WrongLinkAsync(app, "203.0.113.10"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongLinkAsync(app, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.NotFound, await WrongLinkAsync(app, "203.0.113.20"));
    }

    [Fact]
    public async Task FromAnyoneElseTheForwardedHeaderIsIgnored()
    {
        await using var app = new AppProcess(settings: Settings(trustLoopback: false));
        await app.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await WrongLinkAsync(app, $"203.0.113.{i}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongLinkAsync(app, "203.0.113.99"));
    }
}
