using System.Globalization;
using System.Runtime.InteropServices;

namespace SurveyApp.Benchmarks.Load;

/// <summary>
/// CPU time of processes as Linux's /proc/PID/stat gives it (user + system), for processes the benchmark
/// did not start itself too (the PostgreSQL server). Null where /proc cannot tell (another OS, a process gone).
/// </summary>
public static class ProcessCpu
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly double TicksPerSecond = OperatingSystem.IsLinux() ? SysConf(ClockTicksName) : 100;

    /// <summary>A process's own CPU time.</summary>
    public static TimeSpan? Of(int pid) => Read(pid) is { } stat ? Ticks(stat.Own) : null;

    /// <summary>
    /// The CPU time of a process and all its descendants: each one's own time, and the time of the children
    /// it has already reaped (so a backend that ended during a level still counts, in its parent).
    /// </summary>
    public static TimeSpan? TreeOf(int root)
    {
        if (Read(root) is not { } rootStat)
        {
            return null;
        }
        var all = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Read(pid) : null)
            .OfType<Stat>()
            .ToLookup(s => s.Parent);
        var ticks = 0L;
        var pending = new Stack<Stat>([rootStat]);
        while (pending.TryPop(out var process))
        {
            ticks += process.Own + process.ReapedChildren;
            foreach (var child in all[process.Pid])
            {
                pending.Push(child);
            }
        }
        return Ticks(ticks);
    }

    /// <summary>The parent's process id, or null.</summary>
    public static int? ParentOf(int pid) => Read(pid)?.Parent;

    private sealed record Stat(int Pid, int Parent, long Own, long ReapedChildren);

    private static Stat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (name) state ppid ...": the name may hold spaces and parentheses, so count from the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new Stat(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
