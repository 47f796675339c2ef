using System.Globalization;
using Npgsql;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks;

public sealed record BenchmarkArguments(int Responses, int Runs, bool Explain, bool Keep)
{
    public const int DefaultResponses = 100_000;
    public const int DefaultRuns = 15;
    public const int DefaultDurationSeconds = 20;
    public static readonly IReadOnlyList<int> DefaultClients = [10, 100, 500];

    /// <summary>The database engine the benchmark creates its database in (analysis and load).</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>
    /// With PostgreSQL: the Npgsql connection string of the server, without a database; the benchmark
    /// creates a database of its own there and drops it afterwards.
    /// </summary>
    public string? Connection { get; init; }

    /// <summary>Load benchmark: concurrent simulated respondents, one level after another.</summary>
    public IReadOnlyList<int> Clients { get; init; } = DefaultClients;

    /// <summary>Load benchmark: how long each level runs; null when <see cref="SurveysPerClient"/> is given.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>Load benchmark: a fixed number of surveys per respondent instead of a duration.</summary>
    public int? SurveysPerClient { get; init; }

    /// <summary>Load benchmark: app processes on the one database; from 2 on, behind nginx.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Load benchmark with several instances: the nginx configuration to start from (default docs/deploy/nginx-surveyapp.conf).</summary>
    public string? NginxConfig { get; init; }

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
                "--provider" => parsed with { Provider = ProviderNamed(args, ++i) },
                "--connection" => parsed with { Connection = Text(args, ++i) },
                "--clients" => parsed with { Clients = PositiveList(args, ++i) },
                "--duration-seconds" => parsed with { DurationSeconds = Positive(args, ++i), SurveysPerClient = null },
                "--surveys-per-client" => parsed with { SurveysPerClient = Positive(args, ++i), DurationSeconds = null },
                "--instances" => parsed with { Instances = Positive(args, ++i) },
                "--nginx-config" => parsed with { NginxConfig = Text(args, ++i) },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }
        parsed.Check();
        return parsed;
    }

    /// <summary>The options as typed on the command line, for the line that reproduces a run.</summary>
    public string ToCommandLine()
    {
        var line = $"--responses {Responses}";
        if (Runs != DefaultRuns) line += $" --runs {Runs}";
        line += ProviderOptions();
        if (Explain) line += " --explain";
        if (Keep) line += " --keep";
        return line;
    }

    /// <summary>The load benchmark's options as typed on the command line, for the line that reproduces a run.</summary>
    public string ToLoadCommandLine()
    {
        var line = $"--clients {string.Join(',', Clients)}";
        line += SurveysPerClient is { } surveys ? $" --surveys-per-client {surveys}" : $" --duration-seconds {DurationSeconds ?? DefaultDurationSeconds}";
        line += ProviderOptions();
        if (Instances != 1) line += $" --instances {Instances}";
        if (NginxConfig is not null) line += $" --nginx-config {NginxConfig}";
        if (Keep) line += " --keep";
        return line;
    }

    private string ProviderOptions() => Provider == StorageProvider.PostgreSql ? $" --provider postgresql --connection \"{Connection}\"" : "";

    /// <summary>Combinations that cannot work, refused before anything is created.</summary>
    private void Check()
    {
        if (Provider == StorageProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(Connection))
            {
                throw new ArgumentException("--provider postgresql needs --connection \"Host=...;Port=...;Username=...\".");
            }
            NpgsqlConnectionStringBuilder server;
            try
            {
                server = new NpgsqlConnectionStringBuilder(Connection);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--connection is not a valid Npgsql connection string: {e.Message}");
            }
            if (!string.IsNullOrEmpty(server.Database))
            {
                throw new ArgumentException("--connection must not name a database: the benchmark creates a fresh one and drops it afterwards.");
            }
        }
        else if (Connection is not null)
        {
            throw new ArgumentException("--connection applies to --provider postgresql only.");
        }
        if (Instances > 1 && Provider != StorageProvider.PostgreSql)
        {
            throw new ArgumentException("--instances above 1 needs --provider postgresql: a SQLite database is served by one app process.");
        }
    }

    private static StorageProvider ProviderNamed(string[] args, int i) => Text(args, i).ToLowerInvariant() switch
    {
        "sqlite" => StorageProvider.Sqlite,
        "postgresql" => StorageProvider.PostgreSql,
        _ => throw new ArgumentException($"{args[i - 1]} must be sqlite or postgresql."),
    };

    private static string Text(string[] args, int i) =>
        i < args.Length && args[i].Length > 0 ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

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
