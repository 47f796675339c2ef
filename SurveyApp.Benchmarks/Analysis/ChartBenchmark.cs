using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Charts;
using SurveyApp.Analysis.Components;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Analysis;

/// <summary>
/// A wave's charts drawn by ScottPlot on the server, in Swedish as the app's default: as downloads (SVG, PNG), as
/// the page shows them (inline SVG), and the results page's questions rendered to HTML with their charts, alone
/// and together with reading the results (the page's server time, less sign-in and layout).
/// </summary>
public static class ChartBenchmark
{
    /// <summary>The "charts" command: the model wave as the app seeds it (17 responses, 7 charts), on SQLite.</summary>
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(arguments.Keep);
        var factory = database.CreateFactory();
        var waveId = await ModelWave.SeedAsync(factory);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var results = new WaveResultsQuery(factory, new SurveyCatalog(factory, cache), new ViewSuppression(factory, Options.Create(new AnalysisOptions())));
        var read = await results.GetAsync(waveId, ResultsFilter.None);
        Console.WriteLine($"Chart benchmark: the model wave '{ModelWave.Name}', {read!.InView} responses, {read.Questions.Count} questions");
        Console.WriteLine($"Timing: {Measurement.WarmUps} warm-up runs, then {arguments.Runs} measured runs each");
        await MeasureAsync(results, waveId, arguments.Runs, whole: null);

        var (engine, version) = await database.EngineVersionAsync();
        MachineInfo.PrintFooter(MachineInfo.Describe(engine, version), $"charts --runs {arguments.Runs}");
        return 0;
    }

    /// <param name="whole">The wave's results read alone, to compare reading and drawing with; none for a small wave.</param>
    public static async Task MeasureAsync(WaveResultsQuery results, int waveId, int runs, Measurement? whole)
    {
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        await using var pages = new QuestionPages();
        try
        {
            var page = (await results.GetAsync(waveId, ResultsFilter.None))!;
            var count = page.Questions.Count(q => ResultsChart.Drawing(q) is not null);
            var html = await pages.RenderAsync(page);
            Console.WriteLine();
            Console.WriteLine($"Charts: the wave's {count} charts, drawn by ScottPlot on the server ({html.Length / 1024:N0} KiB of question HTML)");
            var measurements = new List<Measurement>
            {
                await Measurement.RunAsync($"{count} downloads as SVG", runs, () => DrawAll(page, c => c.ToSvg())),
                await Measurement.RunAsync($"{count} downloads as PNG", runs, () => DrawAll(page, c => c.ToPng())),
                await Measurement.RunAsync($"{count} page charts (inline SVG)", runs, () => InlineAll(page)),
                await Measurement.RunAsync("page questions as HTML", runs, () => pages.RenderAsync(page)),
                await Measurement.RunAsync("GetAsync + downloads as SVG", runs, async () =>
                {
                    var read = (await results.GetAsync(waveId, ResultsFilter.None))!;
                    await DrawAll(read, c => c.ToSvg());
                }),
                await Measurement.RunAsync("GetAsync + page questions HTML", runs, async () =>
                {
                    var read = (await results.GetAsync(waveId, ResultsFilter.None))!;
                    await pages.RenderAsync(read);
                }),
            };
            Console.WriteLine($"  {"",-34} {"median",9} {"min",9} {"max",9}");
            foreach (var m in measurements)
            {
                Console.WriteLine($"  {m.Name,-34} {Ms(m.Median),9} {Ms(m.Min),9} {Ms(m.Max),9}");
            }
            Console.WriteLine($"  per chart, median: SVG {Ms(measurements[0].Median / count)}, PNG {Ms(measurements[1].Median / count)}, page SVG {Ms(measurements[2].Median / count)}");
            if (whole is not null)
            {
                Console.WriteLine($"  ratio of medians, (GetAsync + downloads as SVG) / GetAsync alone: {(measurements[4].Median / whole.Median).ToString("F2", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"  ratio of medians, (GetAsync + page questions HTML) / GetAsync alone: {(measurements[5].Median / whole.Median).ToString("F2", CultureInfo.InvariantCulture)}");
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }
    }

    private static Task DrawAll(WaveResults page, Func<ChartImage, object> format)
    {
        foreach (var question in page.Questions)
        {
            using var chart = ResultsChart.For(page, question, null);
            if (chart is not null)
            {
                GC.KeepAlive(format(chart));
            }
        }
        return Task.CompletedTask;
    }

    private static Task InlineAll(WaveResults page)
    {
        foreach (var question in page.Questions)
        {
            if (ResultsChart.Drawing(question) is { } drawing)
            {
                using var chart = drawing.Draw(null, ChartLayout.Page);
                GC.KeepAlive(InlineSvg.Markup(chart, "diagram-" + question.Question.Key, ResultsChart.Title(question)));
            }
        }
        return Task.CompletedTask;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The results page's question sections (chart, tables, links), rendered by Blazor's HTML renderer as the page renders them.</summary>
    private sealed class QuestionPages : IAsyncDisposable
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        private readonly HtmlRenderer _renderer;

        public QuestionPages() => _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());

        public Task<string> RenderAsync(WaveResults page) => _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new System.Text.StringBuilder();
            foreach (var question in page.Questions)
            {
                var output = await _renderer.RenderComponentAsync<QuestionResultsView>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(QuestionResultsView.WaveId)] = page.Wave.WaveId,
                    [nameof(QuestionResultsView.Results)] = question,
                    [nameof(QuestionResultsView.Number)] = page.Survey.NumberOf(question.Question),
                }));
                html.Append(output.ToHtmlString());
            }
            return html.ToString();
        });

        public async ValueTask DisposeAsync()
        {
            await _renderer.DisposeAsync();
            await _services.DisposeAsync();
        }
    }
}
