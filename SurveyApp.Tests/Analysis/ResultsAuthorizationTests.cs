using System.Net;
using SurveyApp.Administration.Staff;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Analysis;

/// <summary>Every results address refuses anyone who is not signed in as staff.</summary>
public sealed class ResultsAuthorizationTests : IClassFixture<DemoDataFixture>
{
    public static readonly TheoryData<string> ResultsPaths = new()
    {
        "/resultat",
        "/resultat/1",
        "/resultat/1?typ=kommun",
        "/resultat/1/korstabell?fraga=f8",
        "/resultat/jamfor?a=1&b=2",
        "/resultat/1/fritext/f2",
        "/resultat/1/export.xlsx",
        "/resultat/1/export.xlsx?typ=kommun",
        "/resultat/1/svar.csv",
        "/resultat/1/diagram/f9.svg",
        "/resultat/1/diagram/f9.png?typ=kommun",
        "/resultat/jamfor/diagram/f5.svg?a=1&b=2",
        "/resultat/jamfor/diagram/f9.png?a=1&b=2",
    };

    private readonly SurveyAppFactory _app;

    public ResultsAuthorizationTests(DemoDataFixture fixture) => _app = fixture.App;

    [Theory]
    [MemberData(nameof(ResultsPaths))]
    public async Task WithoutSignInTheResultsRedirectToSignIn(string path)
    {
        using var client = _app.CreateRespondent();

        var page = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.StartsWith("/logga-in?ReturnUrl=", page.Location);
        Assert.DoesNotContain("Bas:", page.Html);
    }

    [Theory]
    [MemberData(nameof(ResultsPaths))]
    public async Task ARespondentsLinkDoesNotOpenTheResults(string path)
    {
        using var client = _app.CreateRespondent();
        var link = _app.InvitationPaths().First(p => true);
        await client.GetPageAsync(link);

        var page = await client.GetPageAsync($"{path}{(path.Contains('?') ? '&' : '?')}token={link["/s/".Length..]}");

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.StartsWith("/logga-in", page.Location);
    }

    [Theory]
    [MemberData(nameof(ResultsPaths))]
    public async Task AnAccountWithoutAStaffRoleIsRefused(string path)
    {
        using var client = await _app.SignedInClientAsync(role: null);

        var page = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.StartsWith("/ingen-behorighet", page.Location);
    }

    [Theory]
    [MemberData(nameof(ResultsPaths))]
    public async Task AnalystsAndAdminsReadTheResults(string path)
    {
        foreach (var role in StaffRoles.All)
        {
            using var client = await _app.SignedInClientAsync(role);

            var page = await client.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
    }
}
