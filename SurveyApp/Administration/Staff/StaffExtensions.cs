using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Staff;

public static class StaffExtensions
{
    public const string LoginPath = "/logga-in";
    public const string LogoutPath = "/logga-ut";

    /// <summary>Staff sign in with ASP.NET Core Identity, stored in the survey database.</summary>
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = "/ingen-behorighet";
            options.Cookie.Name = "SurveyApp.Staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        builder.Services.AddIdentityCore<StaffUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SurveyDbContext>()
            .AddSignInManager();
        // A deactivated or changed account's open sessions end within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        // ... and so do the interactive pages they have open.
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffRevalidation>();
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }

    /// <summary>POST /logga-ut signs the staff member out; the form's anti-forgery token is required.</summary>
    public static void MapStaffSignOut(this WebApplication app) =>
        app.MapPost(LogoutPath, async (HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn) =>
        {
            // The antiforgery middleware only records its verdict; an endpoint that reads no form must check it.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).DisableAntiforgery();

    /// <summary>
    /// Runs <c>create-staff EMAIL ROLE</c>: creates a staff account with a random password, printed once.
    /// Returns false when the arguments are not that command.
    /// </summary>
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
