namespace SurveyApp.Domain;

public sealed record QuestionAnswer
{
    public static readonly QuestionAnswer Empty = new();

    /// <summary>Chosen codes: one for likert and single, any number for multi.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>Matrix answers: item code → chosen code.</summary>
    public IReadOnlyDictionary<string, string> ItemCodes { get; init; } = new Dictionary<string, string>();

    /// <summary>Open answers: one for text, up to the question's limit for texts; blanks are dropped.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    public bool IsEmpty => Codes.Count == 0 && ItemCodes.Count == 0 && Texts.Count == 0;

    public static QuestionAnswer Choice(params string[] codes) => new() { Codes = codes };

    public static QuestionAnswer Matrix(IReadOnlyDictionary<string, string> items) => new() { ItemCodes = items };

    public static QuestionAnswer Open(params string[] texts) => new() { Texts = texts };
}

public sealed class AnswerSheet
{
    private readonly Dictionary<string, QuestionAnswer> _answers = new(StringComparer.Ordinal);

    public QuestionAnswer this[string questionKey] =>
        _answers.TryGetValue(questionKey, out var answer) ? answer : QuestionAnswer.Empty;

    public IReadOnlyDictionary<string, QuestionAnswer> All => _answers;

    public AnswerSheet Copy()
    {
        var copy = new AnswerSheet();
        foreach (var (key, answer) in _answers)
        {
            copy._answers[key] = answer;
        }
        return copy;
    }

    public void Set(string questionKey, QuestionAnswer answer)
    {
        if (answer.IsEmpty)
        {
            _answers.Remove(questionKey);
        }
        else
        {
            _answers[questionKey] = answer;
        }
    }
}
