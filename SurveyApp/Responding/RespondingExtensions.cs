using Microsoft.Extensions.Options;
using SurveyApp.Administration;

namespace SurveyApp.Responding;

public static class RespondingExtensions
{
    public static WebApplicationBuilder AddResponding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResponseService>();
        builder.Services.AddOptions<RespondentLinkOptions>().BindConfiguration(RespondentLinkOptions.Section)
            .Validate(o => RespondentLinkOptions.IsValidBase(o.PublicBaseUrl),
                "Responding:PublicBaseUrl must be the absolute http or https address respondents reach the app at.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RespondentLinks>();
        return builder;
    }

    /// <summary>Tells whoever started the app where it listens and where the invitation links are.</summary>
    public static void PrintWelcome(this WebApplication app)
    {
        var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        var links = Path.GetFullPath(seed.LinksFile, app.Environment.ContentRootPath);
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"SurveyApp listens on {url}");
        }
        if (seed.Enabled && File.Exists(links))
        {
            Console.WriteLine($"Invitation links (one per participant): {links}");
        }
    }
}
