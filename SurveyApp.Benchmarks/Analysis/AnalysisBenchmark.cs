using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SurveyApp.Analysis;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Analysis;

/// <summary>
/// How long the data of a wave's results page takes at scale: WaveResultsQuery.GetAsync for the whole
/// wave and for a participant-type filter, next to the bare GROUP BY in SQL as the floor.
/// </summary>
public static class AnalysisBenchmark
{
    public static readonly ResultsFilter Kommun = new(["kommun"], null);

    /// <summary>The distribution query without EF Core or anything around it.</summary>
    public const string FloorSql = "SELECT QuestionId, ItemId, Code, COUNT(*) FROM Answers WHERE WaveId = $w GROUP BY QuestionId, ItemId, Code";

    /// <summary>The same in PostgreSQL, whose identifiers are folded to lower case unless quoted.</summary>
    public const string PostgreSqlFloorSql = "SELECT \"QuestionId\", \"ItemId\", \"Code\", COUNT(*) FROM \"Answers\" WHERE \"WaveId\" = @w GROUP BY \"QuestionId\", \"ItemId\", \"Code\"";

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        Console.WriteLine($"Analysis benchmark: {arguments.Responses:N0} submitted responses, seed {DemoWaveGenerator.Seed}, {arguments.Provider}");
        await using var database = arguments.Provider == StorageProvider.PostgreSql
            ? (IBenchmarkDatabase)await PostgreSqlBenchmarkDatabase.CreateAsync(arguments.Connection!, arguments.Keep)
            : await BenchmarkDatabase.CreateAsync(arguments.Keep);
        Console.WriteLine($"Database: {database.Description}");

        var wave = await new DemoWaveGenerator(database).GenerateAsync(arguments.Responses);
        PrintGenerated(wave);
        if (database is PostgreSqlBenchmarkDatabase)
        {
            var analyze = Stopwatch.StartNew();
            await database.AnalyzeAsync();
            Console.WriteLine($"  VACUUM ANALYZE in {analyze.Elapsed.TotalSeconds:F1} s");
        }

        var factory = database.CreateFactory();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var results = new WaveResultsQuery(factory, new SurveyCatalog(factory, cache), new ViewSuppression(factory, Options.Create(new AnalysisOptions())));
        await CheckAsync(results, wave);

        Console.WriteLine();
        Console.WriteLine($"Timing: {Measurement.WarmUps} warm-up runs, then {arguments.Runs} measured runs each");
        var whole = await Measurement.RunAsync("GetAsync, whole wave", arguments.Runs, () => results.GetAsync(wave.WaveId, ResultsFilter.None));
        var filtered = await Measurement.RunAsync("GetAsync, type = kommun", arguments.Runs, () => results.GetAsync(wave.WaveId, Kommun));
        var floor = await Measurement.RunAsync("plain SQL GROUP BY (floor)", arguments.Runs, () => FloorAsync(database, wave.WaveId));
        PrintTimes(whole, filtered, floor);
        await ChartBenchmark.MeasureAsync(results, wave.WaveId, arguments.Runs, whole);

        var (engine, version) = await database.EngineVersionAsync();
        MachineInfo.PrintFooter(MachineInfo.Describe(engine, version), $"analysis {arguments.ToCommandLine()}");

        if (arguments.Explain)
        {
            await QueryPlanReport.PrintAsync(database, wave.WaveId, [("whole wave", ResultsFilter.None), ("type = kommun", Kommun)]);
        }
        if (arguments.Keep)
        {
            Console.WriteLine();
            Console.WriteLine($"Database kept: {database.Description}");
        }
        return 0;
    }

    private static void PrintGenerated(DemoWave wave)
    {
        Console.WriteLine($"Generated wave {wave.WaveId} of survey {wave.SurveyId}:");
        Console.WriteLine($"  participants  {Count(wave.ParticipantsByType.Values.Sum())} ({Breakdown(wave.ParticipantsByType)})");
        Console.WriteLine($"  invitations   {Count(wave.Responses)} (one per response)");
        Console.WriteLine($"  responses     {Count(wave.Responses)} submitted ({Breakdown(wave.ResponsesByType)})");
        Console.WriteLine($"  answers       {Count(wave.Answers)}");
        Console.WriteLine($"  rows inserted {Count(2 * wave.Responses + wave.Answers)} in {wave.InsertTime.TotalSeconds:F1} s " +
            $"(migration, survey, participants and wave before that: {wave.SetUpTime.TotalSeconds:F1} s)");
    }

    /// <summary>Fails loudly if the service saw something other than what was generated, so no figure is of an empty page.</summary>
    private static async Task CheckAsync(WaveResultsQuery results, DemoWave wave)
    {
        var whole = await results.GetAsync(wave.WaveId, ResultsFilter.None);
        var kommun = await results.GetAsync(wave.WaveId, Kommun);
        var expectedKommun = wave.ResponsesByType.GetValueOrDefault("kommun");
        if (whole is not { Suppressed: false } || whole.InView != wave.Responses || kommun is not { Suppressed: false } || kommun.InView != expectedKommun)
        {
            throw new InvalidOperationException(
                $"Unexpected results: whole wave {whole?.InView} in view (expected {wave.Responses}), kommun {kommun?.InView} (expected {expectedKommun}).");
        }
        var f5 = whole.Questions.Single(q => q.Question.Key == "f5").Main;
        Console.WriteLine($"  check: whole wave {Count(whole.InView)} in view, kommun {Count(kommun.InView)}; " +
            $"f5 answered by {Count(f5.Answered)}, median {f5.Scale?.Median}");
    }

    private static async Task FloorAsync(IBenchmarkDatabase database, int waveId)
    {
        var sqlite = database is BenchmarkDatabase;
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sqlite ? FloorSql : PostgreSqlFloorSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = sqlite ? "$w" : "w";
        parameter.Value = waveId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static void PrintTimes(Measurement whole, Measurement filtered, Measurement floor)
    {
        Console.WriteLine($"  {"",-30} {"median",9} {"min",9} {"max",9}");
        foreach (var m in new[] { whole, filtered, floor })
        {
            Console.WriteLine($"  {m.Name,-30} {Ms(m.Median),9} {Ms(m.Min),9} {Ms(m.Max),9}");
        }
        Console.WriteLine($"  ratio of medians, filtered / whole: {filtered.Median / whole.Median:F2}");
        Console.WriteLine($"  ratio of medians, whole / floor:    {whole.Median / floor.Median:F1}");
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Breakdown(IReadOnlyDictionary<string, int> byType) =>
        string.Join(", ", byType.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {Count(t.Value)}"));
}
