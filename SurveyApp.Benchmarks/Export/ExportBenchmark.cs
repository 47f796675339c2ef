using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SurveyApp.Benchmarks.Export;

/// <summary>
/// How fast and in how much memory the app writes a wave's workbook (ResponseExport.WriteWorkbookAsync),
/// next to two references writing the same "Svar" sheet from the same database read: EPPlus 4.5.3.3 and
/// the floor (a bare ZipArchive + XmlWriter). Every run of every case is its own child process
/// (<see cref="ExportCase"/>), so each peak memory figure belongs to one export.
/// </summary>
public static class ExportBenchmark
{
    /// <summary>Runs per case; the median is reported.</summary>
    public const int Runs = 3;

    /// <summary>The issue's targets: app at least this many times faster than EPPlus, and its peak under this.</summary>
    public const double TargetSpeedUp = 2.5;
    public const double TargetPeakMegabytes = 100;

    /// <summary>The printable-workbook issue's memory target: the whole export at most this far above the process's memory before it.</summary>
    public const double TargetAddedMegabytes = 30;

    /// <summary>Responses in the small second wave each child exports first, to warm up.</summary>
    public const int WarmUpResponses = 1_000;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        if (arguments.Provider != SurveyApp.Storage.StorageProvider.Sqlite)
        {
            Console.Error.WriteLine("The export benchmark runs on SQLite only (its child processes open the database file).");
            return 2;
        }
        Console.WriteLine($"Export benchmark: {Count(arguments.Responses)} submitted responses, seed {DemoWaveGenerator.Seed}");
        await using var database = await BenchmarkDatabase.CreateAsync(arguments.Keep);
        var wave = await new DemoWaveGenerator(database).GenerateAsync(arguments.Responses, WarmUpResponses);
        Console.WriteLine($"Generated wave {wave.WaveId}: {Count(wave.Responses)} responses, {Count(wave.Answers)} answers " +
            $"(inserted in {wave.InsertTime.TotalSeconds:F1} s), and wave {wave.WarmUpWaveId} of {Count(WarmUpResponses)} responses to warm up on");
        var sqlite = await CheckpointAsync(database);

        Console.WriteLine();
        Console.WriteLine($"Each run is its own process; {Runs} runs per case, interleaved ({string.Join(", ", ExportCase.Cases)}, {ExportCase.Cases[0]}, ...).");
        Console.WriteLine($"Each process first exports the {Count(WarmUpResponses)}-response wave (\"first\": JIT and query compilation), again after pauses until the runtime");
        Console.WriteLine($"compiles next to nothing more (\"warm-up\": exports of it, at most {ExportCase.MostWarmUpRounds}), then the big one (\"time\").");
        Console.WriteLine("\"cpu\" is the processor time of all the process's threads during the big export: on two cores up to twice \"time\".");
        Console.WriteLine($"  {"case",-10} {"run",3} {"time",11} {"cpu",11} {"peak",10} {"file",10} {"rows",8} {"first",10} {"warm-up",8}");
        var results = ExportCase.Cases.ToDictionary(c => c, _ => new List<ExportCaseResult>());
        for (var run = 1; run <= Runs; run++)
        {
            foreach (var name in ExportCase.Cases)
            {
                var output = Path.Combine(database.Folder, $"{name}-{run}.xlsx");
                var result = await RunChildAsync(name, database.Folder, wave, output);
                if (result.Rows != wave.Responses || result.FirstRows != WarmUpResponses)
                {
                    throw new InvalidOperationException($"{name} wrote {result.Rows} rows, expected {wave.Responses}.");
                }
                results[name].Add(result);
                Console.WriteLine($"  {name,-10} {run,3} {Ms(result.Milliseconds),11} {Ms(result.CpuMilliseconds),11} {Mb(result.PeakKilobytes),10} {Mb(result.Bytes / 1024),10} {Count(result.Rows),8} {Ms(result.FirstMilliseconds),10} {result.WarmUpRounds,8}");
                if (!arguments.Keep && run < Runs) File.Delete(output);
            }
        }

