namespace SurveyApp.Components.Layout;

// Headers every response carries. Invitation tokens travel in the address, so no page may send a
// referrer; no page may be framed; scripts come from the app only. Components set style attributes
// of their own, hence 'unsafe-inline' for styles (never for scripts).
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The anti-forgery cookie is HttpOnly and SameSite=Strict by default, but not Secure; like the sign-in
    // cookie, it is Secure whenever the request came over HTTPS.
    public static WebApplicationBuilder AddSecureFormCookies(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            await next();
        });
}
