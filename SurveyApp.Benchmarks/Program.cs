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
    "charts" => ChartBenchmark.RunAsync,
    "export" => ExportBenchmark.RunAsync,
    "load" => LoadBenchmark.RunAsync,
    "reports" => ReportBenchmark.RunAsync,
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
          analysis   a wave's results (WaveResultsQuery.GetAsync), whole and filtered, on SQLite or PostgreSQL,
                     and its charts drawn as downloads (SVG, PNG), as the page shows them (inline SVG), and the
                     page's questions rendered to HTML with their charts, alone and with reading the results
          charts     the same charts of the model wave as the app seeds it (17 responses, 7 charts), on SQLite
                     (--responses and the database options do not apply)
          export     a wave's workbook (ResponseExport.WriteWorkbookAsync) against EPPlus and a bare
                     ZipArchive + XmlWriter writing the Svar sheet: time, peak memory, file size;
                     3 runs per case, each in its own process (--runs and --explain do not apply; SQLite only)
          reports    the model wave's Word report draft, slides and workbook, each from reading the results to
                     the last byte (SQLite; --responses and the database options do not apply)
          load       respondents answering the model survey over HTTP against the built app (Release
                     apphost, fresh temporary database): completed surveys/s, p50/p95/p99 latency of
                     every request, errors, submitted responses in the database, CPU per survey of each
                     process; on SQLite then the insert ceiling (raw prepared statements and EF Core)

        Options:
          --responses N   submitted responses to generate (default 100000)
          --runs N        measured runs after 2 warm-ups (default 15)
          --explain       also print each query EF Core sends, its time and its plan (SQLite's EXPLAIN
                          QUERY PLAN; PostgreSQL's EXPLAIN (ANALYZE, BUFFERS))
          --keep          keep the generated database (and, for export, the workbooks) and print where

        Database options (analysis and load):
          --provider sqlite|postgresql   the engine (default sqlite: a file in a temporary folder)
          --connection "Host=...;Port=...;Username=..."
                          with postgresql: the server, without a database; the benchmark creates a fresh
                          database with a unique name there and drops it at the end (unless --keep)

        Load options:
          --clients 10,100,500       concurrent respondents, one level after another (default 10,100,500)
          --duration-seconds N       how long each level runs (default 20)
          --surveys-per-client N     instead of a duration: surveys each respondent answers
          --instances N              app processes on the one database (default 1); from 2 on (PostgreSQL
                                     only) behind nginx, configured from docs/deploy/nginx-surveyapp.conf
          --nginx-config FILE        the nginx configuration to start from instead of that file
        """);
    return 2;
}
