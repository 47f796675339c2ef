using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SurveyApp.Domain;

namespace SurveyApp.Security;

/// <summary>
/// Checks, every minute, that the staff member behind an open interactive page is still who signed in:
/// an account deactivated or changed since (its security stamp is new) loses the page's sign-in state,
/// as the sign-in cookie does on its next validation.
/// </summary>
public sealed class StaffRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), authenticationState.User, options.Value);
    }

    /// <summary>True while the account exists, is not deactivated and its security stamp is the one signed in with.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<StaffUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (await users.GetUserAsync(principal) is not { } user || await users.IsLockedOutAsync(user)) return false;
        return !users.SupportsUserSecurityStamp
            || principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>
/// Checks a staff member afresh before a change is saved from an open interactive page, whose sign-in is
/// only revalidated every minute: a deactivated or demoted account must not save in between.
/// </summary>
public sealed class FreshStaffCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
{
    /// <summary>The staff member's name while the account is current and holds <paramref name="role"/>; null otherwise.</summary>
    public async Task<string?> NameIfStillAsync(ClaimsPrincipal principal, string role)
    {
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(role)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (!await StaffRevalidation.IsCurrentAsync(users, principal, options.Value)) return null;
        return principal.Identity.Name ?? "";
    }
}

