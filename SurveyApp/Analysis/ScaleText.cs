using SurveyApp.Analysis.Components;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Analysis;

/// <summary>
/// A scale question's statistics in words, as the results page writes them under a distribution and the Word report
/// under its table: the median named by its step, and the share at the top of the scale.
/// </summary>
public static class ScaleText
{
    /// <summary>Null when the question has no scale or the distribution no answer on it.</summary>
    public static string? Describe(Question question, Distribution distribution)
    {
        if (question.Scale is not { } scaleOf || distribution.Scale is not { ValidCount: > 0 } scale) return null;
        var median = Median(question, scale.Median);
        if (scaleOf.Steps.Count >= 5)
        {
            return Text.Format("Results.ScaleStats", median, Format.Percent(scale.TopTwoShare ?? 0), scale.ValidCount);
        }
        // On a short scale the top two steps are most of it; the top step alone says more.
        var top = scaleOf.Steps.MaxBy(s => s.Value)!;
        var topCount = distribution.Choices.Single(c => c.Value == top.Value).Count;
        return Text.Format("Results.ScaleStatsTop", median, top.Label, Format.Percent((double)topCount / scale.ValidCount), scale.ValidCount);
    }

    // A midpoint between two steps is named by both.
    private static string Median(Question question, double? median)
    {
        if (median is null) return "–";
        var steps = question.Scale!.Steps;
        var exact = steps.FirstOrDefault(s => s.Value == median.Value);
        if (exact is not null) return $"{exact.Label} ({Format.Number(median.Value)})";
        var lower = steps.Where(s => s.Value < median).MaxBy(s => s.Value);
        var upper = steps.Where(s => s.Value > median).MinBy(s => s.Value);
        return $"{Text.Format("Results.Between", lower?.Label ?? "", upper?.Label ?? "")} ({Format.Number(median.Value)})";
    }
}
