using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddSurveyStorage(this WebApplicationBuilder builder)
    {
        var options = StorageOptions.Read(builder.Configuration);
        var engine = StorageEngine.For(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(engine);
        engine.AddContextFactory(builder.Services);
        // Identity's stores take a context per request scope; it comes from the same pool.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<SurveyDbContext>>().CreateDbContext());
        // Keys live in the database, so that forms and cookies issued before a restart, or by another app
        // process on the same database, are accepted.
        builder.Services.AddDataProtection().SetApplicationName("SurveyApp").PersistKeysToDbContext<SurveyDbContext>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SurveyCatalog>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SurveyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await app.Services.GetRequiredService<StorageEngine>().MigrateAsync(db);
    }

    // A restore refuses while the database is marked as served.
    public static void MarkDatabaseRunning(this WebApplication app) =>
        app.Services.GetRequiredService<StorageEngine>().MarkRunning(app.Lifetime);

    public static async Task<bool> RunBackupCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["backup" or "restore", ..])
        {
            return false;
        }
        if (args is not [var command, var file])
        {
            Console.Error.WriteLine("Usage: backup FILE   (a consistent copy, while the app runs)\n       restore FILE  (with the app stopped)");
            Environment.ExitCode = 2;
            return true;
        }
        var engine = app.Services.GetRequiredService<StorageEngine>();
        var result = command == "backup" ? await engine.BackUpAsync(file) : await engine.RestoreAsync(file);
        (result.Succeeded ? Console.Out : Console.Error).WriteLine(result.Message);
        Environment.ExitCode = result.Succeeded ? 0 : 1;
        return true;
    }
}
