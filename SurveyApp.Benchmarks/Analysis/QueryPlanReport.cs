using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using SurveyApp.Analysis;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Analysis;

/// <summary>
/// Where GetAsync's time goes: every SQL command EF Core sends for one call, how long it took
/// (execution and reading its rows) and the engine's plan for it: SQLite's EXPLAIN QUERY PLAN, or
/// PostgreSQL's EXPLAIN (ANALYZE, BUFFERS), which runs the command once more and shows where its time went.
/// </summary>
public static class QueryPlanReport
{
    public static async Task PrintAsync(IBenchmarkDatabase database, int waveId, IReadOnlyList<(string Name, ResultsFilter Filter)> views)
    {
        var recorder = new CommandRecorder();
        var factory = database.CreateFactory(recorder);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var results = new WaveResultsQuery(factory, new SurveyCatalog(factory, cache), new ViewSuppression(factory, Options.Create(new AnalysisOptions())));

        await using var connection = await database.OpenConnectionAsync();
        foreach (var (name, filter) in views)
        {
            // The second call is warm, like the measured runs; only its commands are reported.
            await results.GetAsync(waveId, filter);
            recorder.Commands.Clear();
            var call = Stopwatch.StartNew();
            await results.GetAsync(waveId, filter);
            call.Stop();
            Console.WriteLine();
            Console.WriteLine($"=== GetAsync, {name}: {call.Elapsed.TotalMilliseconds:F1} ms, of which {recorder.Commands.Count} SQL commands " +
                $"{recorder.Commands.Sum(c => c.Duration.TotalMilliseconds):F1} ms (sent until reader disposed) ===");
            foreach (var (command, i) in recorder.Commands.Select((c, i) => (c, i + 1)))
            {
                Console.WriteLine();
                Console.WriteLine($"--- {i}. {command.Duration.TotalMilliseconds:F1} ms, {command.Reads:N0} reads ---");
                Console.WriteLine(command.Sql);
                Console.WriteLine("Parameters: " + string.Join(", ", command.Parameters.Select(p => $"{p.Name}={Show(p.Value)}")));
                Console.WriteLine("Plan:");
                var plan = connection switch
                {
                    SqliteConnection sqlite => await ExplainAsync(sqlite, command),
                    NpgsqlConnection postgreSql => await ExplainAsync(postgreSql, command),
                    _ => ["(no plan for this engine)"],
                };
                foreach (var line in plan)
                {
                    Console.WriteLine("  " + line);
                }
            }
        }
    }

    private static async Task<List<string>> ExplainAsync(SqliteConnection connection, RecordedCommand recorded)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Sql;
        foreach (var (name, value) in recorded.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', 2 * (level - 1)) + reader.GetString(3));
        }
        return lines;
    }

    /// <summary>PostgreSQL's plan with the actual rows, times and buffer hits of each node, parameters as EF Core sent them.</summary>
    private static async Task<List<string>> ExplainAsync(NpgsqlConnection connection, RecordedCommand recorded)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + recorded.Sql;
        foreach (var parameter in recorded.Clones)
        {
            command.Parameters.Add(parameter);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <param name="Clones">Copies of the parameters with their types, where the provider can copy them (Npgsql: arrays keep their element type).</param>
    private sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, IReadOnlyList<NpgsqlParameter> Clones, TimeSpan Duration, int Reads);

    /// <summary>
    /// Times each command from the moment it is sent until its reader is disposed, so the time includes
    /// executing it (SQLite computes a GROUP BY before the first row) and reading every row.
    /// </summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly Dictionary<DbCommand, long> _started = [];

        public List<RecordedCommand> Commands { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _started[command] = Stopwatch.GetTimestamp();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _started[command] = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            var elapsed = _started.Remove(command, out var started) ? Stopwatch.GetElapsedTime(started) : eventData.Duration;
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            var clones = command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone()).ToList();
            Commands.Add(new RecordedCommand(command.CommandText, parameters, clones, elapsed, eventData.ReadCount));
            return result;
        }
    }
}
