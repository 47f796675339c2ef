using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SurveyApp.Analysis;
using SurveyApp.Benchmarks.Analysis;
using SurveyApp.Export;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Export;

/// <summary>
/// The model wave's downloads for report authors, each from reading the results to the last byte, in Swedish as the
/// app's default: the Word report draft, the slides, and the workbook beside them.
/// </summary>
public static class ReportBenchmark
{
    /// <summary>The "reports" command: the model wave as the app seeds it (17 responses), on SQLite.</summary>
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(arguments.Keep);
        var factory = database.CreateFactory();
        var waveId = await ModelWave.SeedAsync(factory);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var suppression = new ViewSuppression(factory, Options.Create(new AnalysisOptions()));
        var results = new WaveResultsQuery(factory, new SurveyCatalog(factory, cache), suppression);
        var export = new ResponseExport(factory, results, suppression, TimeProvider.System);
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            Console.WriteLine($"Report benchmark: the model wave '{ModelWave.Name}'");
            Console.WriteLine($"Timing: {Measurement.WarmUps} warm-up runs, then {arguments.Runs} measured runs each, reading the results included");
            var sizes = new Dictionary<string, long>();
            Func<Task> Writing(string name, Func<Stream, Task<ExportResult?>> write) => async () =>
            {
                using var output = new MemoryStream();
                await write(output);
                sizes[name] = output.Length;
            };
            var measurements = new List<Measurement>
            {
                await Measurement.RunAsync("Word report (.docx)", arguments.Runs, Writing("Word report (.docx)", s => export.WriteReportAsync(waveId, ResultsFilter.None, s))),
                await Measurement.RunAsync("slides (.pptx)", arguments.Runs, Writing("slides (.pptx)", s => export.WritePresentationAsync(waveId, ResultsFilter.None, s))),
                await Measurement.RunAsync("workbook (.xlsx)", arguments.Runs, Writing("workbook (.xlsx)", s => export.WriteWorkbookAsync(waveId, ResultsFilter.None, s))),
            };
            Console.WriteLine($"  {"",-24} {"median",9} {"min",9} {"max",9} {"size",9}");
            foreach (var m in measurements)
            {
                Console.WriteLine($"  {m.Name,-24} {Ms(m.Median),9} {Ms(m.Min),9} {Ms(m.Max),9} {sizes[m.Name] / 1024,6:N0} KiB");
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }
        var (engine, version) = await database.EngineVersionAsync();
        MachineInfo.PrintFooter(MachineInfo.Describe(engine, version), $"reports --runs {arguments.Runs}");
        return 0;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
