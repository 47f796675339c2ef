using SurveyApp.Analysis;
using SurveyApp.Domain;
using Shown = SurveyApp.Analysis.Components.Format;

namespace SurveyApp.Export;

/// <summary>A question's figures as the rows of a table in a report or on a slide, formatted as the results page writes them.</summary>
public sealed record QuestionTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    // The question's counts and shares, as the results page's table: a choice question by answer (those outside
    // the scale last), a matrix by statement and step, an open question by its coded categories.
    public static QuestionTable? For(QuestionResults question)
    {
        var q = question.Question;
        var d = question.Main;
        if (q.Kind == QuestionKind.Matrix)
        {
            // Each statement has a base of its own: its answers on the scale, those outside it (such as "Vet ej") and
            // those who skipped it, as the results page gives them under each statement.
            var steps = d.Choices.Where(c => !c.IsOffScale).ToList();
            var offScale = d.Choices.Where(c => c.IsOffScale).ToList();
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            return new QuestionTable(
                [QuestionSheetTexts.Item, .. steps.Select(s => s.Label), QuestionSheetTexts.ScaleAnswers, .. offScale.Select(o => o.Label), QuestionSheetTexts.Skipped],
                question.Distributions.Select(item => (IReadOnlyList<string>)[item.ItemText ?? item.ItemCode ?? "",
                    .. steps.Select(s => Shown.Percent(item.ShareOfScale(CountOf(item, s)))),
                    item.ScaleCount.ToString(culture),
                    .. offScale.Select(o => CountOf(item, o).Count.ToString(culture)),
                    item.Skipped.ToString(culture)]).ToList());
        }
        if (q.IsChoice)
        {
            IReadOnlyList<string> header = q.IsScaled
                ? [QuestionSheetTexts.Answer, QuestionSheetTexts.Count, QuestionSheetTexts.ShareOfAnswered, QuestionSheetTexts.ShareOfScale]
                : [QuestionSheetTexts.Answer, QuestionSheetTexts.Count, QuestionSheetTexts.ShareOfAnswered];
            var rows = d.Choices.OrderBy(c => c.IsOffScale).Select(c => (IReadOnlyList<string>)[
                c.IsOffScale && q.IsScaled ? $"{c.Label} ({QuestionSheetTexts.OffScale.ToLower(System.Globalization.CultureInfo.CurrentCulture)})" : c.Label,
                c.Count.ToString(System.Globalization.CultureInfo.CurrentCulture),
                Shown.Percent(d.ShareOfAnswered(c)),
                .. q.IsScaled ? [c.IsOffScale ? "" : Shown.Percent(d.ShareOfScale(c))] : Array.Empty<string>()]).ToList();
            return new QuestionTable(header, rows);
        }
        if (question.Categories.Count == 0) return null;
        return new QuestionTable([ExportTexts.Categories, QuestionSheetTexts.Count, QuestionSheetTexts.ShareOfAnswered],
            question.Categories.Select(c => (IReadOnlyList<string>)[c.Name, c.Count.ToString(System.Globalization.CultureInfo.CurrentCulture),
                Shown.Percent((double)c.Count / Math.Max(1, question.TextAnswers))]).ToList());
    }

    private static ChoiceCount CountOf(Distribution item, ChoiceCount choice) =>
        item.Choices.FirstOrDefault(c => c.Code == choice.Code) ?? choice with { Count = 0 };
}
