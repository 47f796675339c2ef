using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Administration;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Administration.Waves;
using SurveyApp.Tests.Support.Processes;

namespace SurveyApp.Benchmarks.Load;

/// <summary>
/// Respondents answering the model survey over HTTP against the running app, at several levels of
/// concurrency: completed surveys per second, every request's latency, errors, and a check that the
/// database holds exactly the submissions the generator completed. On SQLite, then, as a ceiling, how many
/// such responses SQLite takes per second without the app (<see cref="InsertCeiling"/>). On PostgreSQL
/// the app may run as several processes on the one database behind nginx (<see cref="NginxProxy"/>), and
/// the CPU of each process, of the PostgreSQL server and of nginx is reported per completed survey.
/// </summary>
public static class LoadBenchmark
{
    public const string ModelSurveyKey = "samlingen-uppfoljning-2013";

    // The targets (docs/benchmarks.md), at TargetClients concurrent respondents.
    public const int TargetClients = 100;
    public const double TargetSurveysPerSecond = 100;
    public const double TargetP95Milliseconds = 150;

    /// <summary>Invitations issued per second of a timed level: far above what two cores can serve, so no level runs dry.</summary>
    private const int InvitationsPerSecond = 1_000;

    private const int WarmUpClients = 10;
    private const int WarmUpSurveysPerClient = 3;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var duration = arguments.SurveysPerClient is null ? TimeSpan.FromSeconds(arguments.DurationSeconds ?? BenchmarkArguments.DefaultDurationSeconds) : (TimeSpan?)null;
        Console.WriteLine($"Load benchmark: {string.Join(", ", arguments.Clients)} concurrent respondents, " +
            (duration is { } d ? $"{d.TotalSeconds:F0} s per level" : $"{arguments.SurveysPerClient} surveys per respondent") +
            $", {arguments.Provider}, {arguments.Instances} app process{(arguments.Instances == 1 ? "" : "es behind nginx")}");
        Console.WriteLine($"  started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {MachineInfo.LoadAverage()} (1, 5, 15 min)");
        var postgreSql = arguments.Provider == StorageProvider.PostgreSql ? PostgreSqlBenchmarkDatabase.CreateEmpty(arguments.Connection!, arguments.Keep) : null;
        await using var database = postgreSql ?? (IBenchmarkDatabase)BenchmarkDatabase.CreateEmpty(arguments.Keep);
        Console.WriteLine($"Database: {database.Description}");
        var apps = Enumerable.Range(1, arguments.Instances).Select(i => new AppServer(database, i)).ToList();
        await using var stopApps = new AsyncDisposables(apps);

        // The first start migrates the new database and seeds the model survey, as on a fresh install.
        var clock = Stopwatch.StartNew();
        await apps[0].StartAsync();
        await apps[0].StopAsync();
        Console.WriteLine($"App {AppServer.AppHost}: first start (migrate, seed) and stop in {clock.Elapsed.TotalSeconds:F1} s");

        // Invitations are issued with the app stopped, through the app's own service, into its open wave.
        var target = await OpenWaveAsync(database);
        var plan = arguments.Clients.Select(c => arguments.SurveysPerClient is { } n ? c * n : c + (int)(duration!.Value.TotalSeconds * InvitationsPerSecond)).ToList();
        clock.Restart();
        var warmUpTokens = await IssueAsync(database, target, WarmUpClients * WarmUpSurveysPerClient);
        var levelTokens = new List<ConcurrentQueue<string>>();
        foreach (var count in plan)
        {
            levelTokens.Add(await IssueAsync(database, target, count));
        }
        Console.WriteLine($"Issued {Count(warmUpTokens.Count + plan.Sum())} invitations to wave {target.WaveId} " +
            $"({target.Participants.Count} participants, several invitations each) in {clock.Elapsed.TotalSeconds:F1} s");

        foreach (var app in apps)
        {
            await app.StartAsync();
        }
        NginxProxy? nginx = null;
        if (apps.Count > 1)
        {
            nginx = await NginxProxy.StartAsync(database.Folder, apps.Select(a => a.Port).ToList(), arguments.NginxConfig ?? NginxProxy.DeploymentConfig(RepoPaths.Root));
        }
        await using var stopNginx = new AsyncDisposables(nginx is null ? [] : [nginx]);
        var baseAddress = nginx?.BaseAddress ?? apps[0].BaseAddress;
        var processes = await CpuSourcesAsync(apps, postgreSql, nginx);

