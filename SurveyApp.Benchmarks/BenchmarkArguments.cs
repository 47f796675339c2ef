using System.Globalization;

namespace SurveyApp.Benchmarks;

public sealed record BenchmarkArguments(int Responses, int Runs, bool Explain, bool Keep)
{
    public const int DefaultResponses = 100_000;
    public const int DefaultRuns = 15;

    public static BenchmarkArguments Parse(string[] args)
    {
        var parsed = new BenchmarkArguments(DefaultResponses, DefaultRuns, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--responses" => parsed with { Responses = Positive(args, ++i) },
                "--runs" => parsed with { Runs = Positive(args, ++i) },
                "--explain" => parsed with { Explain = true },
                "--keep" => parsed with { Keep = true },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }
        return parsed;
    }

    /// <summary>The options as typed on the command line, for the line that reproduces a run.</summary>
    public string ToCommandLine()
    {
        var line = $"--responses {Responses}";
        if (Runs != DefaultRuns) line += $" --runs {Runs}";
        if (Explain) line += " --explain";
        if (Keep) line += " --keep";
        return line;
    }

    private static int Positive(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
}
