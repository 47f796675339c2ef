using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Support;

/// <summary>Staff accounts for tests, and signing in through the real sign-in form.</summary>
public static class StaffHttp
{
    /// <summary>Creates an account with the role (or none) and returns its generated password.</summary>
    public static async Task<string> CreateStaffAsync(this SurveyAppFactory app, string email, string? role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (role is not null)
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, role);
            return created.Password ?? throw new InvalidOperationException(string.Join(" ", created.Errors));
        }
        var password = StaffAccounts.GeneratePassword();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>()
            .CreateAsync(new StaffUser { UserName = email, Email = email }, password);
        return result.Succeeded ? password : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public static Task<Page> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/logga-in", "login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>A client signed in as a new account with the role (null: an account with no role).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this SurveyAppFactory app, string? role)
    {
        var email = $"{role ?? "norole"}-{Guid.NewGuid():N}@example.se";
        var password = await app.CreateStaffAsync(email, role);
        var client = app.CreateRespondent();
        var page = await client.SignInAsync(email, password);
        if (page.Status != System.Net.HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in failed: {page.Status}");
        }
        return client;
    }
}