        var app = Summary.Of(results["app"]);
        var capped = Summary.Of(results["app-capped"]);
        var appSvar = Summary.Of(results["app-svar"]);
        var epplus = Summary.Of(results["epplus"]);
        var floor = Summary.Of(results["floor"]);
        var read = Summary.Of(results["read"]);
        Console.WriteLine();
        Console.WriteLine($"Medians of {Runs} runs (peak: the whole process's during the big export; before: its resident memory just before it)");
        Console.WriteLine($"  {"",-46} {"time",11} {"cpu",11} {"peak",10} {"before",14} {"file",10} {"first",10}");
        foreach (var (label, s) in new[]
        {
            ("app: ResponseExport.WriteWorkbookAsync", app),
            ($"app, managed heap capped at {ExportCase.CappedHeapBytes / 1024 / 1024} MB", capped),
            ("app's writer, Svar sheet only", appSvar),
            ("EPPlus 4.5.3.3: Svar sheet", epplus),
            ("floor: ZipArchive + XmlWriter, Svar sheet", floor),
            ("read only: the references' read, no file", read),
        })
        {
            Console.WriteLine($"  {label,-46} {Ms(s.Milliseconds),11} {Ms(s.CpuMilliseconds),11} {Mb(s.PeakKilobytes),10} {Mb(s.BeforeKilobytes),14} {Mb(s.Bytes / 1024),10} {Ms(s.FirstMilliseconds),10}");
        }
        var speedUp = epplus.Milliseconds / app.Milliseconds;
        Console.WriteLine($"  ratio of medians, app / EPPlus time: {app.Milliseconds / epplus.Milliseconds:F2} (EPPlus / app: {speedUp:F2})");
        Console.WriteLine($"  ratio of medians, app / floor time:  {app.Milliseconds / floor.Milliseconds:F2}");
        Console.WriteLine("  The app's workbook holds more than the references: Sammanfattning, a sheet per question, Svar, Svar (etiketter),");
        Console.WriteLine("  Fritext and Kodbok; the references write the Svar sheet only. \"read only\" is the references' read without a workbook.");

        // The references and the app's Svar-only case share the read; what each adds to it is its writing.
        double Writing(Summary s) => s.Milliseconds - read.Milliseconds;
        long Added(Summary s) => s.PeakKilobytes - read.PeakKilobytes;
        var writerSpeedUp = Writing(epplus) / Writing(appSvar);
        Console.WriteLine();
        Console.WriteLine("Writing the Svar sheet, beyond the shared read (median minus the read-only median)");
        Console.WriteLine($"  app's writer {Ms(Writing(appSvar))}, +{Mb(Added(appSvar))}; EPPlus {Ms(Writing(epplus))}, +{Mb(Added(epplus))}; floor {Ms(Writing(floor))}, +{Mb(Added(floor))}");
        Console.WriteLine($"  EPPlus / app's writer: {writerSpeedUp:F2}; app's writer / floor: {Writing(appSvar) / Writing(floor):F2}");

        var genApp = Summary.Of(results["gen-app"]);
        var genEpplus = Summary.Of(results["gen-epplus"]);
        var genFloor = Summary.Of(results["gen-floor"]);
        var genSpeedUp = genEpplus.Milliseconds / genApp.Milliseconds;
        Console.WriteLine();
        Console.WriteLine("Writing the Svar sheet from rows made up in memory (no database in the process)");
        foreach (var (label, s) in new[] { ("app's writer", genApp), ("EPPlus 4.5.3.3", genEpplus), ("floor", genFloor) })
        {
            Console.WriteLine($"  {label,-16} {Ms(s.Milliseconds),11} {Mb(s.PeakKilobytes),10} {Mb(s.Bytes / 1024),10}");
        }
        Console.WriteLine($"  EPPlus / app's writer: {genSpeedUp:F2}; app's writer / floor: {genApp.Milliseconds / genFloor.Milliseconds:F2}");

