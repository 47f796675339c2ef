using SurveyApp.Domain;

namespace SurveyApp.Export;

public sealed class OpenAnswerRows(Survey survey, ILookup<long, string> categories)
{
    public static readonly WorksheetLayout Layout = new() { FreezeHeader = true, AutoFilter = true, ColumnWidths = [8, 14, 12, 50, 70, 40], Landscape = true, PrintTitleRows = 1 };

    public static IReadOnlyList<string> Header =>
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, ExportTexts.CodebookQuestion, ExportTexts.CodebookQuestionText, ExportTexts.Answer, ExportTexts.Categories];

    private readonly Dictionary<int, (int Order, Question Question)> _open = survey.Questions
        .Select((q, order) => (Order: order, Question: q))
        .Where(q => !q.Question.IsChoice)
        .ToDictionary(q => q.Question.Id);

    public IEnumerable<XlsxCell[]> Rows(int number, ResponseExport.ResponseRow response)
    {
        var open = response.Answers
            .Where(a => a.Text is not null && _open.ContainsKey(a.QuestionId))
            .OrderBy(a => _open[a.QuestionId].Order).ThenBy(a => a.Position);
        foreach (var answer in open)
        {
            var question = _open[answer.QuestionId].Question;
            yield return
            [
                XlsxCell.Of(number),
                XlsxCell.Repeated(response.ParticipantType),
                XlsxCell.Repeated(question.Key),
                XlsxCell.Repeated(question.Text, XlsxStyle.Wrapped),
                XlsxCell.String(answer.Text!, XlsxStyle.Wrapped),
                categories.Contains(answer.Id) ? XlsxCell.Repeated(string.Join("; ", categories[answer.Id].Order(StringComparer.CurrentCulture))) : XlsxCell.Empty,
            ];
        }
    }
}
