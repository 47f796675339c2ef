using Microsoft.Extensions.Primitives;
using SurveyApp.Domain;

namespace SurveyApp.Responding;

// Names and ids of the form fields the question components render, and the parser that reads
// them back. Both sides use this class, so a field the parser does not know was not rendered.
public static class AnswerFields
{
    public const string Prefix = "q.";

    public static string Name(Question question) => Prefix + question.Key;

    public static string ItemName(Question question, QuestionItem item) => $"{Prefix}{question.Key}.{item.Code}";

    public static string TextName(Question question, int number) => $"{Prefix}{question.Key}.{number}";

    public static string InputId(Question question, string code) => $"q-{question.Key}-{code}";

    public static string ItemInputId(Question question, QuestionItem item, string code) => $"q-{question.Key}-{item.Code}-{code}";

    public static string TextId(Question question) => $"q-{question.Key}";

    public static string TextsId(Question question, int number) => $"q-{question.Key}-{number}";

    public static string ErrorId(Question question) => $"q-{question.Key}-error";

    public static string HelpId(Question question) => $"q-{question.Key}-help";

    /// <summary>The id of the first input of a question, where an error link takes the keyboard.</summary>
    public static string FirstInputId(Question question) => question.Kind switch
    {
        QuestionKind.Text => TextId(question),
        QuestionKind.Texts => TextsId(question, 1),
        QuestionKind.Matrix => ItemInputId(question, question.Items.OrderBy(i => i.Position).First(), question.Choices()[0].Code),
        _ => InputId(question, question.Choices()[0].Code),
    };

    // Fields that belong to none of the questions are NotOffered: the page never renders such a field.
    public static (AnswerSheet Answers, IReadOnlyList<AnswerProblem> Problems) Parse(
        IEnumerable<Question> questions, IEnumerable<KeyValuePair<string, StringValues>> fields)
    {
        var posted = fields.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var sheet = new AnswerSheet();
        var problems = new List<AnswerProblem>();
        foreach (var question in questions)
        {
            sheet.Set(question.Key, Read(question, posted, problems));
        }
        foreach (var stray in posted.Keys)
        {
            var key = stray[Prefix.Length..].Split('.')[0];
            problems.Add(new AnswerProblem(key, ProblemKind.NotOffered));
        }
        return (sheet, problems);
    }

    private static QuestionAnswer Read(Question question, Dictionary<string, StringValues> posted, List<AnswerProblem> problems)
    {
        switch (question.Kind)
        {
            case QuestionKind.Matrix:
                var items = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var item in question.Items)
                {
                    var values = Take(posted, ItemName(question, item));
                    if (values.Count > 1) problems.Add(new AnswerProblem(question.Key, ProblemKind.TooMany, 1));
                    if (values.Count > 0) items[item.Code] = values[0];
                }
                return QuestionAnswer.Matrix(items);
            case QuestionKind.Text:
                var text = Take(posted, Name(question));
                if (text.Count > 1) problems.Add(new AnswerProblem(question.Key, ProblemKind.TooMany, 1));
                return QuestionAnswer.Open(text.Take(1).Select(Normalise).ToArray());
            case QuestionKind.Texts:
                var texts = new List<string>();
                for (var n = 1; n <= question.MaxAnswers; n++)
                {
                    var value = Take(posted, TextName(question, n));
                    if (value.Count > 1) problems.Add(new AnswerProblem(question.Key, ProblemKind.TooMany, question.MaxAnswers));
                    texts.AddRange(value.Take(1).Select(Normalise));
                }
                return QuestionAnswer.Open(texts.ToArray());
            default:
                return QuestionAnswer.Choice(Take(posted, Name(question)).ToArray());
        }
    }

    private static List<string> Take(Dictionary<string, StringValues> posted, string name)
    {
        if (!posted.Remove(name, out var values))
        {
            return [];
        }
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Trim();
}
