using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace SurveyApp.Administration.Staff;

public sealed record CreatedStaff(string? Password, IReadOnlyList<string> Errors);

/// <summary>Creates staff accounts. Passwords are generated, never chosen by default or stored in clear.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
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
