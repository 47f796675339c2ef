using System.Runtime.InteropServices;

namespace SurveyApp.Benchmarks;

/// <summary>What the figures were measured on, printed beside them.</summary>
public static class MachineInfo
{
    public static IEnumerable<string> Describe(string sqliteVersion)
    {
        yield return $"Cores:   {Environment.ProcessorCount} ({Cpu()})";
        yield return $"OS:      {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
        yield return $".NET:    {RuntimeInformation.FrameworkDescription}";
        yield return $"SQLite:  {sqliteVersion}";
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