        using var cache = new MemoryCache(new MemoryCacheOptions());
        var survey = await new SurveyCatalog(database.CreateFactory(), cache).GetAsync(target.SurveyId)
            ?? throw new InvalidOperationException("The model survey is missing.");
        var level = new LoadLevel(baseAddress, processes, database, survey);
        var (submittedBefore, _) = await level.CountSubmittedAsync();
        Console.WriteLine(nginx is null
            ? $"App listening on {baseAddress}; {submittedBefore} submitted responses before the run (the seeded demo wave)"
            : $"nginx listening on {baseAddress} in front of {string.Join(", ", apps.Select(a => a.BaseAddress))}; " +
              $"{submittedBefore} submitted responses before the run (the seeded demo wave)");

        var warmUp = await level.RunAsync(WarmUpClients, warmUpTokens, null, WarmUpSurveysPerClient, seed: 0);
        Console.WriteLine($"Warm-up: {WarmUpClients} respondents, {warmUp.Completed} surveys, {warmUp.Errors} errors (not in the figures)");
        if (warmUp.Errors > 0)
        {
            warmUp.ErrorMessages.ToList().ForEach(m => Console.WriteLine("  " + m));
        }

        var results = new List<LevelResult>();
        for (var i = 0; i < arguments.Clients.Count; i++)
        {
            var result = await level.RunAsync(arguments.Clients[i], levelTokens[i], duration, arguments.SurveysPerClient, seed: i + 1);
            results.Add(result);
            PrintLevel(result);
        }
        var (submittedAfter, _) = await level.CountSubmittedAsync();
        var (engine, version) = await database.EngineVersionAsync();
        if (nginx?.ErrorLog() is { Length: > 0 } nginxLog)
        {
            Console.WriteLine("nginx logged:");
            nginxLog.Split('\n').TakeLast(10).ToList().ForEach(l => Console.WriteLine("  " + l));
        }
        await stopNginx.DisposeAsync();
        await stopApps.DisposeAsync();

        (CeilingResult Raw, CeilingResult EfCore, int AnswersPerResponse)? ceiling = null;
        if (postgreSql is null)
        {
            Console.WriteLine();
            Console.WriteLine($"Insert ceiling: {InsertCeiling.Rounds} rounds of {Count(InsertCeiling.ResponsesPerRound)} responses each way, interleaved, into a fresh database");
            ceiling = await InsertCeiling.MeasureAsync(arguments.Keep);
        }

        PrintSummary(results, submittedBefore, submittedAfter, duration);
        PrintCpuByProcess(results);
        PrintLatencyByKind(results);
        if (ceiling is { } c)
        {
            PrintCeiling(c.Raw, c.EfCore, c.AnswersPerResponse, results);
        }
        var targetsMet = PrintTargets(results, submittedAfter - submittedBefore);

