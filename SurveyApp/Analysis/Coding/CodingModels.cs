namespace SurveyApp.Analysis.Coding;

/// <summary>
/// One open question of one wave as the coding page shows it: the answers that match the search
/// (all of them without one) and the question's categories with their counts in the wave.
/// </summary>
public sealed record OpenAnswerPage(
    int WaveId,
    string WaveName,
    int QuestionId,
    string QuestionKey,
    string QuestionText,
    int Responded,
    int TotalAnswers,
    string? Search,
    IReadOnlyList<OpenAnswer> Answers,
    IReadOnlyList<CategoryCount> Categories)
{
    /// <summary>The question's number in its survey, as reports cite it.</summary>
    public int QuestionNumber { get; init; }

    /// <summary>The survey's title, for downloads that must say where their figures come from.</summary>
    public string SurveyTitle { get; init; } = "";
}

/// <summary>
/// One open answer. <see cref="Number"/> is its place among all the question's answers in the wave,
/// so it stays the same while a search narrows the list. Respondents are shown by type, never by name.
/// </summary>
/// <summary>An open answer; <see cref="ParticipantType"/> is null when the type is too rare to show.</summary>
public sealed record OpenAnswer(long Id, int Number, string Text, string? ParticipantType, IReadOnlyList<int> CategoryIds);

/// <summary>The outcome of a change to categories or codings; a failure carries the key of its message.</summary>
public sealed record CodingResult(bool Succeeded, string? ErrorKey = null, int? CategoryId = null)
{
    public static CodingResult Ok(int? categoryId = null) => new(true, null, categoryId);

    public static CodingResult Fail(string errorKey) => new(false, errorKey);
}

/// <summary>Message keys of the ways a coding change can be refused.</summary>
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

/// <summary>An analyst ticking or unticking one category of one answer.</summary>
public sealed record CodingChange(long AnswerId, int CategoryId, bool Coded);
