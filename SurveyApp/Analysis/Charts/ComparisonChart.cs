using SurveyApp.Analysis.Components;
using SurveyApp.Resources;

namespace SurveyApp.Analysis.Charts;

/// <summary>A question of a wave comparison as its downloadable chart, with the same figures and words as the comparison page.</summary>
public static class ComparisonChart
{
    /// <returns>Null when the page shows no chart for the question: an open question.</returns>
    public static ChartImage? For(WaveComparison comparison, QuestionComparison question)
    {
        var texts = new ChartTexts(
            Heading(comparison, question),
            Text.Format("Compare.ChartSource", comparison.A.Wave.SurveyTitle, comparison.A.Wave.WaveName, comparison.B.Wave.WaveName),
            Title(question),
            question.Test is { } test ? TestResult(comparison, test) : null);
        return Drawing(comparison, question)?.Draw(texts, ChartLayout.Download);
    }

    /// <summary>
    /// Both waves' bars, as the comparison page and the downloads draw them: a scale question's two bars on its scale,
    /// a choice question's answers as groups of one bar per wave.
    /// </summary>
    /// <returns>Null for an open question, which the page shows no chart for.</returns>
    public static ChartDrawing? Drawing(WaveComparison comparison, QuestionComparison question)
    {
        var q = question.Question;
        if (q.IsScaled)
        {
            var steps = q.Scale!.Steps.OrderBy(s => s.Value).ToList();
            ScaleRow Row(WaveResults wave, Distribution distribution) => new(
                ResultsChart.LabelWithBase(wave.Wave.WaveName, distribution.ScaleCount),
                ResultsChart.ScaleShares(steps, distribution));
            return new ScaleDrawing(q.Scale.Bipolar, steps.Select(s => s.Label).ToList(), [Row(comparison.A, question.A), Row(comparison.B, question.B)]);
        }
        if (q.IsChoice)
        {
            ChartSeries Series(WaveResults wave, int index, Func<ChoiceChange, int> count, Func<ChoiceChange, double> share, int answered) => new(
                ResultsChart.LabelWithBase(wave.Wave.WaveName, answered),
                QuestionChart.SeriesColours[index],
                question.Changes.Select(c => new ChartShare(c.Label, count(c), share(c))).ToList());
            return new GroupedBarsDrawing(question.Changes.Select(c => c.Label).ToList(),
            [
                Series(comparison.A, 0, c => c.CountA, c => c.ShareA, question.A.Answered),
                Series(comparison.B, 1, c => c.CountB, c => c.ShareB, question.B.Answered),
            ]);
        }
        return null;
    }

    /// <summary>What the bars show, as the comparison page titles the chart.</summary>
    public static string Title(QuestionComparison question) =>
        Text.Get(question.Question.IsScaled ? "Compare.ChartTitle" : "Compare.ChoiceChartTitle");

    /// <summary>The question's number and text, and the matrix item's text when the comparison is of one item.</summary>
    public static string Heading(WaveComparison comparison, QuestionComparison question) =>
        $"{ResultsChart.Numbered(comparison.A.Survey, question.Question)}. {question.Question.Text}"
        + (question.ItemText is null ? "" : $" – {question.ItemText}");

    /// <summary>The test of the scale answers as the comparison page states it.</summary>
    public static string TestResult(WaveComparison comparison, ScaleTest test) =>
        test.Test == ComparisonTest.WilcoxonSignedRank
            ? Text.Format("Compare.Wilcoxon", test.Pairs, Format.Number(test.Statistic), Format.PValue(test.PValue), Text.Get($"Compare.Method.{test.Method}"),
                test.UnpairedA, comparison.A.Wave.WaveName, test.UnpairedB, comparison.B.Wave.WaveName)
            : Text.Format("Compare.MannWhitney", test.CountA, test.CountB, Format.Number(test.Statistic), Format.PValue(test.PValue), Text.Get($"Compare.Method.{test.Method}"));

    /// <summary>A download's name from survey, both waves, question and item, in letters, digits and hyphens only.</summary>
    public static string FileName(WaveComparison comparison, QuestionComparison question, string extension) =>
        string.Join("-", new[]
        {
            ResultsChart.Slug(comparison.A.Wave.SurveyTitle),
            ResultsChart.Slug(comparison.A.Wave.WaveName),
            ResultsChart.Slug(comparison.B.Wave.WaveName),
            ResultsChart.Slug(ResultsChart.Numbered(comparison.A.Survey, question.Question)),
            question.ItemCode is null ? "" : ResultsChart.Slug(question.ItemCode),
        }.Where(p => p.Length > 0)) + "." + extension;
}
