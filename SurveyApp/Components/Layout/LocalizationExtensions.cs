using Microsoft.AspNetCore.Localization;

namespace SurveyApp.Components.Layout;

/// <summary>Swedish by default, English on request; the choice is kept in a cookie.</summary>
public static class LocalizationExtensions
{
    public static readonly string[] Cultures = ["sv", "en"];

    public static WebApplicationBuilder AddUiLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/sprak/{culture}", (string culture, string? tillbaka, HttpContext context) =>
        {
            if (!Cultures.Contains(culture))
            {
                return Results.NotFound();
            }
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl.IsLocal(tillbaka) ? tillbaka! : "/");
        });
}

// Return addresses are followed only within the app: a plain path "/path", never "//host" or "/\\host",
// and nothing with a control character or whitespace, which browsers strip or the redirect refuses.
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
