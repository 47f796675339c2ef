using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SurveyApp.Storage;
using SurveyApp.Domain;

namespace SurveyApp.Security;

public static class StaffSignIn
{
    public const string LoginPath = "/logga-in";
    public const string LogoutPath = "/logga-ut";

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
        builder.Services.AddSingleton<FreshStaffCheck>();
        builder.Services.AddAuthorization();
        return builder;
    }

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
}
