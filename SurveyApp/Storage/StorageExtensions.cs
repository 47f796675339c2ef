using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SurveyApp.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite database file; a relative path is taken from the content root.</summary>
    [Required]
    public string DatabasePath { get; set; } = "";
}

public static class StorageExtensions
{
    public static WebApplicationBuilder AddSurveyStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var configured = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"Set {StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)} to the SQLite database file.");
        }
        var path = Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        // Pooled: the respondent pages create a context per operation, several per request, and a pooled
        // one skips building its services and its connection each time. Interceptors registered as
        // services (diagnostics, tests) see every command too.
        builder.Services.AddPooledDbContextFactory<SurveyDbContext>((services, options) => options.UseSqlite(connection)
            // SQLite rebuilds a table with foreign keys switched off, which it cannot do inside a transaction;
            // the migrations that do so are known and tested, so EF Core's warning about it is only noise.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning))
            .AddInterceptors(new SqliteBusyTimeout())
            .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        // Identity's stores take a context per request scope; it comes from the same pool.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<SurveyDbContext>>().CreateDbContext());
        // Keys live beside the database, so forms and cookies issued before a restart stay valid after it.
        builder.Services.AddDataProtection().SetApplicationName("SurveyApp")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(path)!, "keys")));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SurveyCatalog>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Creates or migrates the database and switches it to write-ahead logging.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SurveyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var file = db.Database.GetDbConnection().DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync();
        // WAL lets respondents read while another saves, and a crash mid-write leaves the last commit intact.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
