using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SurveyApp.Benchmarks.Load;

/// <summary>What one level of concurrent respondents did, as the generator and the database saw it.</summary>
public sealed record LevelResult(
    int Clients,
    int Completed,
    TimeSpan Elapsed,
    double[] SortedLatencies,
    IReadOnlyDictionary<RequestKind, double[]> SortedLatenciesByKind,
    int Errors,
    IReadOnlyList<string> ErrorMessages,
    bool RanOutOfInvitations,
    int SubmittedInDatabase,
    int AnswersInDatabase,
    IReadOnlyList<ProcessCpuUse> Processes,
    TimeSpan GeneratorCpu,
    string LoadAverage)
{
    /// <summary>CPU time of the app's processes together (one, or each behind nginx).</summary>
    public TimeSpan ServerCpu => Processes.Where(p => p.IsApp).Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.Cpu ?? TimeSpan.Zero));

    /// <summary>
    /// Completed surveys per second of the whole level, the finishing of surveys under way included: a survey
    /// can take longer than a timed level when many respondents share the server, so counting only those
    /// finished within the time would report nothing for long surveys.
    /// </summary>
    public double SurveysPerSecond => Completed / Elapsed.TotalSeconds;

    public bool DatabaseMatches => SubmittedInDatabase == Completed;

    public double P(double percent) => Percentile(SortedLatencies, percent);

    /// <summary>Average cores busy over the level, server and generator.</summary>
    public double ServerCores => ServerCpu.TotalSeconds / Elapsed.TotalSeconds;

    public double GeneratorCores => GeneratorCpu.TotalSeconds / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A process (or a process tree) whose CPU time is read before and after each level; null where it cannot be read.</summary>
public sealed record CpuSource(string Name, bool IsApp, Func<TimeSpan?> Read);

/// <summary>What one <see cref="CpuSource"/> used over a level.</summary>
public sealed record ProcessCpuUse(string Name, bool IsApp, TimeSpan? Cpu);

/// <summary>
/// Runs one level: the given number of respondents at once, each answering survey after survey from the
/// shared queue of invitation tokens until the time is up (surveys under way are finished) or each has
/// answered its fixed number. Counts submitted responses in the database before and after.
/// </summary>
public sealed class LoadLevel(Uri baseAddress, IReadOnlyList<CpuSource> processes, IBenchmarkDatabase database, SurveyApp.Domain.Survey survey)
{
    public async Task<LevelResult> RunAsync(int clients, ConcurrentQueue<string> tokens, TimeSpan? duration, int? surveysPerClient, int seed)
    {
        var (submittedBefore, answersBefore) = await CountSubmittedAsync();
        var respondents = Enumerable.Range(0, clients).Select(i => new LoadClient(baseAddress, survey, seed * 100_000 + i)).ToList();
        try
        {
            var cpuBefore = processes.Select(p => p.Read()).ToList();
            var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(respondents.Select(r => Task.Run(() => r.RunAsync(tokens, clock, duration, surveysPerClient))));
            var elapsed = clock.Elapsed;
            var cpu = processes.Select((p, i) => new ProcessCpuUse(p.Name, p.IsApp, p.Read() - cpuBefore[i])).ToList();
            generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - generatorCpu;
            var (submittedAfter, answersAfter) = await CountSubmittedAsync();

            var samples = respondents.SelectMany(r => r.Samples).ToList();
            return new LevelResult(
                clients,
                respondents.Sum(r => r.Completed),
                elapsed,
                samples.Select(s => s.Milliseconds).Order().ToArray(),
                samples.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Select(s => s.Milliseconds).Order().ToArray()),
                respondents.Sum(r => r.Errors),
                respondents.SelectMany(r => r.ErrorMessages).Take(5).ToList(),
                respondents.Any(r => r.RanOutOfInvitations),
                submittedAfter - submittedBefore,
                answersAfter - answersBefore,
                cpu,
                generatorCpu,
                MachineInfo.LoadAverage());
        }
        finally
        {
            respondents.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Submitted responses and their answers, read from the app's database beside the running app.</summary>
    public async Task<(int Responses, int Answers)> CountSubmittedAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM \"Responses\" WHERE \"SubmittedAt\" IS NOT NULL), " +
            "(SELECT COUNT(*) FROM \"Answers\" a JOIN \"Responses\" r ON r.\"Id\" = a.\"ResponseId\" WHERE r.\"SubmittedAt\" IS NOT NULL)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        // SQLite's COUNT is a 64-bit integer, PostgreSQL's a bigint: either fits an int here.
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
