using System.Net;
using SurveyApp.Administration.Staff;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Security;

public sealed class StaffSignInTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task StaffSignInWithTheGeneratedPasswordAndLandOnTheResults()
    {
        var password = await _app.CreateStaffAsync("analytiker@example.se", StaffRoles.Analyst);
        using var client = _app.CreateRespondent();

        var page = await client.SignInAsync("analytiker@example.se", password);

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.Equal("/resultat", page.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/resultat")).Status);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownAccountGetTheSameAnswer()
    {
        await _app.CreateStaffAsync("analytiker@example.se", StaffRoles.Analyst);
        using var client = _app.CreateRespondent();

        var wrong = await client.SignInAsync("analytiker@example.se", "fel-lösenord-123");
        var unknown = await client.SignInAsync("ingen@example.se", "fel-lösenord-123");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("fel e-postadress eller lösenord", WebUtility.HtmlDecode(wrong.Main));
        Assert.Equal(Errors(wrong), Errors(unknown));
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountWithoutSayingSo()
    {
        var password = await _app.CreateStaffAsync("analytiker@example.se", StaffRoles.Analyst);
        using var client = _app.CreateRespondent();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("analytiker@example.se", "fel-lösenord-123");
        }

        var page = await client.SignInAsync("analytiker@example.se", password);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        var unknown = await client.SignInAsync("ingen@example.se", "fel-lösenord-123");
        Assert.Equal(Errors(unknown), Errors(page)); // a locked account looks like any failed sign-in
    }

    [Fact]
    public async Task AReturnAddressOutsideTheAppIsIgnored()
    {
        var password = await _app.CreateStaffAsync("analytiker@example.se", StaffRoles.Analyst);
        using var client = _app.CreateRespondent();

        var page = await client.PostFormAsync("/logga-in?ReturnUrl=%2F%2Fevil.example", "login",
            ("Input.Email", "analytiker@example.se"), ("Input.Password", password));

        Assert.Equal("/resultat", page.Location);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var client = await _app.SignedInClientAsync(StaffRoles.Analyst);
        var token = await client.AntiforgeryTokenAsync("/resultat");

        using var response = await client.PostAsync("/logga-ut", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetPageAsync("/resultat")).Status);
    }

    [Fact]
    public async Task SigningOutWithoutTheFormsTokenIsRefused()
    {
        using var client = await _app.SignedInClientAsync(StaffRoles.Analyst);

        using var response = await client.PostAsync("/logga-ut", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/resultat")).Status);
    }

    [Fact]
    public void GeneratedPasswordsAreLongAndDifferent()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => StaffAccounts.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.Equal(20, p.Length));
        Assert.All(passwords, p => Assert.True(p.Any(char.IsLower) && p.Any(char.IsUpper) && p.Any(char.IsDigit)));
        Assert.Equal(200, passwords.Distinct().Count());
    }

    private static string Errors(Page page) =>
        System.Text.RegularExpressions.Regex.Match(page.Main, "<div class=\"error-summary\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
}
