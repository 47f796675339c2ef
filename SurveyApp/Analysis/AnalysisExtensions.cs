using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authorization;
using SurveyApp.Analysis.Charts;
using SurveyApp.Security;
using SurveyApp.Shared;

namespace SurveyApp.Analysis;

public static class AnalysisExtensions
{
    public static WebApplicationBuilder AddAnalysis(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section)
            .Validate(o => o.MinGroupSize >= 1, "Analysis:MinGroupSize must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<ViewSuppression>();
        builder.Services.AddSingleton<WaveListQuery>();
        builder.Services.AddSingleton<WaveResultsQuery>();
        builder.Services.TryAddSingleton<Shared.PrerenderHandoff>();
        builder.Services.AddSingleton<CrossTabQuery>();
        builder.Services.AddSingleton<FilterDimensionsQuery>();
        builder.Services.AddSingleton<CategoriesQuery>();
        builder.Services.AddSingleton<ParticipantProgressQuery>();
        builder.Services.AddSingleton<ComparisonService>();
        builder.Services.AddSingleton<Coding.CodingService>();
        builder.Services.AddSingleton<Coding.OpenAnswersQuery>();
        return builder;
    }

    public static void MapAnalysis(this WebApplication app)
    {
        var charts = app.MapGroup("/resultat/{waveId:int}/diagram").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });
        foreach (var format in new[] { "svg", "png" })
        {
            charts.MapGet($"/{{questionKey}}.{format}", (int waveId, string questionKey, string[]? typ, string? uppgift, string[]? grupp, int? kategori, WaveResultsQuery query, CategoriesQuery categories,
                HttpContext context, CancellationToken cancellationToken) =>
                ChartAsync(context, query, categories, waveId, questionKey, ResultsFilter.FromQuery(typ, uppgift, grupp, kategori), format, cancellationToken));
        }

        // The comparison page's charts: the same waves (a, b) and, for a matrix, the item (del).
        var comparisonCharts = app.MapGroup("/resultat/jamfor/diagram").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });
        foreach (var format in new[] { "svg", "png" })
        {
            comparisonCharts.MapGet($"/{{questionKey}}.{format}", (string questionKey, int? a, int? b, string? del, ComparisonService comparisons, HttpContext context, CancellationToken cancellationToken) =>
                ComparisonChartAsync(context, comparisons, a, b, questionKey, del, format, cancellationToken));
        }
    }

    // The figures come from the same query as the results page, so a view the page would suppress gives no chart,
    // and the answer is the same whether the wave, the question or the view is what is missing.
    private static async Task<IResult> ChartAsync(HttpContext context, WaveResultsQuery query, CategoriesQuery categories, int waveId, string questionKey,
        ResultsFilter filter, string format, CancellationToken cancellationToken)
    {
        var results = await query.GetAsync(waveId, filter, cancellationToken);
        var question = results is { Suppressed: false } ? results.Questions.FirstOrDefault(q => q.Question.Key == questionKey) : null;
        if (question is null)
        {
            return Results.NotFound();
        }
        var categoryName = filter.CategoryId is { } id
            ? (await categories.ListAsync(results!.Wave.SurveyId, cancellationToken)).SelectMany(c => c.Categories).FirstOrDefault(c => c.Id == id)?.Name
            : null;
        using var chart = ResultsChart.For(results!, question, categoryName);
        if (chart is null)
        {
            return Results.NotFound();
        }
        return await WriteAsync(context, chart, ResultsChart.FileName(results!, question, format), format, cancellationToken);
    }

    // As the comparison page: the earlier wave is compared with the later whichever is given first, with no filter;
    // a suppressed or impossible comparison, or a question the page shows no chart for, gives no chart.
    private static async Task<IResult> ComparisonChartAsync(HttpContext context, ComparisonService comparisons, int? a, int? b, string questionKey,
        string? itemCode, string format, CancellationToken cancellationToken)
    {
        if (a is not { } first || b is not { } second)
        {
            return Results.NotFound();
        }
        var comparison = await comparisons.CompareAsync(Math.Min(first, second), Math.Max(first, second), ResultsFilter.None, cancellationToken);
        var question = comparison is { Suppressed: false }
            ? comparison.Questions.FirstOrDefault(q => q.Question.Key == questionKey && q.ItemCode == itemCode)
            : null;
        if (question is null)
        {
            return Results.NotFound();
        }
        using var chart = ComparisonChart.For(comparison!, question);
        if (chart is null)
        {
            return Results.NotFound();
        }
        return await WriteAsync(context, chart, ComparisonChart.FileName(comparison!, question, format), format, cancellationToken);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, ChartImage chart, string fileName, string format, CancellationToken cancellationToken)
    {
        var (content, contentType) = format == "svg"
            ? (new MemoryStream(System.Text.Encoding.UTF8.GetBytes(chart.ToSvg())), "image/svg+xml; charset=utf-8")
            : (new MemoryStream(chart.ToPng()), "image/png");
        await using (content)
        {
            await Attachment.SendAsync(context, content, fileName, contentType, cancellationToken);
        }
        return Results.Empty;
    }
}
