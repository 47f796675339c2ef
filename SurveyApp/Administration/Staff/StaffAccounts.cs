using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Auditing;
using SurveyApp.Security;

namespace SurveyApp.Administration.Staff;

public sealed record CreatedStaff(string? Password, IReadOnlyList<string> Errors, StaffRefusal Refusal = StaffRefusal.None);

public sealed record StaffAccount(string Id, string Email, string? Role, bool Active);

/// <summary>Why a change to an account was refused: a resource key for the message.</summary>
public enum StaffRefusal { None, NotFound, UnknownRole, Yourself, LastAdmin, EmailInvalid, EmailTaken, NotCreated }

/// <summary>
/// Passwords are generated, never chosen by default or stored in clear; administrators' changes are
/// audited. No change may leave the app without an active administrator, and nobody deactivates or
/// demotes their own account.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AuditLog audit, SurveyDbContext db)
{
    /// <summary>Creates and records the account: both or neither.</summary>
    public async Task<CreatedStaff> CreateAsync(string actor, string? email, string? role)
    {
        email = email?.Trim() ?? "";
        if (!IsEmailAddress(email)) return Refused(StaffRefusal.EmailInvalid);
        if (!StaffRoles.All.Contains(role)) return Refused(StaffRefusal.UnknownRole);
        if (await users.FindByEmailAsync(email) is not null) return Refused(StaffRefusal.EmailTaken);
        CreatedStaff created = null!;
        await RecordedAsync(actor, AuditActions.StaffCreated, email, role, async () =>
        {
            created = await CreateAsync(email, role!);
            return created.Password is not null;
        });
        return created.Password is null ? created with { Refusal = StaffRefusal.NotCreated } : created;
    }

    /// <summary>One plain address, as a mail server takes it: no display name, no surrounding text.</summary>
    public static bool IsEmailAddress(string email) =>
        email.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email;

    private static CreatedStaff Refused(StaffRefusal refusal) => new(null, [], refusal);

    // Identity's stores save through this request's context, so the change and its audit entry share one
    // transaction: if the change fails or the entry cannot be stored, neither is.
    private async Task RecordedAsync(string actor, string action, string subject, string? details, Func<Task<bool>> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await change())
        {
            return; // rolled back
        }
        audit.Add(db, actor, action, subject, details);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync()
    {
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var list = new List<StaffAccount>();
        foreach (var user in accounts)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault(StaffRoles.All.Contains);
            list.Add(new StaffAccount(user.Id, user.Email ?? user.UserName ?? "", role, IsActive(user)));
        }
        return list;
    }

    public async Task<StaffRefusal> SetRoleAsync(string actor, string userId, string role)
    {
        if (!StaffRoles.All.Contains(role)) return StaffRefusal.UnknownRole;
        if (await users.FindByIdAsync(userId) is not { } user) return StaffRefusal.NotFound;
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role])) return StaffRefusal.None;
        if (current.Contains(StaffRoles.Admin) && role != StaffRoles.Admin)
        {
            if (IsActor(user, actor)) return StaffRefusal.Yourself;
            if (await ActiveAdminsAsync() <= 1) return StaffRefusal.LastAdmin;
        }
        await RecordedAsync(actor, AuditActions.StaffRoleChanged, user.Email ?? userId, $"{string.Join(",", current)} → {role}", async () =>
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            // The account's session picks up the new role when its cookie is next validated.
            return (await users.UpdateSecurityStampAsync(user)).Succeeded;
        });
        return StaffRefusal.None;
    }

    /// <summary>Stops the account signing in, and ends its sessions at their next validation.</summary>
    public async Task<StaffRefusal> DeactivateAsync(string actor, string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return StaffRefusal.NotFound;
        if (IsActor(user, actor)) return StaffRefusal.Yourself;
        if (await users.IsInRoleAsync(user, StaffRoles.Admin) && IsActive(user) && await ActiveAdminsAsync() <= 1) return StaffRefusal.LastAdmin;
        await RecordedAsync(actor, AuditActions.StaffDeactivated, user.Email ?? userId, null, async () =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return (await users.UpdateSecurityStampAsync(user)).Succeeded;
        });
        return StaffRefusal.None;
    }

    public async Task<StaffRefusal> ReactivateAsync(string actor, string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return StaffRefusal.NotFound;
        await RecordedAsync(actor, AuditActions.StaffReactivated, user.Email ?? userId, null, async () =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            return (await users.ResetAccessFailedCountAsync(user)).Succeeded;
        });
        return StaffRefusal.None;
    }

    private static bool IsActive(StaffUser user) => user.LockoutEnd is not { } end || end <= DateTimeOffset.UtcNow;

    private static bool IsActor(StaffUser user, string actor) =>
        string.Equals(user.Email, actor, StringComparison.OrdinalIgnoreCase) || string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase);

    private async Task<int> ActiveAdminsAsync() => (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count(IsActive);

    /// <summary>The command line's way: no actor, nothing recorded.</summary>
    public async Task<CreatedStaff> CreateAsync(string email, string role)
    {
        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var password = GeneratePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new CreatedStaff(null, created.Errors.Select(e => e.Description).ToList());
        }
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded
            ? new CreatedStaff(password, [])
            : new CreatedStaff(null, added.Errors.Select(e => e.Description).ToList());
    }

    /// <summary>20 characters from an alphabet without look-alikes: about 115 bits.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        const string all = lower + upper + digits;
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        // One of each class, so that the password rules always hold.
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
