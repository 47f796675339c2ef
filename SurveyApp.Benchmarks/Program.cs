using SurveyApp.Benchmarks;
using SurveyApp.Benchmarks.Analysis;

// One benchmark per first argument, so that "export" and "load" can join later.
Func<BenchmarkArguments, Task<int>>? benchmark = args.FirstOrDefault() switch
{
    "analysis" => AnalysisBenchmark.RunAsync,
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

        Options:
          --responses N   submitted responses to generate (default 100000)
          --runs N        measured runs after 2 warm-ups (default 15)
          --explain       also print each query EF Core sends, its time and its SQLite query plan
          --keep          keep the generated database and print its path
        """);
    return 2;
}