        MachineInfo.PrintFooter(
            [.. MachineInfo.Describe(engine, version), $"Memory:  {MachineInfo.MemoryGiB()}",
                $"Load:    {MachineInfo.LoadAverage()} (1, 5, 15 min, at the end; the generator runs on the same 2 cores as the app)", $"Date:    {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"],
            $"load {arguments.ToLoadCommandLine()}");
        if (arguments.Keep)
        {
            Console.WriteLine();
            Console.WriteLine(postgreSql is null ? $"Database kept in {database.Folder}" : $"Database kept: {database.Description}");
        }
        return results.All(r => r.DatabaseMatches) && submittedAfter - submittedBefore == warmUp.Completed + results.Sum(r => r.Completed) ? 0 : 1;
    }

    private sealed record OpenWave(int SurveyId, int WaveId, IReadOnlyList<int> Participants);

    /// <summary>
    /// The processes whose CPU each level reports: every app process; on PostgreSQL the whole server (its
    /// postmaster and every child: backends, checkpointer, autovacuum ...), if it runs on this machine; nginx.
    /// </summary>
    private static async Task<List<CpuSource>> CpuSourcesAsync(List<AppServer> apps, PostgreSqlBenchmarkDatabase? postgreSql, NginxProxy? nginx)
    {
        var sources = apps.Select(a => new CpuSource(apps.Count == 1 ? "app" : $"app {a.Instance}", true, () => a.ProcessorTime)).ToList();
        if (postgreSql is not null)
        {
            var server = await postgreSql.ServerProcessIdAsync();
            sources.Add(new CpuSource("PostgreSQL", false, () => server is { } pid ? ProcessCpu.TreeOf(pid) : null));
        }
        if (nginx is not null)
        {
            sources.Add(new CpuSource("nginx", false, () => ProcessCpu.TreeOf(nginx.ProcessId)));
        }
        return sources;
    }

    private static async Task<OpenWave> OpenWaveAsync(IBenchmarkDatabase database)
    {
        await using var db = await database.CreateFactory().CreateDbContextAsync();
        var wave = await db.Waves.AsNoTracking().Where(w => !w.IsClosed && w.Survey!.Key == ModelSurveyKey).OrderBy(w => w.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No open wave of {ModelSurveyKey}: was the model survey seeded?");
        if (!wave.AcceptsAnswers(DateTimeOffset.UtcNow))
        {
            throw new InvalidOperationException($"Wave {wave.Id} does not take answers now.");
        }
        var participants = await db.Participants.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        return new OpenWave(wave.SurveyId, wave.Id, participants);
    }

    /// <summary>New invitations through InvitationService.IssueAsync, participants taken in turn; only their tokens can open them.</summary>
    private static async Task<ConcurrentQueue<string>> IssueAsync(IBenchmarkDatabase database, OpenWave wave, int count)
    {
        const int batch = 5_000;
        // The links are protected with throw-away keys: the benchmark never sends them.
        var service = new InvitationService(database.CreateFactory(), new SurveyApp.Mail.InvitationLinkProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()), TimeProvider.System);
        var tokens = new ConcurrentQueue<string>();
        for (var start = 0; start < count; start += batch)
        {
            var participants = Enumerable.Range(start, Math.Min(batch, count - start)).Select(i => wave.Participants[i % wave.Participants.Count]);
            foreach (var issued in await service.IssueAsync(wave.WaveId, participants))
            {
                tokens.Enqueue(issued.Token);
            }
        }
        return tokens;
    }

    private static void PrintLevel(LevelResult r)
    {
        Console.WriteLine($"{r.Clients} respondents: {Count(r.Completed)} surveys in {r.Elapsed.TotalSeconds:F1} s, {r.SurveysPerSecond:F1} surveys/s, " +
            $"p50/p95/p99 {Ms(r.P(50))}/{Ms(r.P(95))}/{Ms(r.P(99))} ms, {r.Errors} errors, " +
            $"database +{Count(r.SubmittedInDatabase)} submitted{(r.DatabaseMatches ? "" : " (FAIL)")}, load {r.LoadAverage}");
        foreach (var message in r.ErrorMessages)
        {
            Console.WriteLine("  " + message);
        }
        if (r.RanOutOfInvitations)
        {
            Console.WriteLine("  ran out of invitations before the time was up: the rate is over fewer surveys than could have been answered");
        }
    }

    private static void PrintSummary(List<LevelResult> results, int before, int after, TimeSpan? duration)
    {
        Console.WriteLine();
        Console.WriteLine(duration is { } d
            ? $"Results: no survey is started after a level's {d.TotalSeconds:F0} s, those under way are finished; surveys/s is all completed surveys over the level's whole time"
            : "Results: surveys/s is all completed surveys over the level's whole time");
        Console.WriteLine("  Latency: each request from sending it to the end of its body, all 14 requests of a survey (welcome, 5 × page get + post, review, submit, thank-you)");
        Console.WriteLine($"  {"clients",7} {"surveys/s",10} {"completed",10} {"requests",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} " +
            $"{"errors",7} {"in DB",7} {"check",6} {"answers/resp",12} {"server CPU",11} {"generator CPU",14} {"server ms/survey",17}");
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Clients,7} {r.SurveysPerSecond,10:F1} {Count(r.Completed),10} {Count(r.SortedLatencies.Length),9} {Ms(r.P(50)),8} {Ms(r.P(95)),8} " +
                $"{Ms(r.P(99)),8} {Ms(r.P(100)),8} {r.Errors,7} {Count(r.SubmittedInDatabase),7} {(r.DatabaseMatches ? "ok" : "FAIL"),6} " +
                $"{(r.SubmittedInDatabase > 0 ? (double)r.AnswersInDatabase / r.SubmittedInDatabase : 0),12:F1} {r.ServerCores,6:F2} cores {r.GeneratorCores,9:F2} cores " +
                $"{(r.Completed > 0 ? r.ServerCpu.TotalMilliseconds / r.Completed : double.NaN),17:F1}");
        }
        foreach (var r in results.Where(r => !r.DatabaseMatches))
        {
            Console.WriteLine($"  FAIL: at {r.Clients} respondents the generator completed {r.Completed} surveys but the database gained {r.SubmittedInDatabase} submitted responses");
        }
        Console.WriteLine($"  Database: {Count(after - before)} responses submitted during the run (warm-up included), {Count(after)} in all");
    }

    /// <summary>Each process's CPU over each level: cores busy on average and milliseconds per completed survey.</summary>
    private static void PrintCpuByProcess(List<LevelResult> results)
    {
        var names = results.SelectMany(r => r.Processes.Select(p => p.Name)).Distinct().ToList();
        if (names.Count == 1)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("CPU by process, cores busy on average / ms per completed survey (from /proc/PID/stat, user + system)");
        Console.WriteLine($"  {"clients",7} " + string.Join(" ", names.Append("all").Select(n => $"{n,20}")));
        foreach (var r in results)
        {
            var all = r.Processes.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.Cpu ?? TimeSpan.Zero));
            var cells = names.Select(n => r.Processes.FirstOrDefault(p => p.Name == n)?.Cpu is { } cpu ? Cell(cpu) : "n/a").Append(Cell(all));
            Console.WriteLine($"  {r.Clients,7} " + string.Join(" ", cells.Select(c => $"{c,20}")));

            string Cell(TimeSpan cpu) => $"{cpu.TotalSeconds / r.Elapsed.TotalSeconds:F2} / {(r.Completed > 0 ? cpu.TotalMilliseconds / r.Completed : double.NaN):F1}";
        }
    }

    private static void PrintLatencyByKind(List<LevelResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("Latency by request, p50 / p95 ms");
        var kinds = Enum.GetValues<RequestKind>();
        Console.WriteLine($"  {"clients",7} " + string.Join(" ", kinds.Select(k => $"{k,15}")));
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Clients,7} " + string.Join(" ", kinds.Select(k => r.SortedLatenciesByKind.TryGetValue(k, out var s)
                ? $"{Ms(LevelResult.Percentile(s, 50)) + " / " + Ms(LevelResult.Percentile(s, 95)),15}"
                : $"{"-",15}")));
        }
    }

    private static void PrintCeiling(CeilingResult raw, CeilingResult efCore, int answersPerResponse, List<LevelResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"Insert ceiling: submitted responses per second, one response and its {answersPerResponse} answers per transaction, one writer");
        foreach (var c in new[] { raw, efCore })
        {
            Console.WriteLine($"  {c.Name,-40} median {c.Median,7:F0}/s  (rounds: {string.Join(", ", c.PerSecond.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))})");
        }
        var best = results.MaxBy(r => r.SurveysPerSecond);
        if (best is not null)
        {
            Console.WriteLine($"  best load level ({best.Clients} respondents, {best.SurveysPerSecond:F0} surveys/s) reaches {best.SurveysPerSecond / efCore.Median:P0} of the EF Core ceiling " +
                $"and {best.SurveysPerSecond / raw.Median:P0} of the raw one; each survey also makes 14 requests, 6 of them writes");
        }
    }

    private static bool PrintTargets(List<LevelResult> results, int submittedDuringRun)
    {
        Console.WriteLine();
        Console.WriteLine($"Targets (at {TargetClients} concurrent respondents)");
        var atTarget = results.FirstOrDefault(r => r.Clients == TargetClients);
        var met = true;
        if (atTarget is null)
        {
            Console.WriteLine($"  not measured: no level of {TargetClients} respondents (use --clients with {TargetClients})");
            met = false;
        }
        else
        {
            met &= Line($"at least {TargetSurveysPerSecond:F0} completed surveys/s", atTarget.SurveysPerSecond >= TargetSurveysPerSecond, $"{atTarget.SurveysPerSecond:F1}/s");
            met &= Line($"p95 page latency under {TargetP95Milliseconds:F0} ms", atTarget.P(95) < TargetP95Milliseconds, $"{Ms(atTarget.P(95))} ms");
        }
        var errors = results.Sum(r => r.Errors);
        met &= Line("zero errors (all levels)", errors == 0, $"{errors}");
        var lost = results.Sum(r => r.Completed - r.SubmittedInDatabase);
        met &= Line("zero lost responses (all levels)", results.All(r => r.DatabaseMatches), lost == 0 ? "database matches" : $"{lost} missing");
        return met;
    }

    private static bool Line(string target, bool met, string figure)
    {
        Console.WriteLine($"  {target + ":",-40} {(met ? "met" : "NOT met")} ({figure})");
        return met;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Disposes the given objects at the end of a scope, or earlier if asked; once.</summary>
    private sealed class AsyncDisposables(IEnumerable<IAsyncDisposable> items) : IAsyncDisposable
    {
        private List<IAsyncDisposable>? _items = items.ToList();

        public async ValueTask DisposeAsync()
        {
            foreach (var item in Interlocked.Exchange(ref _items, null) ?? [])
            {
                await item.DisposeAsync();
            }
        }
    }
}
