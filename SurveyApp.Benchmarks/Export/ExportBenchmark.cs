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

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        Console.WriteLine($"Export benchmark: {Count(arguments.Responses)} submitted responses, seed {DemoWaveGenerator.Seed}");
        await using var database = await BenchmarkDatabase.CreateAsync(arguments.Keep);
        var wave = await new DemoWaveGenerator(database).GenerateAsync(arguments.Responses);
        Console.WriteLine($"Generated wave {wave.WaveId}: {Count(wave.Responses)} responses, {Count(wave.Answers)} answers " +
            $"(inserted in {wave.InsertTime.TotalSeconds:F1} s)");
        var sqlite = await CheckpointAsync(database);

        Console.WriteLine();
        Console.WriteLine($"Each run is its own process; {Runs} runs per case, interleaved (app, app-svar, epplus, floor, read, app, ...).");
        Console.WriteLine($"  {"case",-8} {"run",3} {"time",11} {"peak",10} {"file",10} {"rows",8}");
        var results = ExportCase.Cases.ToDictionary(c => c, _ => new List<ExportCaseResult>());
        for (var run = 1; run <= Runs; run++)
        {
            foreach (var name in ExportCase.Cases)
            {
                var output = Path.Combine(database.Folder, $"{name}-{run}.xlsx");
                var result = await RunChildAsync(name, database.Folder, wave, output);
                if (result.Rows != wave.Responses)
                {
                    throw new InvalidOperationException($"{name} wrote {result.Rows} rows, expected {wave.Responses}.");
                }
                results[name].Add(result);
                Console.WriteLine($"  {name,-8} {run,3} {Ms(result.Milliseconds),11} {Mb(result.PeakKilobytes),10} {Mb(result.Bytes / 1024),10} {Count(result.Rows),8}");
                if (!arguments.Keep && run < Runs) File.Delete(output);
            }
        }

        var app = Summary.Of(results["app"]);
        var appSvar = Summary.Of(results["app-svar"]);
        var epplus = Summary.Of(results["epplus"]);
        var floor = Summary.Of(results["floor"]);
        var read = Summary.Of(results["read"]);
        Console.WriteLine();
        Console.WriteLine($"Medians of {Runs} runs");
        Console.WriteLine($"  {"",-44} {"time",11} {"peak memory",12} {"file",10}");
        foreach (var (label, s) in new[]
        {
            ("app: ResponseExport.WriteWorkbookAsync", app),
            ("app's writer, Svar sheet only", appSvar),
            ("EPPlus 4.5.3.3: Svar sheet", epplus),
            ("floor: ZipArchive + XmlWriter, Svar sheet", floor),
            ("read only: the references' read, no file", read),
        })
        {
            Console.WriteLine($"  {label,-44} {Ms(s.Milliseconds),11} {Mb(s.PeakKilobytes),12} {Mb(s.Bytes / 1024),10}");
        }
        var speedUp = epplus.Milliseconds / app.Milliseconds;
        Console.WriteLine($"  ratio of medians, app / EPPlus time: {app.Milliseconds / epplus.Milliseconds:F2} (EPPlus / app: {speedUp:F2})");
        Console.WriteLine($"  ratio of medians, app / floor time:  {app.Milliseconds / floor.Milliseconds:F2}");
        Console.WriteLine($"  same content (Svar sheet only): app's writer / EPPlus time {appSvar.Milliseconds / epplus.Milliseconds:F2} " +
            $"(EPPlus / app's writer: {epplus.Milliseconds / appSvar.Milliseconds:F2}), app's writer / floor time {appSvar.Milliseconds / floor.Milliseconds:F2}");
        Console.WriteLine("  The app's workbook holds more than the references: Sammanfattning, Svar, Svar (etiketter), Fritext and Kodbok;");
        Console.WriteLine("  the references write the Svar sheet only. \"read only\" is the process, EF Core and the read without a workbook.");

        var appPeak = app.PeakKilobytes / 1024.0;
        Console.WriteLine();
        Console.WriteLine("Targets");
        Console.WriteLine($"  app at least {TargetSpeedUp} times faster than EPPlus: {(speedUp >= TargetSpeedUp ? "met" : "NOT met")} ({speedUp:F2} times)");
        Console.WriteLine($"  app peak memory under {TargetPeakMegabytes} MB:          {(appPeak < TargetPeakMegabytes ? "met" : "NOT met")} ({appPeak:F0} MB)");
        Console.WriteLine($"  (Svar sheet only, app's writer: {epplus.Milliseconds / appSvar.Milliseconds:F2} times faster than EPPlus, {appSvar.PeakKilobytes / 1024.0:F0} MB peak)");

        Console.WriteLine();
        Console.WriteLine("Machine");
        foreach (var line in MachineInfo.Describe(sqlite))
        {
            Console.WriteLine("  " + line);
        }
        Console.WriteLine($"  Memory:  {MachineInfo.MemoryGiB()}");
        Console.WriteLine($"  Load:    {MachineInfo.LoadAverage()} (1, 5, 15 min, at the end)");
        Console.WriteLine();
        Console.WriteLine("Reproduce with:");
        Console.WriteLine($"  dotnet run -c Release --project SurveyApp.Benchmarks -- export {arguments.ToCommandLine()}");
        if (arguments.Keep)
        {
            Console.WriteLine();
            Console.WriteLine($"Database and workbooks kept in {database.Folder}");
        }
        return 0;
    }

    private sealed record Summary(double Milliseconds, long PeakKilobytes, long Bytes)
    {
        public static Summary Of(IReadOnlyList<ExportCaseResult> runs) => new(
            Median(runs.Select(r => r.Milliseconds)),
            (long)Median(runs.Select(r => (double)r.PeakKilobytes)),
            (long)Median(runs.Select(r => (double)r.Bytes)));
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
            "--wave", wave.WaveId.ToString(CultureInfo.InvariantCulture), "--out", output,
        })
        {
            start.ArgumentList.Add(argument);
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
