namespace SurveyApp.Domain;

/// <summary>
/// Entries are only added, never changed, except that erasing a participant's data blanks the subject and details
/// of the entries about that participant; <see cref="Action"/> is one of <see cref="AuditActions"/>.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? Details { get; set; }

    /// <summary>
    /// The participant the entry is about, for entries about one participant (no foreign key: the entry outlives an
    /// erased participant). A name does not tell which participant an entry was about: names change and can be used again.
    /// </summary>
    public int? ParticipantId { get; set; }
}

/// <summary>The names are stable: they are stored, and translated when shown.</summary>
public static class AuditActions
{
    public const string StaffCreated = "staff.created";
    public const string StaffRoleChanged = "staff.role-changed";
    public const string StaffDeactivated = "staff.deactivated";
    public const string StaffReactivated = "staff.reactivated";
    public const string WorkbookExported = "export.workbook";
    public const string CsvExported = "export.csv";
    public const string ReportExported = "export.report";
    public const string PresentationExported = "export.presentation";
    public const string WaveCreated = "wave.created";
    public const string WaveClosed = "wave.closed";
    public const string WaveOpened = "wave.opened";
    public const string InvitationsIssued = "invitations.issued";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationReissued = "invitation.reissued";
    public const string ResponsesImported = "responses.imported";
    public const string SurveyImported = "survey.imported";
    public const string SurveyExported = "survey.exported";
    public const string SurveyCreated = "survey.created";
    public const string SurveyEdited = "survey.edited";
    public const string SurveyVersioned = "survey.versioned";
    public const string ParticipantAdded = "participant.added";
    public const string ParticipantChanged = "participant.changed";
    public const string ParticipantDeactivated = "participant.deactivated";
    public const string ParticipantReactivated = "participant.reactivated";
    public const string ParticipantsImported = "participants.imported";
    public const string ParticipantListCreated = "participantlist.created";
    public const string ParticipantListRenamed = "participantlist.renamed";
    public const string ParticipantErased = "participant.erased";
    public const string MailQueued = "mail.queued";
    public const string MailResent = "mail.resent";
    public const string MailTextsChanged = "mail.texts-changed";
    public const string MailScheduleChanged = "mail.schedule-changed";

    public static readonly string[] All =
    [
        StaffCreated, StaffRoleChanged, StaffDeactivated, StaffReactivated, WorkbookExported, CsvExported, ReportExported, PresentationExported,
        WaveCreated, WaveClosed, WaveOpened, InvitationsIssued, InvitationRevoked, InvitationReissued, ResponsesImported,
        SurveyImported, SurveyExported, SurveyCreated, SurveyEdited, SurveyVersioned, ParticipantAdded, ParticipantChanged,
        ParticipantDeactivated, ParticipantReactivated, ParticipantsImported, ParticipantListCreated, ParticipantListRenamed,
        ParticipantErased, MailQueued, MailResent, MailTextsChanged, MailScheduleChanged,
    ];
}
