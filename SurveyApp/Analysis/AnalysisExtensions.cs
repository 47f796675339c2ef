namespace SurveyApp.Analysis;

public static class AnalysisExtensions
{
    public static WebApplicationBuilder AddAnalysis(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section)
            .Validate(o => o.MinGroupSize >= 1, "Analysis:MinGroupSize must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<ResultsService>();
        builder.Services.AddSingleton<ComparisonService>();
        builder.Services.AddSingleton<Coding.CodingService>();
        return builder;
    }
}
