namespace SurveyApp.Domain;

public enum MessageKind { Invitation, Reminder }

/// <summary>Queued → Sending → Sent or Failed; Cancelled when there was no longer a reason to send (the link withdrawn, the survey answered).</summary>
public enum OutboxState { Queued, Sending, Sent, Failed, Cancelled }

/// <summary>
/// One e-mail to one invitee, kept in the database until it has been sent. The text with the personal link is
/// made at the moment of sending and never stored here.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public int WaveId { get; set; }
    public int InvitationId { get; set; }
    public Invitation? Invitation { get; set; }
    public MessageKind Kind { get; set; }
    public OutboxState State { get; set; }

    /// <summary>The addresses when the message was queued, separated by ";".</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Set when queued and kept when resent, so that a receiver can tell a repeated message from a new one.</summary>
    public required string MessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not sent before this time: the next try after a temporary failure waits.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The app process sending it, and until when the claim holds.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>The mail server's answer, or one of <see cref="OutboxErrors"/>.</summary>
    public string? Error { get; set; }
}

/// <summary>Reasons the app itself records; stored as they are and translated when shown.</summary>
public static class OutboxErrors
{
    public const string NoAddress = "no e-mail address";
    public const string InvalidAddress = "invalid e-mail address";
    public const string Interrupted = "interrupted; may or may not have been delivered";
    public const string NoLink = "no link stored for the invitation";
    public const string Revoked = "the link was withdrawn";
    public const string Answered = "already answered";

    public static readonly string[] All = [NoAddress, InvalidAddress, Interrupted, NoLink, Revoked, Answered];
}

/// <summary>An invitation or reminder text of a wave in one language; a wave without one uses the default text.</summary>
public class WaveMessageText
{
    public int Id { get; set; }
    public int WaveId { get; set; }
    public MessageKind Kind { get; set; }
    public string Language { get; set; } = MessageLanguages.Swedish;
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>When reminders go out: so many days before a wave closes. One row per wave.</summary>
public class ReminderSchedule
{
    public int WaveId { get; set; }

    /// <summary>Days before closing, largest first, written "7, 2".</summary>
    public string DaysBeforeClosing { get; set; } = "";
}

/// <summary>A scheduled reminder that has been queued; unique per wave and day, so that it is queued once whatever the number of app processes.</summary>
public class ReminderRun
{
    public int Id { get; set; }
    public int WaveId { get; set; }
    public int DaysBeforeClosing { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public int Count { get; set; }
}
