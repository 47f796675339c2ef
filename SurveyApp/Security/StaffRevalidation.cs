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
