using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SurveyApp.Domain;

namespace SurveyApp.Security;

// An account deactivated or changed since sign-in (a new security stamp) loses an open interactive
// page's sign-in state within a minute, as the sign-in cookie does.
public sealed class StaffRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), authenticationState.User, options.Value);
    }

    public static async Task<bool> IsCurrentAsync(UserManager<StaffUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (await users.GetUserAsync(principal) is not { } user || await users.IsLockedOutAsync(user)) return false;
        return !users.SupportsUserSecurityStamp
            || principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}

// Checks a staff member afresh before a change is saved from an open interactive page, whose sign-in is
// only revalidated every minute: a deactivated or demoted account must not save in between.
public sealed class FreshStaffCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
{
    public async Task<string?> NameIfStillAsync(ClaimsPrincipal principal, string role)
    {
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(role)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (!await StaffRevalidation.IsCurrentAsync(users, principal, options.Value)) return null;
        return principal.Identity.Name ?? "";
    }
}

