namespace SurveyApp.Analysis.Statistics;

public enum PValueMethod
{
    Exact,
    Normal,
}
