using SurveyApp.Domain;

namespace SurveyApp.Export;

public sealed class OpenAnswerRows(Survey survey, ILookup<long, string> categories)
{
    public static readonly WorksheetLayout Layout = new() { FreezeHeader = true, AutoFilter = true, ColumnWidths = [8, 14, 12, 50, 70, 40], Landscape = true, PrintTitleRows = 1 };

    private const int ColumnCount = 6;

    public static IReadOnlyList<string> Header =>
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, ExportTexts.CodebookQuestion, ExportTexts.CodebookQuestionText, ExportTexts.Answer, ExportTexts.Categories];

    private readonly Dictionary<int, (int Order, Question Question)> _open = survey.Questions
        .Select((q, order) => (Order: order, Question: q))
        .Where(q => !q.Question.IsChoice)
        .ToDictionary(q => q.Question.Id);

    /// <summary>
    /// A row per open answer of the response, in the survey's question order and each question's answer order. The
    /// same array is filled for each row: write it before asking for the next.
    /// </summary>
    public IEnumerable<XlsxCell[]> Rows(int number, ResponseExport.ResponseRow response)
    {
        List<Answer>? open = null;
        foreach (var answer in response.Answers)
        {
            if (answer.Text is not null && _open.ContainsKey(answer.QuestionId)) (open ??= []).Add(answer);
        }
        if (open is null) yield break;
        open.Sort((a, b) => _open[a.QuestionId].Order != _open[b.QuestionId].Order
            ? _open[a.QuestionId].Order.CompareTo(_open[b.QuestionId].Order)
            : a.Position.CompareTo(b.Position));
        var row = new XlsxCell[ColumnCount];
        foreach (var answer in open)
        {
            var question = _open[answer.QuestionId].Question;
            row[0] = XlsxCell.Of(number);
            row[1] = XlsxCell.Repeated(response.ParticipantType);
            row[2] = XlsxCell.Repeated(question.Key);
            row[3] = XlsxCell.Repeated(question.Text, XlsxStyle.Wrapped);
            row[4] = XlsxCell.String(answer.Text!, XlsxStyle.Wrapped);
            row[5] = categories.Contains(answer.Id)
                ? XlsxCell.Repeated(string.Join("; ", categories[answer.Id].Order(StringComparer.CurrentCulture)))
                : XlsxCell.Empty;
            yield return row;
        }
    }
}
