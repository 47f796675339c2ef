namespace SurveyApp.Domain;

public class Wave
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    public required string Name { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }

    public bool AcceptsAnswers(DateTimeOffset now) =>
        !IsClosed && (OpensAt is null || OpensAt <= now) && (ClosesAt is null || now < ClosesAt);
}

/// <summary>
/// The organisations a survey is sent to, for example "Samlingens 20 organisationer" or a regional network's
/// members. A list belongs to a survey series (its first version), so every version's waves draw on it; its
/// participants' types and attributes are its own.
/// </summary>
public class ParticipantList
{
    public int Id { get; set; }

    /// <summary>The first version of the survey series; none only for lists kept from before lists belonged to surveys.</summary>
    public int? SurveyId { get; set; }

    public Survey? Survey { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An organisation invited to answer: a municipality, county council, region ...</summary>
public class Participant
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public ParticipantList? List { get; set; }

    /// <summary>The list's own identifier for the organisation (a municipality code, say); unique within the list when given.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }
    public required string Type { get; set; }

    /// <summary>A deactivated participant keeps its invitations and answers but gets no new links.</summary>
    public bool IsActive { get; set; } = true;

    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>Where invitations and reminders go: one or more addresses separated by ";" or ","; see <see cref="ParticipantContacts"/>.</summary>
    public string? Email { get; set; }

    /// <summary>The language of the messages the participant gets: "sv" or "en".</summary>
    public string Language { get; set; } = MessageLanguages.Swedish;
}

/// <summary>Only the SHA-256 hash of its token is stored.</summary>
public class Invitation
{
    public int Id { get; set; }
    public int WaveId { get; set; }
    public Wave? Wave { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>
    /// The token encrypted with the app's data-protection keys, so that a message can carry the link; null for
    /// invitations made before e-mail sending existed and for those made by a response import.
    /// </summary>
    public string? ProtectedToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
