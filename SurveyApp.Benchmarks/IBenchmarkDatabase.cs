using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks;

/// <summary>
/// A fresh database of one engine for a benchmark run, set up as the app sets up its own, and removed
/// afterwards unless kept: <see cref="BenchmarkDatabase"/> (SQLite) or <see cref="PostgreSqlBenchmarkDatabase"/>.
/// </summary>
public interface IBenchmarkDatabase : IAsyncDisposable
{
    /// <summary>Where the data is, for the output (never with a password).</summary>
    string Description { get; }

    /// <summary>A temporary folder of the run for files beside the database (the app's links file, nginx's configuration).</summary>
    string Folder { get; }

    /// <summary>The configuration that points the app at this database, as environment variables.</summary>
    IReadOnlyDictionary<string, string> AppEnvironment { get; }

    /// <summary>A factory of new, unpooled contexts of the engine's own context type, one per call.</summary>
    IDbContextFactory<SurveyDbContext> CreateFactory(params IInterceptor[] interceptors);

    /// <summary>An open connection for plain SQL (identifiers quoted, parameters named with @).</summary>
    Task<DbConnection> OpenConnectionAsync();

    /// <summary>The writer that <see cref="DemoWaveGenerator"/> hands its invitations, responses and answers to.</summary>
    Task<IDemoRowWriter> CreateRowWriterAsync(CancellationToken cancellationToken = default);

    /// <summary>Brings the planner's statistics up to date after a bulk load, where the engine needs it.</summary>
    Task AnalyzeAsync(CancellationToken cancellationToken = default);

    /// <summary>The engine's name and version, for the machine's description.</summary>
    Task<(string Engine, string Version)> EngineVersionAsync();
}
