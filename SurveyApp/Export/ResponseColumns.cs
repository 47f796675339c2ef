using System.Globalization;
using SurveyApp.Domain;

namespace SurveyApp.Export;

/// <summary>Headers as the response import reads them: <c>key</c>, <c>key.item</c>, <c>key.N</c>.</summary>
public sealed record ResponseColumn(string Header, Question Question, QuestionItem? Item, int? TextNumber);

public sealed class ResponseColumns
{
    public const string MultiSeparator = "|";
    public const string LabelSeparator = "; ";

    private readonly Dictionary<int, Question> _questions = [];
    private readonly Dictionary<(int QuestionId, int? ItemId), int> _firstColumn = [];
    private readonly Dictionary<int, Dictionary<string, string>> _labels = [];

    private ResponseColumns(IReadOnlyList<ResponseColumn> columns)
    {
        Columns = columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            _questions[column.Question.Id] = column.Question;
            _firstColumn.TryAdd((column.Question.Id, column.Item?.Id), i);
            if (column.Question.IsChoice && !_labels.ContainsKey(column.Question.Id))
            {
                _labels[column.Question.Id] = column.Question.Choices()
                    .GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<ResponseColumn> Columns { get; }

    public static ResponseColumns For(Survey survey) => new(survey.Questions.SelectMany(ColumnsOf).ToList());

    private static IEnumerable<ResponseColumn> ColumnsOf(Question question) => question.Kind switch
    {
        QuestionKind.Matrix => question.Items.OrderBy(i => i.Position).Select(i => new ResponseColumn($"{question.Key}.{i.Code}", question, i, null)),
        QuestionKind.Texts => Enumerable.Range(1, Math.Max(1, question.MaxAnswers))
            .Select(n => new ResponseColumn(string.Create(CultureInfo.InvariantCulture, $"{question.Key}.{n}"), question, null, n)),
        _ => [new ResponseColumn(question.Key, question, null, null)],
    };

    // Null where unanswered. Multi answers are joined in the order given; open answers are the same with labels.
    public string?[] Values(IEnumerable<Answer> answers, bool labels)
    {
        var (codes, named) = Fill(answers, withLabels: labels);
        return labels ? named! : codes;
    }

    public (string?[] Codes, string?[] Labels) CodesAndLabels(IEnumerable<Answer> answers)
    {
        var (codes, labels) = Fill(answers, withLabels: true);
        return (codes, labels!);
    }

    private (string?[] Codes, string?[]? Labels) Fill(IEnumerable<Answer> answers, bool withLabels)
    {
        var codes = new string?[Columns.Count];
        var labels = withLabels ? new string?[Columns.Count] : null;
        foreach (var group in answers.GroupBy(a => a.QuestionId))
        {
            if (!_questions.TryGetValue(group.Key, out var question)) continue;
            var ordered = group.OrderBy(a => a.Position).ToList();
            switch (question.Kind)
            {
                case QuestionKind.Matrix:
                    foreach (var answer in ordered.Where(a => a.ItemId is not null && a.Code is not null))
                    {
                        if (_firstColumn.TryGetValue((question.Id, answer.ItemId), out var column))
                        {
                            codes[column] = answer.Code;
                            if (labels is not null) labels[column] = Label(question, answer.Code!);
                        }
                    }
                    break;
                case QuestionKind.Text or QuestionKind.Texts:
                    var first = _firstColumn[(question.Id, null)];
                    var texts = ordered.Where(a => a.Text is not null).Select(a => a.Text!).ToList();
                    var room = question.Kind == QuestionKind.Text ? 1 : Math.Max(1, question.MaxAnswers);
                    for (var i = 0; i < texts.Count && i < room; i++)
                    {
                        codes[first + i] = texts[i];
                        if (labels is not null) labels[first + i] = texts[i];
                    }
                    break;
                default:
                    var chosen = ordered.Where(a => a.ItemId is null && a.Code is not null).Select(a => a.Code!).ToList();
                    if (chosen.Count > 0)
                    {
                        var column = _firstColumn[(question.Id, null)];
                        codes[column] = chosen.Count == 1 ? chosen[0] : string.Join(MultiSeparator, chosen);
                        if (labels is not null) labels[column] = string.Join(LabelSeparator, chosen.Select(c => Label(question, c)));
                    }
                    break;
            }
        }
        return (codes, labels);
    }

    private string Label(Question question, string code) =>
        _labels.TryGetValue(question.Id, out var byCode) && byCode.TryGetValue(code, out var label) ? label : code;

    // As a number, so that exports can write scale steps as numbers to be summed and sorted.
    public static int? NumericCode(Question question, string? value) =>
        question.IsChoice && value is not null
        && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
        && code.ToString(CultureInfo.InvariantCulture) == value
            ? code
            : null;
}
