using SurveyApp.Benchmarks;
using SurveyApp.Benchmarks.Analysis;
using SurveyApp.Benchmarks.Export;
using SurveyApp.Benchmarks.Load;

// One benchmark per first argument.
// Hidden: "export-case", one export in a child process of the export benchmark.
if (args.FirstOrDefault() == ExportCase.Command)
{
    return await ExportCase.RunAsync(args[1..]);
}
Func<BenchmarkArguments, Task<int>>? benchmark = args.FirstOrDefault() switch
{
    "analysis" => AnalysisBenchmark.RunAsync,
    "export" => ExportBenchmark.RunAsync,
    "load" => LoadBenchmark.RunAsync,
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
          load       respondents answering the model survey over HTTP against the built app (Release
                     apphost, fresh temporary database): completed surveys/s, p50/p95/p99 latency of
                     every request, errors, submitted responses in the database; then the SQLite insert
                     ceiling (raw prepared statements and EF Core)

        Options:
          --responses N   submitted responses to generate (default 100000)
          --runs N        measured runs after 2 warm-ups (default 15)
          --explain       also print each query EF Core sends, its time and its SQLite query plan
          --keep          keep the generated database (and, for export, the workbooks) and print the path

        Load options:
          --clients 10,100,500       concurrent respondents, one level after another (default 10,100,500)
          --duration-seconds N       how long each level runs (default 20)
          --surveys-per-client N     instead of a duration: surveys each respondent answers
        """);
    return 2;
}
