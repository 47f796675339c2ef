namespace SurveyApp.Analysis.Coding;

/// <summary>An open question of a wave with its category counts; its answers are read a page at a time (<see cref="OpenAnswersQuery"/>).</summary>
public sealed record OpenAnswerPage(
    int WaveId,
    string WaveName,
    int QuestionId,
    string QuestionKey,
    string QuestionText,
    int Responded,
    int TotalAnswers,
    IReadOnlyList<CategoryCount> Categories)
{
    public int QuestionNumber { get; init; }

    /// <summary>For downloads, which must say where their figures come from.</summary>
    public string SurveyTitle { get; init; } = "";
}

/// <summary>
/// <see cref="Number"/> is the answer's place among all the question's answers in the wave, so it stays
/// the same while a search, a filter or a sort changes the list. Respondents are shown by type, never by name;
/// <see cref="ParticipantType"/> is null when the type is too rare to show.
/// </summary>
public sealed record OpenAnswer(long Id, int Number, string Text, string? ParticipantType, IReadOnlyList<int> CategoryIds);

public sealed record CodingResult(bool Succeeded, string? ErrorKey = null, int? CategoryId = null)
{
    public static CodingResult Ok(int? categoryId = null) => new(true, null, categoryId);

    public static CodingResult Fail(string errorKey) => new(false, errorKey);
}

public static class CodingErrors
{
    public const string NameRequired = "Coding.Error.NameRequired";
    public const string NameTooLong = "Coding.Error.NameTooLong";
    public const string NameTaken = "Coding.Error.NameTaken";
    public const string QuestionNotFound = "Coding.Error.QuestionNotFound";
    public const string CategoryNotFound = "Coding.Error.CategoryNotFound";
    public const string AnswerNotFound = "Coding.Error.AnswerNotFound";
    public const string OtherQuestion = "Coding.Error.OtherQuestion";
    public const string SameCategory = "Coding.Error.SameCategory";
    public const string ChooseMergeTarget = "Coding.Error.ChooseMergeTarget";
}

public sealed record CodingChange(long AnswerId, int CategoryId, bool Coded);
