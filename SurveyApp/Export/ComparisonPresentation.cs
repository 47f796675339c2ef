using SurveyApp.Analysis;
using SurveyApp.Analysis.Charts;
using Shown = SurveyApp.Analysis.Components.Format;
using Texts = SurveyApp.Resources.Text;

namespace SurveyApp.Export;

/// <summary>
/// A comparison of two waves as slides, as the comparison page shows it: a title slide with both waves and their
/// numbers of responses, then one slide per question (a matrix per statement) with both waves' bars, the table of
/// counts, shares and change in percentage points, its bases and the test of the scale answers.
/// </summary>
public static class ComparisonPresentation
{
    public static void Write(Stream output, WaveComparison comparison)
    {
        var title = new List<string>
        {
            comparison.A.Wave.SurveyTitle,
            Texts.Get("Compare.Title"),
            Texts.Format("Compare.Lead", comparison.A.Wave.WaveName, comparison.A.InView, comparison.B.Wave.WaveName, comparison.B.InView),
        };
        var slides = new List<Slide>();
        if (comparison.Suppressed)
        {
            slides.Add(new Slide(ExportTexts.Suppressed, null, 0, 0, null, [],
                [string.Format(System.Globalization.CultureInfo.CurrentCulture, ExportTexts.SuppressedText, comparison.A.MinGroupSize)]));
        }
        foreach (var question in comparison.Suppressed ? [] : comparison.Questions)
        {
            using var chart = ComparisonChart.Drawing(comparison, question)?.Draw(ChartTexts.LegendOnly, ChartLayout.Slide);
            var rows = question.Changes.Select(c => (IReadOnlyList<string>)[c.Label, $"{Shown.Percent(c.ShareA)} ({c.CountA})", $"{Shown.Percent(c.ShareB)} ({c.CountB})",
                Texts.Format("Compare.Points", Shown.Points(c.PercentagePoints))]).ToList();
            var notes = new List<string>
            {
                ComparisonChart.Title(question),
                Texts.Format(question.Question.IsScaled ? "Compare.Base" : "Compare.BaseChoice", question.A.Answered, question.B.Answered),
            };
            if (question.Test is { } test) notes.Add(ComparisonChart.TestResult(comparison, test));
            slides.Add(new Slide(ComparisonChart.Heading(comparison, question), chart?.ToPng(), chart?.Width ?? 0, chart?.Height ?? 0,
                [QuestionSheetTexts.Answer, comparison.A.Wave.WaveName, comparison.B.Wave.WaveName, Texts.Get("Compare.Change")], rows, notes));
        }
        SlideDeck.Write(output, Texts.Get("Export.Report.Language"), title, slides);
    }
}
