using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SurveyApp.Storage.Providers;

public sealed record BackupResult(bool Succeeded, string Message);

/// <summary>Everything that differs between the database engines; the rest of the app sees only <see cref="IDbContextFactory{SurveyDbContext}"/>.</summary>
public abstract class StorageEngine
{
    public static StorageEngine For(StorageOptions options, string contentRoot) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteEngine(Path.GetFullPath(options.DatabasePath, contentRoot)),
        StorageProvider.PostgreSql => new PostgreSqlEngine(options.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown storage provider {options.Provider}."),
    };

    /// <summary>Where the data is, for the start-up message and the backup commands (never with a password).</summary>
    public abstract string Description { get; }

    // If so, what one process keeps in memory (the survey catalog) may be outdated by another's edit.
    public abstract bool MayBeShared { get; }

    public abstract void AddContextFactory(IServiceCollection services);

    public abstract Task MigrateAsync(SurveyDbContext db, CancellationToken cancellationToken = default);

    /// <summary>Writes a consistent copy of the database to <paramref name="target"/>, which must not exist, while the app runs.</summary>
    public abstract Task<BackupResult> BackUpAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Replaces the database with the backup <paramref name="source"/> after checking it; the app must be stopped.</summary>
    public abstract Task<BackupResult> RestoreAsync(string source, CancellationToken cancellationToken = default);

    // For work at start that only one app process on the database may do (seeding an empty database).
    // With one process per database there is nothing to lock.
    public virtual Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public virtual void MarkRunning(IHostApplicationLifetime lifetime)
    {
    }

    // Pooled: the respondent pages create several contexts per request, and a pooled one skips building
    // its services each time. Interceptors registered as services (diagnostics, tests) see every command.
    protected static void AddPooledFactory<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : SurveyDbContext
    {
        services.AddPooledDbContextFactory<TContext>((provider, options) =>
        {
            configure(options);
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<SurveyDbContext>>(provider =>
            new ContextFactory<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> engine) : IDbContextFactory<SurveyDbContext>
        where TContext : SurveyDbContext
    {
        public SurveyDbContext CreateDbContext() => engine.CreateDbContext();

        public async Task<SurveyDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await engine.CreateDbContextAsync(cancellationToken);
    }
}
