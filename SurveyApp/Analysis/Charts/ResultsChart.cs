using System.Globalization;
using System.Text;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Analysis.Charts;

/// <summary>A question of a wave's results as its downloadable chart, with the same figures and words as the results page.</summary>
public static class ResultsChart
{
    /// <returns>Null when the question has nothing to chart (an open question without categories).</returns>
    public static ChartImage? For(WaveResults results, QuestionResults question, string? categoryName)
    {
        var q = question.Question;
        var heading = $"{Numbered(results.Survey, q)}. {q.Text}";
        var context = Context(results, categoryName);
        return Drawing(question)?.Draw(new ChartTexts(heading, context, Title(question), Note(question)), ChartLayout.Download);
    }

    /// <summary>The question's bars, as the results page and the downloads draw them.</summary>
    /// <returns>Null when the question has nothing to chart (an open question without categories).</returns>
    public static ChartDrawing? Drawing(QuestionResults question)
    {
        var q = question.Question;
        if (q.IsScaled)
        {
            var steps = q.Scale!.Steps.OrderBy(s => s.Value).ToList();
            var rows = question.Distributions.Select(d => new ScaleRow(
                q.Kind == QuestionKind.Matrix ? LabelWithBase(d.ItemText ?? "", d.ScaleCount) : Text.Format("Results.Respondents", d.ScaleCount),
                ScaleShares(steps, d))).ToList();
            return new ScaleDrawing(q.Scale.Bipolar, steps.Select(s => s.Label).ToList(), rows);
        }
        if (q.IsChoice)
        {
            var main = question.Main;
            return new BarsDrawing(main.Choices.Select(c => new ChartShare(c.Label, c.Count, main.ShareOfAnswered(c))).ToList());
        }
        return Categories(question.Categories, question.TextAnswers);
    }

    /// <summary>
    /// The coded categories of an open question as bars, most used first, each as a share of those who answered:
    /// every category of the question, also those no answer has been coded with yet.
    /// </summary>
    /// <returns>Null when the question has no categories.</returns>
    public static BarsDrawing? Categories(IReadOnlyList<CategoryCount> categories, int answered) =>
        categories.Count == 0 ? null : new BarsDrawing(categories
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new ChartShare(c.Name, c.Count, (double)c.Count / Math.Max(1, answered))).ToList());

    /// <summary>What the bars show, with their base, as the page titles the chart.</summary>
    public static string Title(QuestionResults question)
    {
        var q = question.Question;
        if (q.IsScaled)
        {
            return q.Kind == QuestionKind.Matrix ? Text.Get("Results.MatrixChartTitle") : Text.Format("Results.ScaleChartTitle", question.Main.ScaleCount);
        }
        return q.IsChoice
            ? Text.Format("Results.ChoiceChartTitle", question.Main.Answered)
            : Text.Format("Results.CategoryChartTitle", question.TextAnswers);
    }

    /// <summary>The line under the chart: the answers outside the scale, or the base of a question with several answers.</summary>
    public static string? Note(QuestionResults question) => question.Question switch
    {
        { IsScaled: true } => OffScaleNote(question),
        { Kind: QuestionKind.Multi } => Text.Get("Results.MultiBase"),
        _ => null,
    };

    /// <summary>Survey, wave and the filter in force, as the results page writes it.</summary>
    public static string Context(WaveResults results, string? categoryName)
    {
        var source = Text.Format("Results.ChartSource", results.Wave.SurveyTitle, results.Wave.WaveName);
        var parts = new[] { FilterText.Groups(results.Filter), categoryName }.OfType<string>().ToList();
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

    /// <summary>
    /// A bar's label with its base, "Regionen (n = 17)": the text fills most of the label's width, so the base in
    /// brackets is wrapped as one word, never as "(n =" and "17)".
    /// </summary>
    public static string LabelWithBase(string text, int count)
    {
        var label = Text.Format("Chart.ItemBase", text, count);
        var start = label.LastIndexOf('(');
        return start < 0 ? label : label[..start] + label[start..].Replace(' ', '\u00A0');
    }
}
