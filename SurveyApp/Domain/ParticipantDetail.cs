namespace SurveyApp.Domain;

/// <summary>
/// One of a participant's further details (<see cref="Participant.Attributes"/>) as a row the database can group by:
/// read from the participant's JSON object by each engine's own JSON functions, never stored twice.
/// </summary>
public sealed class ParticipantDetail
{
    public int ParticipantId { get; set; }
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}
