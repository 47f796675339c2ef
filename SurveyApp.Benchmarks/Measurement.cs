using System.Diagnostics;

namespace SurveyApp.Benchmarks;

/// <summary>Wall-clock times of repeated runs of one operation, in milliseconds.</summary>
public sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds)
{
    public const int WarmUps = 2;

    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    public static async Task<Measurement> RunAsync(string name, int runs, Func<Task> operation)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            await operation();
        }
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Measurement(name, times);
    }
}
