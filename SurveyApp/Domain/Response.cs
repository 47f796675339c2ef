namespace SurveyApp.Domain;

/// <summary>At most one per invitation, submitted once.</summary>
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

// A choice is a Code, with a Value for scale steps only; an open answer is a Text. Multi and texts
// answers keep their order in Position.
public class Answer
{
    public long Id { get; set; }
    public int ResponseId { get; set; }

    // Repeated from the response so that a wave's distributions, filtered or not, read one covering index range.
    public int WaveId { get; set; }
    public int ParticipantId { get; set; }
    public int QuestionId { get; set; }
    public int? ItemId { get; set; }
    public string? Code { get; set; }
    public int? Value { get; set; }
    public string? Text { get; set; }
    public int Position { get; set; }
}
