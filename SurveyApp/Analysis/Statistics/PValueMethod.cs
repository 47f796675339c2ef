namespace SurveyApp.Analysis.Statistics;

/// <summary>How a rank test's p-value was obtained.</summary>
public enum PValueMethod
{
    /// <summary>The exact permutation distribution, conditional on the observed ties.</summary>
    Exact,

    /// <summary>The normal approximation with tie and continuity corrections.</summary>
    Normal,
}
