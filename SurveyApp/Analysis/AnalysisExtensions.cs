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
        builder.Services.AddSingleton<CrossTabQuery>();
        builder.Services.AddSingleton<ParticipantTypesQuery>();
        builder.Services.AddSingleton<CategoriesQuery>();
        builder.Services.AddSingleton<ParticipantProgressQuery>();
        builder.Services.AddSingleton<ComparisonService>();
        builder.Services.AddSingleton<Coding.CodingService>();
        return builder;
    }

    public static void MapAnalysis(this WebApplication app)
    {
        var charts = app.MapGroup("/resultat/{waveId:int}/diagram").RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });
        charts.MapGet("/{questionKey}.svg", (int waveId, string questionKey, string[]? typ, int? kategori, WaveResultsQuery query, CategoriesQuery categories, HttpContext context, CancellationToken cancellationToken) =>
            ChartAsync(context, query, categories, waveId, questionKey, new ResultsFilter(typ ?? [], kategori), "svg", cancellationToken));
        charts.MapGet("/{questionKey}.png", (int waveId, string questionKey, string[]? typ, int? kategori, WaveResultsQuery query, CategoriesQuery categories, HttpContext context, CancellationToken cancellationToken) =>
            ChartAsync(context, query, categories, waveId, questionKey, new ResultsFilter(typ ?? [], kategori), "png", cancellationToken));
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
        Attachment.Set(context, ResultsChart.FileName(results!, question, format), format == "svg" ? "image/svg+xml; charset=utf-8" : "image/png");
        var bytes = format == "svg" ? System.Text.Encoding.UTF8.GetBytes(chart.ToSvg()) : chart.ToPng();
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, cancellationToken);
        return Results.Empty;
    }
}
