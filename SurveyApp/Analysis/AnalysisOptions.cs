namespace SurveyApp.Analysis;

public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Groups of fewer responses than this are never shown (common practice in Swedish survey reporting: 5).</summary>
    public int MinGroupSize { get; set; } = 5;
}