        var appPeak = app.PeakKilobytes / 1024.0;
        Console.WriteLine();
        Console.WriteLine("Targets");
        Console.WriteLine($"  whole export at least {TargetSpeedUp} times faster than EPPlus's Svar sheet: {(speedUp >= TargetSpeedUp ? "met" : "NOT met")} ({speedUp:F2} times)");
        Console.WriteLine($"  writing the same sheet at least {TargetSpeedUp} times faster than EPPlus: {(writerSpeedUp >= TargetSpeedUp ? "met" : "NOT met")} ({writerSpeedUp:F2} times)");
        var added = (app.PeakKilobytes - app.BeforeKilobytes) / 1024.0;
        Console.WriteLine($"  whole export at most {TargetAddedMegabytes} MB above the process's memory before it: {(added <= TargetAddedMegabytes ? "met" : "NOT met")} ({added:F1} MB)");
        Console.WriteLine($"  whole export process peak under {TargetPeakMegabytes} MB: {(appPeak < TargetPeakMegabytes ? "met" : "NOT met")} ({appPeak:F0} MB)");
        Console.WriteLine($"  export within a {ExportCase.CappedHeapBytes / 1024 / 1024} MB managed heap: completed in all {Runs} runs, {Ms(capped.Milliseconds)}");
        var genPeak = genApp.PeakKilobytes / 1024.0;
        Console.WriteLine($"  no database: app's writer at least {TargetSpeedUp} times faster than EPPlus: {(genSpeedUp >= TargetSpeedUp ? "met" : "NOT met")} ({genSpeedUp:F2} times)");
        Console.WriteLine($"  no database: app's writer peak under {TargetPeakMegabytes} MB: {(genPeak < TargetPeakMegabytes ? "met" : "NOT met")} ({genPeak:F0} MB)");

        MachineInfo.PrintFooter(
            [.. MachineInfo.Describe(sqlite), $"Memory:  {MachineInfo.MemoryGiB()}", $"Load:    {MachineInfo.LoadAverage()} (1, 5, 15 min, at the end)"],
            $"export {arguments.ToCommandLine()}");
        if (arguments.Keep)
        {
            Console.WriteLine();
            Console.WriteLine($"Database and workbooks kept in {database.Folder}");
        }
        return 0;
    }

    private sealed record Summary(double Milliseconds, long PeakKilobytes, long Bytes, double FirstMilliseconds, long BeforeKilobytes, double CpuMilliseconds)
    {
        public static Summary Of(IReadOnlyList<ExportCaseResult> runs) => new(
            Median(runs.Select(r => r.Milliseconds)),
            (long)Median(runs.Select(r => (double)r.PeakKilobytes)),
            (long)Median(runs.Select(r => (double)r.Bytes)),
            Median(runs.Select(r => r.FirstMilliseconds)),
            (long)Median(runs.Select(r => (double)r.BeforeKilobytes)),
            Median(runs.Select(r => r.CpuMilliseconds)));
    }

    private static async Task<ExportCaseResult> RunChildAsync(string name, string folder, DemoWave wave, string output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as "dotnet SurveyApp.Benchmarks.dll": the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }
        foreach (var argument in new[]
        {
            ExportCase.Command, name, "--folder", folder,
            "--survey", wave.SurveyId.ToString(CultureInfo.InvariantCulture),
            "--wave", wave.WaveId.ToString(CultureInfo.InvariantCulture),
            "--warm-up-wave", (wave.WarmUpWaveId ?? throw new InvalidOperationException("No warm-up wave.")).ToString(CultureInfo.InvariantCulture),
            "--rows", wave.Responses.ToString(CultureInfo.InvariantCulture),
            "--warm-up-rows", WarmUpResponses.ToString(CultureInfo.InvariantCulture),
            "--out", output,
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (name == "app-capped")
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ExportCase.CappedHeapBytes.ToString("X", CultureInfo.InvariantCulture);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = lines.Select(l => ExportCaseResult.Parse(l.TrimEnd('\r'))).LastOrDefault(r => r is not null);
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{ExportCase.Command} {name} failed (exit code {child.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        return result;
    }

    /// <summary>Moves the generated rows from the WAL into the database file, so every child reads the same file.</summary>
    private static async Task<string> CheckpointAsync(BenchmarkDatabase database)
    {
        await using (var connection = await database.OpenAsync())
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
            await using var version = connection.CreateCommand();
            version.CommandText = "SELECT sqlite_version()";
            var result = (string)(await version.ExecuteScalarAsync())!;
            SqliteConnection.ClearAllPools();
            return result;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long kilobytes) => (kilobytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
