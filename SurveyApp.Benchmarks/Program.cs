using SurveyApp.Benchmarks;
using SurveyApp.Benchmarks.Analysis;
using SurveyApp.Benchmarks.Export;

// One benchmark per first argument, so that "load" can join later.
// Hidden: "export-case", one export in a child process of the export benchmark.
if (args.FirstOrDefault() == ExportCase.Command)
{
    return await ExportCase.RunAsync(args[1..]);
}
Func<BenchmarkArguments, Task<int>>? benchmark = args.FirstOrDefault() switch
{
    "analysis" => AnalysisBenchmark.RunAsync,
    "export" => ExportBenchmark.RunAsync,
    _ => null,
};
if (benchmark is null)
{
    return Usage();
}
BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}
return await benchmark(arguments);

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project SurveyApp.Benchmarks -- <benchmark> [options]

        Benchmarks:
          analysis   a wave's results (ResultsService.GetAsync), whole and filtered
          export     a wave's workbook (ResponseExport.WriteWorkbookAsync) against EPPlus and a bare
                     ZipArchive + XmlWriter writing the Svar sheet: time, peak memory, file size;
                     3 runs per case, each in its own process (--runs and --explain do not apply)

        Options:
          --responses N   submitted responses to generate (default 100000)
          --runs N        measured runs after 2 warm-ups (default 15)
          --explain       also print each query EF Core sends, its time and its SQLite query plan
          --keep          keep the generated database (and, for export, the workbooks) and print the path
        """);
    return 2;
}
