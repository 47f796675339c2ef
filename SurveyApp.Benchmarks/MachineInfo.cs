using System.Globalization;
using System.Runtime.InteropServices;

namespace SurveyApp.Benchmarks;

/// <summary>What the figures were measured on, printed beside them.</summary>
public static class MachineInfo
{
    public static IEnumerable<string> Describe(string sqliteVersion) => Describe("SQLite", sqliteVersion);

    /// <summary>The machine and the database engine (SQLite or PostgreSQL) with its version.</summary>
    public static IEnumerable<string> Describe(string engine, string version)
    {
        yield return $"Cores:   {Environment.ProcessorCount} ({Cpu()})";
        yield return $"OS:      {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
        yield return $".NET:    {RuntimeInformation.FrameworkDescription}";
        yield return $"{engine + ":",-8} {version}";
    }

    /// <summary>Total memory, as /proc/meminfo gives it.</summary>
    /// <summary>Ends a benchmark's output: the machine it ran on and the command that reproduces its figures.</summary>
    public static void PrintFooter(IEnumerable<string> machine, string benchmarkArguments)
    {
        Console.WriteLine();
        Console.WriteLine("Machine");
        foreach (var line in machine)
        {
            Console.WriteLine("  " + line);
        }
        Console.WriteLine();
        Console.WriteLine("Reproduce with:");
        Console.WriteLine($"  dotnet run -c Release --project SurveyApp.Benchmarks -- {benchmarkArguments}");
    }

    public static string MemoryGiB()
    {
        const string file = "/proc/meminfo";
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null
            ? "unknown"
            : (long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB";
    }

    /// <summary>The 1, 5 and 15 minute load averages (as uptime prints them): the machine is shared, so say how busy it was.</summary>
    public static string LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? string.Join(", ", File.ReadAllText(file).Split(' ').Take(3)) : "unknown";
    }

    private static string Cpu()
    {
        const string file = "/proc/cpuinfo";
        var model = File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
