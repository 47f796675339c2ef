using System.Globalization;

namespace SurveyApp.Benchmarks;

public sealed record BenchmarkArguments(int Responses, int Runs, bool Explain, bool Keep)
{
    public const int DefaultResponses = 100_000;
    public const int DefaultRuns = 15;
    public const int DefaultDurationSeconds = 20;
    public static readonly IReadOnlyList<int> DefaultClients = [10, 100, 500];

    /// <summary>Load benchmark: concurrent simulated respondents, one level after another.</summary>
    public IReadOnlyList<int> Clients { get; init; } = DefaultClients;

    /// <summary>Load benchmark: how long each level runs; null when <see cref="SurveysPerClient"/> is given.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>Load benchmark: a fixed number of surveys per respondent instead of a duration.</summary>
    public int? SurveysPerClient { get; init; }

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
                "--clients" => parsed with { Clients = PositiveList(args, ++i) },
                "--duration-seconds" => parsed with { DurationSeconds = Positive(args, ++i), SurveysPerClient = null },
                "--surveys-per-client" => parsed with { SurveysPerClient = Positive(args, ++i), DurationSeconds = null },
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

    /// <summary>The load benchmark's options as typed on the command line, for the line that reproduces a run.</summary>
    public string ToLoadCommandLine()
    {
        var line = $"--clients {string.Join(',', Clients)}";
        line += SurveysPerClient is { } surveys ? $" --surveys-per-client {surveys}" : $" --duration-seconds {DurationSeconds ?? DefaultDurationSeconds}";
        if (Keep) line += " --keep";
        return line;
    }

    private static int Positive(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");

    private static IReadOnlyList<int> PositiveList(string[] args, int i)
    {
        var values = i < args.Length ? args[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var numbers = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0).ToList();
        return numbers.Count > 0 && numbers.All(n => n > 0)
            ? numbers
            : throw new ArgumentException($"{args[i - 1]} needs positive whole numbers separated by commas, such as 10,100,500.");
    }
}
