using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;

namespace SurveyApp.Analysis;

public sealed record ResultsFilter(IReadOnlyList<string> ParticipantTypes, int? CategoryId)
{
    public static readonly ResultsFilter None = new([], null);

    public bool IsActive => ParticipantTypes.Count > 0 || CategoryId is not null;
}

public sealed record WaveSummary(int WaveId, string WaveName, int SurveyId, string SurveyTitle, bool IsClosed, int Invited, int Submitted)
{
    /// <summary>The first version of the wave's survey: waves of one series compare.</summary>
    public int SeriesId { get; init; } = SurveyId;

    public double ResponseRate => Invited == 0 ? 0 : (double)Submitted / Invited;
}

public enum ParticipantStatus { NotStarted, Started, Submitted }

public sealed record ParticipantProgress(string Name, string Type, ParticipantStatus Status);

public sealed record ChoiceCount(string Code, string Label, int? Value, bool IsOffScale, int Count);

/// <summary>
/// <see cref="Answered"/> (responses in view that answered) is the base of the percentages; <see cref="Skipped"/>
/// those shown the question that did not; <see cref="NotShown"/> those its condition hid it from.
/// </summary>
public sealed record Distribution(
    string? ItemCode,
    string? ItemText,
    int Answered,
    int Skipped,
    int NotShown,
    IReadOnlyList<ChoiceCount> Choices,
    ScaleSummary? Scale)
{
    public int ScaleCount => Choices.Where(c => !c.IsOffScale).Sum(c => c.Count);

    public double ShareOfAnswered(ChoiceCount choice) => Answered == 0 ? 0 : (double)choice.Count / Answered;

    /// <summary>Share of the scale answers (valid n), the base of the diverging chart and scale statistics.</summary>
    public double ShareOfScale(ChoiceCount choice) => choice.IsOffScale || ScaleCount == 0 ? 0 : (double)choice.Count / ScaleCount;
}

public sealed record CategoryCount(int CategoryId, string Name, int Count);

public sealed record QuestionResults(Question Question, IReadOnlyList<Distribution> Distributions, IReadOnlyList<CategoryCount> Categories, int TextAnswers)
{
    public Distribution Main => Distributions[0];
}

/// <summary>When <see cref="Suppressed"/>, carries no numbers at all.</summary>
public sealed record WaveResults(
    WaveSummary Wave,
    Survey Survey,
    ResultsFilter Filter,
    int MinGroupSize,
    int InView,
    bool Suppressed,
    IReadOnlyList<QuestionResults> Questions);

/// <summary>Hidden segments carry no numbers.</summary>
public sealed record CrossTab(
    Question Question,
    string? ItemCode,
    IReadOnlyList<CrossTabColumn> Columns,
    CrossTabColumn Total,
    IReadOnlyList<Choice> Choices)
{
    public int ScaleCount(CrossTabColumn column) =>
        Choices.Where(c => !c.IsOffScale).Sum(c => column.Counts.GetValueOrDefault(c.Code));

    // On the same bases as a question's own table: a scale step as a share of the column's answers on the
    // scale, any other answer as a share of all in the column who answered the question.
    public double Share(CrossTabColumn column, Choice choice)
    {
        var count = column.Counts.GetValueOrDefault(choice.Code);
        var onScale = Question.IsScaled && !choice.IsOffScale;
        var total = onScale ? ScaleCount(column) : column.Answered;
        return total == 0 ? 0 : (double)count / total;
    }
}

public sealed record CrossTabColumn(string Segment, int Responses, bool Hidden, IReadOnlyDictionary<string, int> Counts, int Answered);
