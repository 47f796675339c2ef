using System.Globalization;
using System.Text;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Analysis.Charts;

/// <summary>A question of a wave's results as its downloadable chart, with the same figures and words as the results page.</summary>
public static class ResultsChart
{
    /// <returns>Null when the question has nothing to chart (an open question that has not been coded).</returns>
    public static ChartImage? For(WaveResults results, QuestionResults question, string? categoryName)
    {
        var q = question.Question;
        var heading = $"{Numbered(results.Survey, q)}. {q.Text}";
        var context = Context(results, categoryName);
        if (q.IsScaled)
        {
            var steps = q.Scale!.Steps.OrderBy(s => s.Value).ToList();
            var rows = question.Distributions.Select(d => new ScaleRow(
                q.Kind == QuestionKind.Matrix ? Text.Format("Chart.ItemBase", d.ItemText ?? "", d.ScaleCount) : Text.Format("Results.Respondents", d.ScaleCount),
                ScaleShares(steps, d))).ToList();
            var title = q.Kind == QuestionKind.Matrix ? Text.Get("Results.MatrixChartTitle") : Text.Format("Results.ScaleChartTitle", question.Main.ScaleCount);
            return QuestionChart.Scale(new ChartTexts(heading, context, title, OffScaleNote(question)), q.Scale.Bipolar, steps.Select(s => s.Label).ToList(), rows);
        }
        if (q.IsChoice)
        {
            var main = question.Main;
            var note = q.Kind == QuestionKind.Multi ? Text.Get("Results.MultiBase") : null;
            return QuestionChart.Bars(new ChartTexts(heading, context, Text.Format("Results.ChoiceChartTitle", main.Answered), note),
                main.Choices.Select(c => new ChartShare(c.Label, c.Count, main.ShareOfAnswered(c))).ToList());
        }
        if (question.Categories.Count == 0)
        {
            return null;
        }
        var answered = Math.Max(1, question.TextAnswers);
        return QuestionChart.Bars(new ChartTexts(heading, context, Text.Format("Results.CategoryChartTitle", question.TextAnswers)),
            question.Categories.Select(c => new ChartShare(c.Name, c.Count, (double)c.Count / answered)).ToList());
    }

    /// <summary>Survey, wave and the filter in force, as the results page writes it.</summary>
    public static string Context(WaveResults results, string? categoryName)
    {
        var source = Text.Format("Results.ChartSource", results.Wave.SurveyTitle, results.Wave.WaveName);
        var parts = results.Filter.ParticipantTypes.Concat(categoryName is null ? [] : [categoryName]).ToList();
        return parts.Count == 0 ? source : $"{source} {Text.Format("Results.ChartFilter", string.Join(", ", parts))}";
    }

    /// <summary>A download's name from survey, wave and question, in letters, digits and hyphens only.</summary>
    public static string FileName(WaveResults results, QuestionResults question, string extension) =>
        $"{Slug(results.Wave.SurveyTitle)}-{Slug(results.Wave.WaveName)}-{Slug(Numbered(results.Survey, question.Question))}.{extension}";

    // "Fråga 9", as the page numbers the question.
    internal static string Numbered(Survey survey, Question question) => Text.Format("Results.QuestionNumber", survey.NumberOf(question));

    // A distribution's steps in scale order, as shares of the answers on the scale.
    internal static IReadOnlyList<ChartShare> ScaleShares(IReadOnlyList<ScaleStep> steps, Distribution distribution) =>
        steps.Select(s => distribution.Choices.Single(c => c.Value == s.Value))
            .Select(c => new ChartShare(c.Label, c.Count, distribution.ShareOfScale(c))).ToList();

    private static string? OffScaleNote(QuestionResults question)
    {
        var offScale = question.Distributions.SelectMany(d => d.Choices.Where(c => c.IsOffScale))
            .GroupBy(c => c.Label).Select(g => $"{g.Key} {g.Sum(c => c.Count)}").ToList();
        return offScale.Count == 0 ? null : Text.Format("Results.OffScaleNote", string.Join(", ", offScale));
    }

    internal static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
