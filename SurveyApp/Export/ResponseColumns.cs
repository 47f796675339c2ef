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
    private readonly Dictionary<int, Dictionary<string, int?>> _numericCodes = [];

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
                _numericCodes[column.Question.Id] = _labels[column.Question.Id].Keys
                    .ToDictionary(c => c, c => NumericCode(column.Question, c), StringComparer.Ordinal);
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

    // Called once per response of an export: the answers are put in question and position order in a copy and
    // walked once, question by question, without a grouping or a list per question.
    private (string?[] Codes, string?[]? Labels) Fill(IEnumerable<Answer> answers, bool withLabels)
    {
        var codes = new string?[Columns.Count];
        var labels = withLabels ? new string?[Columns.Count] : null;
        var sorted = answers.ToArray();
        Array.Sort(sorted, InQuestionOrder);
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].QuestionId == sorted[start].QuestionId) end++;
            if (_questions.TryGetValue(sorted[start].QuestionId, out var question))
            {
                FillQuestion(question, sorted.AsSpan(start, end - start), codes, labels);
            }
            start = end;
        }
        return (codes, labels);
    }

    private static readonly Comparison<Answer> InQuestionOrder = (a, b) =>
        a.QuestionId != b.QuestionId ? a.QuestionId.CompareTo(b.QuestionId)
        : a.Position != b.Position ? a.Position.CompareTo(b.Position)
        : a.Id.CompareTo(b.Id);

    private void FillQuestion(Question question, ReadOnlySpan<Answer> answers, string?[] codes, string?[]? labels)
    {
        switch (question.Kind)
        {
            case QuestionKind.Matrix:
                foreach (var answer in answers)
                {
                    if (answer.ItemId is not null && answer.Code is { } code && _firstColumn.TryGetValue((question.Id, answer.ItemId), out var column))
                    {
                        codes[column] = code;
                        if (labels is not null) labels[column] = Label(question, code);
                    }
                }
                break;
            case QuestionKind.Text or QuestionKind.Texts:
                var first = _firstColumn[(question.Id, null)];
                var room = question.Kind == QuestionKind.Text ? 1 : Math.Max(1, question.MaxAnswers);
                var placed = 0;
                foreach (var answer in answers)
                {
                    if (answer.Text is not { } text || placed == room) continue;
                    codes[first + placed] = text;
                    if (labels is not null) labels[first + placed] = text;
                    placed++;
                }
                break;
            default:
                string? single = null;
                List<string>? several = null;
                foreach (var answer in answers)
                {
                    if (answer.ItemId is not null || answer.Code is not { } code) continue;
                    if (single is null) single = code;
                    else (several ??= [single]).Add(code);
                }
                if (single is null) break;
                var at = _firstColumn[(question.Id, null)];
                if (several is null)
                {
                    codes[at] = single;
                    if (labels is not null) labels[at] = Label(question, single);
                }
                else
                {
                    codes[at] = string.Join(MultiSeparator, several);
                    if (labels is not null) labels[at] = string.Join(LabelSeparator, several.Select(c => Label(question, c)));
                }
                break;
        }
    }

    private string Label(Question question, string code) =>
        _labels.TryGetValue(question.Id, out var byCode) && byCode.TryGetValue(code, out var label) ? label : code;

    /// <summary><see cref="NumericCode"/> of a column's value, looked up for the codes its question offers.</summary>
    public int? NumericCodeOf(int column, string? value)
    {
        var question = Columns[column].Question;
        if (!question.IsChoice || value is null) return null;
        return _numericCodes[question.Id].TryGetValue(value, out var code) ? code : NumericCode(question, value);
    }

    // As a number, so that exports can write scale steps as numbers to be summed and sorted.
    public static int? NumericCode(Question question, string? value) =>
        question.IsChoice && value is not null
        && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
        && code.ToString(CultureInfo.InvariantCulture) == value
            ? code
            : null;
}
