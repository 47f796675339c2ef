namespace SurveyApp.Domain;

public class Question
{
    public const int DefaultMaxLength = 4000;

    public int Id { get; set; }
    public int SectionId { get; set; }
    public required string Key { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? HelpText { get; set; }
    public bool Required { get; set; }
    public int Position { get; set; }
    public int? ScaleId { get; set; }
    public Scale? Scale { get; set; }

    public int MaxLength { get; set; } = DefaultMaxLength;

    public int MaxAnswers { get; set; } = 1;

    public List<QuestionItem> Items { get; set; } = [];

    /// <summary>Options of single and multi questions; for likert and matrix, off-scale options of this question only.</summary>
    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>Key of an earlier question whose answer decides whether this one is shown.</summary>
    public string? ConditionQuestionKey { get; set; }

    public List<string> ConditionValues { get; set; } = [];

    public bool IsScaled => Kind is QuestionKind.Likert or QuestionKind.Matrix;

    public bool IsChoice => Kind is QuestionKind.Likert or QuestionKind.Matrix or QuestionKind.Single or QuestionKind.Multi;

    public IReadOnlyList<Choice> Choices()
    {
        if (!IsScaled)
        {
            return Options.OrderBy(o => o.Position).Select(o => new Choice(o.Code, o.Label, null, o.IsOffScale)).ToList();
        }
        var scale = Scale ?? throw new InvalidOperationException($"Question '{Key}' has no scale loaded.");
        return scale.Steps.OrderBy(s => s.Position).Select(s => new Choice(s.Code, s.Label, s.Value, false))
            .Concat(scale.OffScaleOptions.OrderBy(o => o.Position).Select(o => new Choice(o.Code, o.Label, null, true)))
            .Concat(Options.OrderBy(o => o.Position).Select(o => new Choice(o.Code, o.Label, null, true)))
            .ToList();
    }
}

/// <summary><see cref="Value"/> is set for scale steps only.</summary>
public sealed record Choice(string Code, string Label, int? Value, bool IsOffScale);

public class QuestionItem
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public int Position { get; set; }
}

public class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }
    public bool IsOffScale { get; set; }
    public int Position { get; set; }
}
