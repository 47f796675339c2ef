namespace SurveyApp.Domain;

/// <summary>The answers given through one invitation; at most one per invitation, submitted once.</summary>
public class Response
{
    public int Id { get; set; }
    public int InvitationId { get; set; }
    public Invitation? Invitation { get; set; }
    public int WaveId { get; set; }

    /// <summary>The invitation's participant, repeated here so that filters by participant need no join.</summary>
    public int ParticipantId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The page (section position) the link resumes at; the number of sections means the review page.</summary>
    public int ResumePosition { get; set; }

    public List<Answer> Answers { get; set; } = [];
}

/// <summary>
/// One stored answer value. A choice is a <see cref="Code"/> (with <see cref="Value"/> for scale steps,
/// null for off-scale codes); an open answer is a <see cref="Text"/>. Matrix answers name their item;
/// multi and texts answers keep their order in <see cref="Position"/>.
/// </summary>
public class Answer
{
    public long Id { get; set; }
    public int ResponseId { get; set; }

    /// <summary>The response's wave and participant, repeated here so that a wave's distributions, filtered
    /// or not, are read from one covering index range.</summary>
    public int WaveId { get; set; }
    public int ParticipantId { get; set; }
    public int QuestionId { get; set; }
    public int? ItemId { get; set; }
    public string? Code { get; set; }
    public int? Value { get; set; }
    public string? Text { get; set; }
    public int Position { get; set; }
}
