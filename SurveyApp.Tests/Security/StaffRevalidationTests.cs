using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Security;

/// <summary>Open interactive pages lose a deactivated or changed account's sign-in state at their next check.</summary>
public sealed class StaffRevalidationTests() : AdminPageTests
{
    private async Task<(ClaimsPrincipal Principal, string Id)> SignedInAnalystAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.CreateAsync("revalidate@example.se", StaffRoles.Analyst);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync("revalidate@example.se"))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(user);
        return (principal, user.Id);
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await StaffRevalidation.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), principal,
            scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value);
    }

    [Fact]
    public async Task AnUnchangedAccountStaysSignedIn()
    {
        var (principal, _) = await SignedInAnalystAsync();

        Assert.True(await IsCurrentAsync(principal));
        Assert.True(await IsCurrentAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("role")]
    public async Task ADeactivatedOrChangedAccountDoesNot(string change)
    {
        var (principal, id) = await SignedInAnalystAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var refusal = change == "role" ? await accounts.SetRoleAsync("chef@example.se", id, StaffRoles.Admin) : await accounts.DeactivateAsync("chef@example.se", id);
            Assert.Equal(StaffRefusal.None, refusal);
        }

        Assert.False(await IsCurrentAsync(principal));
    }
}

/// <summary>A change saved from an open page checks its author afresh: a deactivated or demoted admin may not save in between revalidations.</summary>
public sealed class FreshStaffCheckTests() : AdminPageTests
{
    private async Task<(ClaimsPrincipal Principal, string Id)> SignedInAdminAsync()
    {
        await App.CreateStaffAsync("redaktor@example.se", StaffRoles.Admin);
        await using var scope = App.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("redaktor@example.se"))!;
        return (await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(user), user.Id);
    }

    private Task<string?> NameAsync(ClaimsPrincipal principal, string role) =>
        App.Services.GetRequiredService<FreshStaffCheck>().NameIfStillAsync(principal, role);

    [Fact]
    public async Task AnActiveAdminMaySaveAsThemselvesButNotWithARoleTheyLack()
    {
        var (principal, _) = await SignedInAdminAsync();

        Assert.Equal("redaktor@example.se", await NameAsync(principal, StaffRoles.Admin));
        Assert.Null(await NameAsync(principal, StaffRoles.Analyst));
        Assert.Null(await NameAsync(new ClaimsPrincipal(new ClaimsIdentity()), StaffRoles.Admin));
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("role")]
    public async Task ADeactivatedOrDemotedAdminMayNotSaveAtOnce(string change)
    {
        var (principal, id) = await SignedInAdminAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var refusal = change == "role" ? await accounts.SetRoleAsync("chef@example.se", id, StaffRoles.Analyst) : await accounts.DeactivateAsync("chef@example.se", id);
            Assert.Equal(StaffRefusal.None, refusal);
        }

        Assert.Null(await NameAsync(principal, StaffRoles.Admin));
    }
}
