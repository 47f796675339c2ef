using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Staff;
using SurveyApp.Responding;
using SurveyApp.Tests.Analysis;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Domain;
using SurveyApp.Security;

namespace SurveyApp.Tests.Components;

/// <summary>
/// Who may reach what: every endpoint the app routes has a decision below, and each decision is tried
/// with every kind of visitor (anonymous, a respondent holding a valid link, an account without a staff
/// role, analyst, admin). An endpoint added without a decision fails <see cref="EveryEndpointHasADecision"/>.
/// </summary>
public sealed class AccessControlMatrixTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private enum Access
    {
        /// <summary>Anyone: sign-in, error and thank-you pages, the language switch.</summary>
        Public,
        /// <summary>Whoever holds a usable survey link; anyone else gets the one "link cannot be used" page.</summary>
        Link,
        /// <summary>Signed-in analysts and admins.</summary>
        Staff,
        /// <summary>Signed-in admins only.</summary>
        Admin,
        /// <summary>
        /// The framework's script files and the interactive circuit's hub. The hub only renders components
        /// the server itself described in a page it sent (descriptors are protected with the app's keys),
        /// and those components check the user themselves, so the hub is open by design.
        /// </summary>
        Framework,
    }

    /// <summary>The decision for each endpoint ("METHOD pattern"; "*" for any method), with an address to try it on.</summary>
    private static readonly Dictionary<string, (Access Access, string Path)> Decisions = new()
    {
        ["GET /"] = (Access.Public, "/"),
        ["GET /fel"] = (Access.Public, "/fel"),
        ["GET /status/{Code:int}"] = (Access.Public, "/status/404"),
        ["GET /ingen-behorighet"] = (Access.Public, "/ingen-behorighet"),
        ["GET /logga-in"] = (Access.Public, "/logga-in"),
        ["GET /tack"] = (Access.Public, "/tack"),
        ["GET /sprak/{culture}"] = (Access.Public, "/sprak/en?tillbaka=%2F"),
        ["POST /logga-ut"] = (Access.Public, "/logga-ut"),
        ["GET /s/{Token}"] = (Access.Link, ""),
        ["GET /s/{Token}/sida/{Number:int}"] = (Access.Link, "/sida/1"),
        ["GET /s/{Token}/granska"] = (Access.Link, "/granska"),
        ["GET /resultat"] = (Access.Staff, "/resultat"),
        ["GET /resultat/{WaveId:int}"] = (Access.Staff, "/resultat/1"),
        ["GET /resultat/{WaveId:int}/korstabell"] = (Access.Staff, "/resultat/1/korstabell?fraga=f8"),
        ["GET /resultat/jamfor"] = (Access.Staff, "/resultat/jamfor?a=1&b=2"),
        ["GET /resultat/{WaveId:int}/fritext/{QuestionKey}"] = (Access.Staff, "/resultat/1/fritext/f2"),
        ["GET /resultat/{waveId:int}/export.xlsx"] = (Access.Staff, "/resultat/1/export.xlsx"),
        ["GET /resultat/{waveId:int}/svar.csv"] = (Access.Staff, "/resultat/1/svar.csv"),
        ["GET /resultat/{waveId:int}/rapport.docx"] = (Access.Staff, "/resultat/1/rapport.docx"),
        ["GET /resultat/{waveId:int}/presentation.pptx"] = (Access.Staff, "/resultat/1/presentation.pptx"),
        ["GET /resultat/jamfor/presentation.pptx"] = (Access.Staff, "/resultat/jamfor/presentation.pptx?a=1&b=2"),
        ["GET /resultat/{waveId:int}/diagram/{questionKey}.svg"] = (Access.Staff, "/resultat/1/diagram/f9.svg"),
        ["GET /resultat/{waveId:int}/diagram/{questionKey}.png"] = (Access.Staff, "/resultat/1/diagram/f9.png"),
        ["GET /resultat/jamfor/diagram/{questionKey}.svg"] = (Access.Staff, "/resultat/jamfor/diagram/f9.svg?a=1&b=2"),
        ["GET /resultat/jamfor/diagram/{questionKey}.png"] = (Access.Staff, "/resultat/jamfor/diagram/f9.png?a=1&b=2"),
        ["GET /admin/personal"] = (Access.Admin, "/admin/personal"),
        ["GET /admin/logg"] = (Access.Admin, "/admin/logg"),
        ["GET /admin/omgangar"] = (Access.Admin, "/admin/omgangar"),
        ["GET /admin/enkater"] = (Access.Admin, "/admin/enkater"),
        ["GET /admin/deltagare"] = (Access.Admin, "/admin/deltagare"),
        ["GET /admin/enkater/{surveyId:int}.json"] = (Access.Admin, "/admin/enkater/1.json"),
        ["GET /admin/enkater/ny"] = (Access.Admin, "/admin/enkater/ny"),
        ["GET /admin/enkater/{SurveyId:int}/redigera"] = (Access.Admin, "/admin/enkater/1/redigera"),
        ["GET /admin/omgangar/{WaveId:int}/inbjudningar"] = (Access.Admin, "/admin/omgangar/1/inbjudningar"),
        ["GET /admin/omgangar/{WaveId:int}/import"] = (Access.Admin, "/admin/omgangar/1/import"),
        ["GET /admin/omgangar/{WaveId:int}/utskick"] = (Access.Admin, "/admin/omgangar/1/utskick"),
        ["GET /admin/omgangar/{waveId:int}/ej-svarat.csv"] = (Access.Admin, "/admin/omgangar/1/ej-svarat.csv"),
        ["GET /_framework/opaque-redirect"] = (Access.Framework, "/_framework/opaque-redirect"),
        // Files served from where the build left them when the app runs from its build folder (as here and
        // under dotnet run); a published app has only the static assets below.
        ["GET {**path:file}"] = (Access.Framework, "/finns-inte.txt"),
        ["HEAD {**path:file}"] = (Access.Framework, "/finns-inte.txt"),
        ["* /_blazor"] = (Access.Framework, "/_blazor"),
        ["* /_blazor/negotiate"] = (Access.Framework, "/_blazor/negotiate"),
        ["* /_blazor/disconnect/"] = (Access.Framework, "/_blazor/disconnect/"),
        ["* /_blazor/initializers/"] = (Access.Framework, "/_blazor/initializers/"),
    };

    /// <summary>Pages that also take form posts; a post must carry the form's anti-forgery token.</summary>
    private static readonly HashSet<string> FormPosts =
    [
        "/", "/fel", "/status/{Code:int}", "/ingen-behorighet", "/logga-in", "/tack", "/s/{Token}", "/s/{Token}/sida/{Number:int}",
        "/s/{Token}/granska", "/resultat", "/resultat/{WaveId:int}", "/resultat/{WaveId:int}/korstabell", "/resultat/jamfor",
        "/resultat/{WaveId:int}/fritext/{QuestionKey}", "/logga-ut", "/admin/personal", "/admin/logg",
        "/admin/omgangar",
        "/admin/omgangar/{WaveId:int}/inbjudningar", "/admin/omgangar/{WaveId:int}/import", "/admin/omgangar/{WaveId:int}/utskick",
        "/admin/enkater", "/admin/deltagare",
        "/admin/enkater/ny", "/admin/enkater/{SurveyId:int}/redigera",
    ];

    public enum Visitor { Anonymous, Respondent, NoRole, Analyst, Admin }

    public static readonly TheoryData<Visitor> Visitors = new() { Visitor.Anonymous, Visitor.Respondent, Visitor.NoRole, Visitor.Analyst, Visitor.Admin };

    /// <summary>Every routed endpoint except the static files (stylesheets, scripts), which <see cref="StaticAssetsArePublicFilesAndNeverAPage"/> covers.</summary>
    private IEnumerable<string> RoutedEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {e.RoutePattern.RawText}"));

    [Fact]
    public async Task StaticAssetsArePublicFilesAndNeverAPage()
    {
        _ = fixture.App.Server;
        var assets = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null && !e.RoutePattern.RawText!.EndsWith(".gz", StringComparison.Ordinal))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        using var anonymous = fixture.App.CreateRespondent();

        Assert.Contains(assets, a => a.StartsWith("/_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains("/app.css", assets);
        var failures = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await anonymous.GetAsync(asset);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (response.StatusCode != HttpStatusCode.OK || type == "text/html") failures.Add($"{asset}: {(int)response.StatusCode} {type}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryEndpointHasADecision()
    {
        _ = fixture.App.Server;
        var routed = RoutedEndpoints().ToHashSet();
        var expected = Decisions.Keys.Concat(FormPosts.Select(p => $"POST {p}")).ToHashSet();

        Assert.Empty(routed.Except(expected));
        Assert.Empty(expected.Except(routed));
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EachVisitorGetsWhatTheDecisionSays(Visitor visitor)
    {
        using var client = await ClientAsync(visitor);
        var link = visitor == Visitor.Respondent ? OpenLink() : "/s/" + InvitationToken.Generate();
        var failures = new List<string>();
        foreach (var (key, (access, sample)) in Decisions.Where(d => !d.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var path = access == Access.Link ? link + sample : sample;
            var page = await client.GetPageAsync(path);
            var (status, location) = ((int)page.Status, page.Location ?? "");
            var allowed = access switch
            {
                Access.Public => status is 200 or 404 || (status == 302 && !IsSignInOrRefusal(location)),
                Access.Link => visitor == Visitor.Respondent ? status == 200 : status == 404,
                Access.Staff => visitor switch
                {
                    Visitor.Analyst or Visitor.Admin => status == 200,
                    Visitor.NoRole => status == 302 && IsSignInOrRefusal(location) && location.Contains("/ingen-behorighet", StringComparison.Ordinal),
                    _ => status == 302 && IsSignInOrRefusal(location) && location.Contains("/logga-in", StringComparison.Ordinal),
                },
                Access.Admin => visitor switch
                {
                    Visitor.Admin => status == 200,
                    Visitor.NoRole or Visitor.Analyst => status == 302 && IsSignInOrRefusal(location) && location.Contains("/ingen-behorighet", StringComparison.Ordinal),
                    _ => status == 302 && IsSignInOrRefusal(location) && location.Contains("/logga-in", StringComparison.Ordinal),
                },
                // Open by design; what matters is that nothing breaks and no page comes back (a refusal shows
                // the app's status page).
                Access.Framework => status is 200 ? !page.Html.Contains("<main", StringComparison.Ordinal) : status < 500,
                _ => false,
            };
            if (!allowed) failures.Add($"{visitor} {key} ({path}): {status} {location}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task AFormPostWithoutTheAntiforgeryTokenIsNeverAccepted(Visitor visitor)
    {
        using var client = await ClientAsync(visitor);
        var link = OpenLink();
        var failures = new List<string>();
        foreach (var pattern in FormPosts)
        {
            var path = pattern.Replace("/s/{Token}", link).Replace("{Number:int}", "1").Replace("{WaveId:int}", "1").Replace("{waveId:int}", "1").Replace("{QuestionKey}", "f2");
            using var form = new FormUrlEncodedContent([new("_handler", "page"), new("f1", "4")]);
            using var response = await client.PostAsync(path, form);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (!(status == 400 || (status == 302 && IsSignInOrRefusal(location))))
            {
                failures.Add($"{visitor} POST {path}: {status} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsSignInOrRefusal(string location)
    {
        var path = location.Length == 0 ? "" : new Uri(new Uri("http://localhost"), location).AbsolutePath;
        return path is "/logga-in" or "/ingen-behorighet";
    }

    /// <summary>A link of the demo wave whose participant has not answered.</summary>
    private string OpenLink()
    {
        _ = fixture.App.Server;
        var line = File.ReadAllLines(fixture.App.LinksFile).Skip(1).First(l => l.EndsWith(",no", StringComparison.Ordinal));
        return new Uri(line.Split(',')[^2]).AbsolutePath;
    }

    private async Task<HttpClient> ClientAsync(Visitor visitor) => visitor switch
    {
        Visitor.NoRole => await fixture.App.SignedInClientAsync(role: null),
        Visitor.Analyst => await fixture.App.SignedInClientAsync(StaffRoles.Analyst),
        Visitor.Admin => await fixture.App.SignedInClientAsync(StaffRoles.Admin),
        _ => fixture.App.CreateRespondent(),
    };
}
