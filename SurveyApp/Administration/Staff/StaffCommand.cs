using SurveyApp.Security;

namespace SurveyApp.Administration.Staff;

public static class StaffCommand
{
    /// <summary>Runs <c>create-staff EMAIL ROLE</c> (random password, printed once); false when the arguments are not that command.</summary>
    public static async Task<bool> RunStaffCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["create-staff", ..])
        {
            return false;
        }
        if (args is not [_, var email, var role] || !StaffRoles.All.Contains(role))
        {
            Console.Error.WriteLine($"Usage: create-staff EMAIL ROLE   (ROLE is {string.Join(" or ", StaffRoles.All)})");
            Environment.ExitCode = 2;
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, role);
        if (result.Password is null)
        {
            Console.Error.WriteLine($"Could not create {email}: {string.Join(" ", result.Errors)}");
            Environment.ExitCode = 1;
            return true;
        }
        Console.WriteLine($"Created {role} account {email}. Password (shown only now): {result.Password}");
        return true;
    }
}
