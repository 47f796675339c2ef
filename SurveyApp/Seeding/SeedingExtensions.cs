using Microsoft.Extensions.Options;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Seeding;

public static class SeedingExtensions
{
    public static WebApplicationBuilder AddSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SeedOptions>, SeedOptionsValidation>();
        builder.Services.AddSingleton<ModelSurveySeeder>();
        return builder;
    }

    public static async Task SeedModelSurveyAsync(this WebApplication app)
    {
        // Processes that start together on an empty shared database seed it once: the others wait, then find it seeded.
        await using var _ = await app.Services.GetRequiredService<StorageEngine>().LockAsync("seed");
        await app.Services.GetRequiredService<ModelSurveySeeder>().SeedIfEmptyAsync();
    }

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
