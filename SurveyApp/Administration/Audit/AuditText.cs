using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Security;

namespace SurveyApp.Administration.Audit;

// Entries are stored in the app's own terms (action codes, role names), so that the log reads the same
// whatever language it was written in; they are put into the reader's language when shown.
public static partial class AuditText
{
    public static string Action(string action, IStringLocalizer<Strings> l) =>
        AuditActions.All.Contains(action) ? l["Audit.Action." + action] : action;

    public static string? Details(AuditEntry entry, IStringLocalizer<Strings> l) => entry switch
    {
        { Action: AuditActions.StaffCreated or AuditActions.StaffRoleChanged, Details: { } details } =>
            RoleName().Replace(details, m => l["Staff.Role." + m.Value]),
        { Action: AuditActions.ParticipantErased, Details: { } details } when ErasedCounts().Match(details) is { Success: true } counts =>
            l["Audit.Erased.Details", counts.Groups["responses"].Value, counts.Groups["answers"].Value, counts.Groups["invitations"].Value,
                counts.Groups["messages"].Value],
        _ => entry.Details,
    };

    [GeneratedRegex($@"\b({StaffRoles.Admin}|{StaffRoles.Analyst})\b")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^responses=(?<responses>\d+); answers=(?<answers>\d+); invitations=(?<invitations>\d+); messages=(?<messages>\d+)$")]
    private static partial Regex ErasedCounts();
}
