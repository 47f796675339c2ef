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
}
