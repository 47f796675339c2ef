using SurveyApp.Analysis;
using SurveyApp.Analysis.Charts;
using Shown = SurveyApp.Analysis.Components.Format;
using Texts = SurveyApp.Resources.Text;

namespace SurveyApp.Export;

/// <summary>
/// A wave's results (the view the results page shows, with its filter) as slides: a title slide with survey, wave,
/// response rate and filter, then one slide per question with its number and text, its chart as the downloads draw
/// it, its table of counts and percentages (or coded categories) and its base. A view too small to show gets one
/// slide that says so, with no numbers.
/// </summary>
public static class ResultsPresentation
{
    public static void Write(Stream output, WaveResults results, string? categoryName)
    {
        var title = TitleLines(results, categoryName);
        var slides = new List<Slide>();
        if (results.Suppressed)
        {
            slides.Add(new Slide(ExportTexts.Suppressed, null, 0, 0, null, [],
                [string.Format(System.Globalization.CultureInfo.CurrentCulture, ExportTexts.SuppressedText, results.MinGroupSize)]));
        }
        foreach (var question in results.Suppressed ? [] : results.Questions)
        {
            var heading = QuestionSheetTexts.Title(results.Survey.NumberOf(question.Question), question.Question.Text);
            using var chart = ResultsChart.Drawing(question)?.Draw(ChartTexts.LegendOnly, ChartLayout.Slide);
            var table = QuestionTable.For(question);
            slides.Add(new Slide(heading, chart?.ToPng(), chart?.Width ?? 0, chart?.Height ?? 0, table?.Header, table?.Rows ?? [], SlideNotes(question)));
        }
        SlideDeck.Write(output, Texts.Get("Export.Report.Language"), title, slides);
    }

    /// <summary>What a report or slides open with: survey, wave, response rate and the filter in force.</summary>
    public static IReadOnlyList<string> TitleLines(WaveResults results, string? categoryName) =>
    [
        results.Wave.SurveyTitle,
        results.Wave.WaveName,
        Texts.Format("Results.Rate", results.Wave.Submitted, results.Wave.Invited, Shown.Percent(results.Wave.ResponseRate)),
        FilterText.Describe(results.Filter, categoryName) is { } filter ? $"{ExportTexts.Filters}: {filter}" : ExportTexts.NoFilters,
    ];

    // A single scale's median and top share follow its notes, as the page gives them under its distribution. A matrix's,
    // one per statement, would crowd its chart off the slide; the Word report has them. An open question not yet coded
    // has no chart, so the chart's title is left out.
    private static IReadOnlyList<string> SlideNotes(QuestionResults question) =>
        question.Distributions is [{ ItemText: null } only] && ScaleText.Describe(question.Question, only) is { } scale
            ? [.. Notes(question), scale]
            : IsUncoded(question) ? Notes(question).Skip(1).ToList() : Notes(question);

    private static bool IsUncoded(QuestionResults question) => !question.Question.IsChoice && question.Categories.Count == 0;

    /// <summary>What the chart shows, its base, and the note under it, as the page writes them.</summary>
    public static IReadOnlyList<string> Notes(QuestionResults question)
    {
        var answered = question.Question.IsChoice ? question.Main.Answered : question.TextAnswers;
        // A matrix's statements each have their own base, which its table gives.
        var @base = question.Question.Kind == SurveyApp.Domain.QuestionKind.Matrix
            ? Texts.Get("Results.MatrixBase")
            : Texts.Format("Results.Base", answered, question.Main.Skipped);
        // An open question nobody has coded yet has no chart or table; where its answers are is said instead.
        var uncoded = IsUncoded(question) ? Texts.Format("Export.Report.NotCoded", Texts.Get("Export.OpenAnswersSheet")) : null;
        return new[] { ResultsChart.Title(question), @base, ResultsChart.Note(question), uncoded }.OfType<string>().ToList();
    }
}
