using System.Net;
using System.Text.RegularExpressions;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components;

/// <summary>
/// The app as it is deployed: published in Release (framework-dependent), started from the publish folder
/// in Production, serving every stylesheet and script its pages name. The tests only read, so they share one
/// process (<see cref="Fixture"/>).
/// </summary>
public sealed partial class PublishedBuildTests(PublishedBuildTests.Fixture fixture) : IClassFixture<PublishedBuildTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public AppProcess App { get; } = new();

        public Task InitializeAsync() => App.StartAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly AppProcess _app = fixture.App;

    [GeneratedRegex("<(?:link[^>]+href|script[^>]+src)=\"([^\"]+)\"")]
    private static partial Regex Assets();

    [Theory]
    [InlineData("/logga-in")]
    [InlineData("/s/okand-lank")]
    public async Task EveryAssetAPageNamesIsServedFromThePublishedBuild(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        using var page = await http.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var assets = Assets().Matches(html).Select(m => m.Groups[1].Value).Where(a => !a.StartsWith("data:", StringComparison.Ordinal)).Distinct().ToList();

        Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("app", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentLength > 0, $"{asset} is empty");
            Assert.Matches(@"^(text/css|text/javascript|application/javascript)", response.Content.Headers.ContentType?.MediaType ?? "");
        }
    }

    [Fact]
    public async Task FingerprintedAssetsAreCachedForGoodAndCompressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(_app.BaseUrl) };
        var html = await http.GetStringAsync("/logga-in");
        var script = Assets().Matches(html).Select(m => m.Groups[1].Value).Single(a => a.Contains("blazor.web", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"blazor\.web\.[a-z0-9]+\.js$", script);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }
}
