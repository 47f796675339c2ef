namespace SurveyApp.Domain;

public enum ProblemKind
{
    Required,
    /// <summary>A code, item or field the question does not offer: never produced by the real form.</summary>
    NotOffered,
    TooMany,
    TooLong,
    NotShown,
    // An open answer with characters that are not text: the replacement character a broken encoding
    // (invalid UTF-8) leaves behind, or control characters other than tab and line breaks.
    Unreadable,
}

public sealed record AnswerProblem(string QuestionKey, ProblemKind Kind, int Limit = 0);

/// <summary>The rules every answer must follow, whether it comes from the respondent pages or an import.</summary>
public static class AnswerRules
{
    public static bool IsUnreadable(string text) =>
        text.Any(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')));

    public static bool IsShown(Question question, AnswerSheet sheet)
    {
        if (question.ConditionQuestionKey is null)
        {
            return true;
        }
        var source = sheet[question.ConditionQuestionKey];
        return source.Codes.Any(question.ConditionValues.Contains)
            || source.ItemCodes.Values.Any(question.ConditionValues.Contains);
    }

    public static IEnumerable<AnswerProblem> CheckValues(Question question, QuestionAnswer answer)
    {
        var key = question.Key;
        switch (question.Kind)
        {
            case QuestionKind.Likert or QuestionKind.Single:
                if (answer.ItemCodes.Count > 0 || answer.Texts.Count > 0) yield return new(key, ProblemKind.NotOffered);
                if (answer.Codes.Count > 1) yield return new(key, ProblemKind.TooMany, 1);
                if (!OffersAll(question, answer.Codes)) yield return new(key, ProblemKind.NotOffered);
                break;
            case QuestionKind.Multi:
                if (answer.ItemCodes.Count > 0 || answer.Texts.Count > 0) yield return new(key, ProblemKind.NotOffered);
                if (answer.Codes.Distinct().Count() != answer.Codes.Count) yield return new(key, ProblemKind.TooMany);
                if (!OffersAll(question, answer.Codes)) yield return new(key, ProblemKind.NotOffered);
                break;
            case QuestionKind.Matrix:
                if (answer.Codes.Count > 0 || answer.Texts.Count > 0) yield return new(key, ProblemKind.NotOffered);
                var items = question.Items.Select(i => i.Code).ToHashSet();
                if (!answer.ItemCodes.Keys.All(items.Contains) || !OffersAll(question, answer.ItemCodes.Values))
                {
                    yield return new(key, ProblemKind.NotOffered);
                }
                break;
            case QuestionKind.Text or QuestionKind.Texts:
                if (answer.Codes.Count > 0 || answer.ItemCodes.Count > 0) yield return new(key, ProblemKind.NotOffered);
                var most = question.Kind == QuestionKind.Text ? 1 : question.MaxAnswers;
                if (answer.Texts.Count > most) yield return new(key, ProblemKind.TooMany, most);
                if (answer.Texts.Any(t => t.Length > question.MaxLength)) yield return new(key, ProblemKind.TooLong, question.MaxLength);
                if (answer.Texts.Any(IsUnreadable)) yield return new(key, ProblemKind.Unreadable);
                break;
        }
    }

    public static bool IsMissing(Question question, QuestionAnswer answer) =>
        question.Required && (question.Kind == QuestionKind.Matrix
            ? question.Items.Any(i => !answer.ItemCodes.ContainsKey(i.Code))
            : answer.IsEmpty);

    public static IReadOnlyList<AnswerProblem> Check(IEnumerable<Question> questions, AnswerSheet sheet, bool enforceRequired)
    {
        var problems = new List<AnswerProblem>();
        foreach (var question in questions)
        {
            var answer = sheet[question.Key];
            if (!IsShown(question, sheet))
            {
                if (!answer.IsEmpty) problems.Add(new(question.Key, ProblemKind.NotShown));
                continue;
            }
            problems.AddRange(CheckValues(question, answer));
            if (enforceRequired && IsMissing(question, answer))
            {
                problems.Add(new(question.Key, ProblemKind.Required));
            }
        }
        return problems;
    }

    private static bool OffersAll(Question question, IEnumerable<string> codes)
    {
        var offered = question.Choices().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return codes.All(offered.Contains);
    }
}
