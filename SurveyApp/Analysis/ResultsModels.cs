using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;

namespace SurveyApp.Analysis;

/// <summary>
/// A view of a wave: the responses of participants in <see cref="Groups"/> of one dimension (their type when
/// <see cref="Detail"/> is null, else the value of that further detail; none named means all), and of those
/// the ones coded with <see cref="CategoryId"/>. One dimension at a time (docs/privacy.md).
/// </summary>
public sealed record ResultsFilter(IReadOnlyList<string> Groups, int? CategoryId, string? Detail = null)
{
    public static readonly ResultsFilter None = new([], null);

    public bool IsActive => Groups.Count > 0 || CategoryId is not null;

    /// <summary>From the address: <c>typ</c> names types; <c>uppgift</c> names a detail and then <c>grupp</c> its values.</summary>
    public static ResultsFilter FromQuery(string[]? types, string? detail, string[]? groups, int? category) =>
        string.IsNullOrEmpty(detail) ? new(types ?? [], category) : new(groups ?? [], category, detail);
}

/// <summary>A dimension the filter offers, with its groups among the wave's invitees and those too small to choose.</summary>
public sealed record FilterDimension(string? Detail, IReadOnlyList<string> Groups, IReadOnlySet<string> Hidden);

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

/// <summary>
/// What is known of a view before its figures are counted: the wave, its survey, how many responses are in view and
/// whether the view may be shown at all (<see cref="WaveResultsQuery.DecideAsync"/>). Carries no figure of any answer.
/// </summary>
public sealed record ViewDecision(WaveSummary Wave, Survey Survey, ResultsFilter Filter, int MinGroupSize, int InView, bool Suppressed)
{
    /// <inheritdoc cref="WaveResults.RowsShown"/>
    public bool RowsShown => WaveResults.ShowsRows(Suppressed, Filter);
}

/// <summary>When <see cref="Suppressed"/>, carries no numbers at all.</summary>
public sealed record WaveResults(
    WaveSummary Wave,
    Survey Survey,
    ResultsFilter Filter,
    int MinGroupSize,
    int InView,
    bool Suppressed,
    IReadOnlyList<QuestionResults> Questions)
{
    /// <summary>
    /// Whether the view's responses may be read row by row (the CSV, the workbook's response sheets). Not for a view
    /// divided by a further detail (län, say): its rows, matched by their answers with the same rows in the whole
    /// wave's export, which names each row's type, would show the answers of a detail's group within a type,
    /// however small (docs/privacy.md). Its counts and charts are shown as for any view.
    /// </summary>
    public bool RowsShown => ShowsRows(Suppressed, Filter);

    internal static bool ShowsRows(bool suppressed, ResultsFilter filter) => !suppressed && filter.Detail is null;
}

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
