using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SurveyApp.Analysis;
using SurveyApp.Export;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Export;

/// <summary>What one child process measured.</summary>
public sealed record ExportCaseResult(string Case, double Milliseconds, int Rows, long Bytes, long PeakKilobytes,
    double FirstMilliseconds, int FirstRows, long BeforeKilobytes, double CpuMilliseconds, int WarmUpRounds)
{
    /// <summary>The child's last line starts with this; the rest is <c>key=value</c> pairs.</summary>
    public const string Prefix = "EXPORT-CASE-RESULT";

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix} case={Case} ms={Milliseconds:F1} rows={Rows} bytes={Bytes} vmhwm_kb={PeakKilobytes} first_ms={FirstMilliseconds:F1} first_rows={FirstRows} before_rss_kb={BeforeKilobytes} cpu_ms={CpuMilliseconds:F1} warm_up_rounds={WarmUpRounds}");

    public static ExportCaseResult? Parse(string line)
    {
        if (!line.StartsWith(Prefix + " ", StringComparison.Ordinal)) return null;
        var values = line[(Prefix.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new ExportCaseResult(
            values["case"],
            double.Parse(values["ms"], CultureInfo.InvariantCulture),
            int.Parse(values["rows"], CultureInfo.InvariantCulture),
            long.Parse(values["bytes"], CultureInfo.InvariantCulture),
            long.Parse(values["vmhwm_kb"], CultureInfo.InvariantCulture),
            double.Parse(values["first_ms"], CultureInfo.InvariantCulture),
            int.Parse(values["first_rows"], CultureInfo.InvariantCulture),
            long.Parse(values["before_rss_kb"], CultureInfo.InvariantCulture),
            double.Parse(values["cpu_ms"], CultureInfo.InvariantCulture),
            int.Parse(values["warm_up_rounds"], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The hidden sub-command <c>export-case CASE --folder F --survey S --wave W --warm-up-wave V --rows N --warm-up-rows M --out FILE</c>:
/// one export in a fresh process, so that the process's peak resident memory (VmHWM) belongs to that
/// export alone. The process first exports the small wave V (timed apart, as the first export after a
/// start: JIT and EF Core query compilation), then the wave W, timed from before the services are built
/// until the file is closed: the figure of a running server.
/// </summary>
public static class ExportCase
{
    public const string Command = "export-case";
    /// <summary>"read" is no export: the references' database read alone, for the cost of the process and the read.</summary>
    /// <summary>"app-svar" is the app's writer with the Svar sheet only, from the references' read.</summary>
    /// <summary>"app-capped" is the app's export in a process whose managed heap may not exceed <see cref="CappedHeapBytes"/>.</summary>
    /// <summary>"gen-…" write the Svar sheet from rows made up in memory (<see cref="GeneratedSvarRows"/>): no database in the process.</summary>
    public static readonly IReadOnlyList<string> Cases = ["app", "app-capped", "app-svar", "epplus", "floor", "read", "gen-app", "gen-epplus", "gen-floor"];

    /// <summary>Most exports of the small wave before the big one (the first is timed as "first").</summary>
    public const int MostWarmUpRounds = 12;

    /// <summary>A warm-up round that compiles no more methods than this ends the warm-up.</summary>
    public const int QuietRound = 50;

    /// <summary>The wait before each further round and before the big export, for the runtime's recompilation.</summary>
    public static readonly TimeSpan WarmUpPause = TimeSpan.FromMilliseconds(500);

    /// <summary>The managed heap limit of "app-capped" (DOTNET_GCHeapHardLimit): the export must fit in it.</summary>
    public const long CappedHeapBytes = 32L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        string? name = args.FirstOrDefault(), folder = null, output = null;
        int surveyId = 0, waveId = 0, warmUpWaveId = 0, rowCount = 0, warmUpRowCount = 0;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--folder": folder = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                case "--survey": surveyId = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--wave": waveId = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warm-up-wave": warmUpWaveId = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rows": rowCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warm-up-rows": warmUpRowCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        if (name is null || !Cases.Contains(name) || folder is null || output is null || surveyId <= 0 || waveId <= 0 || warmUpWaveId <= 0)
        {
            Console.Error.WriteLine($"Usage: {Command} {string.Join('|', Cases)} --folder F --survey S --wave W --warm-up-wave V --rows N --warm-up-rows M --out FILE");
            return 2;
        }

        await using var database = BenchmarkDatabase.Open(folder);
        var warmUpOutput = output + ".warm-up";
        var (firstMilliseconds, firstRows) = await TimeAsync(name, database, surveyId, warmUpWaveId, warmUpRowCount, warmUpOutput);
        // A server that has run exports before runs code the runtime has optimized. Its tiered compilation
        // recompiles often-called methods on a background thread, and only once no new method has been compiled
        // for a moment; right after one small export most of the export's code (and EF Core's) is still
        // unoptimized. So the small export is repeated, after pauses, until a round compiles next to nothing.
        var warmUpRounds = 1;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (warmUpRounds < MostWarmUpRounds)
        {
            await Task.Delay(WarmUpPause);
            await TimeAsync(name, database, surveyId, warmUpWaveId, warmUpRowCount, warmUpOutput);
            warmUpRounds++;
            var previous = compiled;
            compiled = JitInfo.GetCompiledMethodCount();
            if (compiled - previous <= QuietRound) break;
        }
        await Task.Delay(WarmUpPause);
        File.Delete(warmUpOutput);
        // The memory the export adds: the process's resident set just before it, and its peak during it (the
        // kernel's high-water mark is reset first, so the warm-up's peaks do not count).
        var before = StatusKilobytes("VmRSS:");
        ResetPeak();
        // Processor time of every thread of the process (the read, the writing, the garbage collector) during the big export.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (milliseconds, rows) = await TimeAsync(name, database, surveyId, waveId, rowCount, output);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine(new ExportCaseResult(name, milliseconds, rows, new FileInfo(output).Length, StatusKilobytes("VmHWM:"), firstMilliseconds, firstRows, before, cpu, warmUpRounds).ToLine());
        return 0;
    }

    private static async Task<(double Milliseconds, int Rows)> TimeAsync(string name, BenchmarkDatabase database, int surveyId, int waveId, int rowCount, string output)
    {
        var clock = Stopwatch.StartNew();
        int rows;
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 65536))
        {
            rows = name switch
            {
                "app" or "app-capped" => await AppAsync(database.CreateFactory(), waveId, file),
                "app-svar" => await AppSvarWriter.WriteAsync(await SvarRowsAsync(database.CreateFactory(), surveyId, waveId), file),
                "epplus" => await EpplusSvarWriter.WriteAsync(await SvarRowsAsync(database.CreateFactory(), surveyId, waveId), file),
                "floor" => await FloorSvarWriter.WriteAsync(await SvarRowsAsync(database.CreateFactory(), surveyId, waveId), file),
                "gen-app" => await AppSvarWriter.WriteAsync(await GeneratedSvarRows.ForModelSurveyAsync(rowCount), file),
                "gen-epplus" => await EpplusSvarWriter.WriteAsync(await GeneratedSvarRows.ForModelSurveyAsync(rowCount), file),
                "gen-floor" => await FloorSvarWriter.WriteAsync(await GeneratedSvarRows.ForModelSurveyAsync(rowCount), file),
                _ => await ReadOnlyAsync(await SvarRowsAsync(database.CreateFactory(), surveyId, waveId)),
            };
        }
        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, rows);
    }

    /// <summary>The app's export as its download endpoint runs it, services built as the app builds them.</summary>
    private static async Task<int> AppAsync(IDbContextFactory<SurveyDbContext> factory, int waveId, Stream file)
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var suppression = new ViewSuppression(factory, Options.Create(new AnalysisOptions()));
        var results = new WaveResultsQuery(factory, new SurveyCatalog(factory, cache), suppression);
        var export = new ResponseExport(factory, results, suppression, TimeProvider.System);
        var result = await export.WriteWorkbookAsync(waveId, ResultsFilter.None, file)
            ?? throw new InvalidOperationException($"Wave {waveId} not found.");
        if (result.Suppressed) throw new InvalidOperationException("The export was suppressed.");
        return result.Responses;
    }

    private static async Task<int> ReadOnlyAsync(SvarRows rows)
    {
        var count = 0;
        await foreach (var _ in rows.ReadAsync())
        {
            count++;
        }
        return count;
    }

    private static async Task<SvarRows> SvarRowsAsync(IDbContextFactory<SurveyDbContext> factory, int surveyId, int waveId)
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var survey = await new SurveyCatalog(factory, cache).GetAsync(surveyId)
            ?? throw new InvalidOperationException($"Survey {surveyId} not found.");
        return new SvarRows(factory, waveId, ResponseColumns.For(survey));
    }

    /// <summary>A figure of /proc/self/status in kB (VmHWM: the peak resident set; VmRSS: the current one); -1 where there is none.</summary>
    private static long StatusKilobytes(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return -1;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the peak resident set (VmHWM) back to the current one (Linux: "5" written to clear_refs).</summary>
    private static void ResetPeak()
    {
        const string clearRefs = "/proc/self/clear_refs";
        if (File.Exists(clearRefs)) File.WriteAllText(clearRefs, "5");
    }
}
