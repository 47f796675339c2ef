using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Participants;

/// <summary>Why an erasure was refused: <c>Participants.Erase.Refusal.*</c> is the message.</summary>
public enum ErasureRefusal { None, NotFound }

/// <summary>What erasing a participant would remove, shown before the administrator confirms.</summary>
public sealed record ErasureScope(int ParticipantId, string Name, int Responses, int Waves, int Invitations);

/// <summary>What an erasure removed; all zero when it was refused.</summary>
public sealed record ErasureResult(ErasureRefusal Refusal, int Responses, int Answers, int Invitations)
{
    public static readonly ErasureResult NotFound = new(ErasureRefusal.NotFound, 0, 0, 0);
}

/// <summary>
/// Erases one participant's data on request, in every wave and for good: its responses with their answers and
/// the answers' coding, its invitations, the participant itself, and its name in earlier audit entries about it.
/// Results are computed from the database, so they no longer count it; exports made before are files outside the
/// app and are not touched. One audit entry records the erasure by participant id and counts, never by name.
/// Everything happens in one transaction: an erasure that fails changes nothing.
/// </summary>
public sealed class ParticipantErasure(IDbContextFactory<SurveyDbContext> factory, AuditLog audit)
{
    /// <summary>The subject that stands for an erased participant in the audit log, in place of its name.</summary>
    public static string Subject(int participantId) => "#" + participantId.ToString(CultureInfo.InvariantCulture);

    /// <summary>How much there is to erase, or null when the participant does not exist.</summary>
    public async Task<ErasureScope?> ScopeAsync(int participantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Participants.AsNoTracking().Where(p => p.Id == participantId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return null;
        }
        var responses = await ResponsesOf(db, participantId).Select(r => r.WaveId).ToListAsync(cancellationToken);
        var invitations = await InvitationsOf(db, participantId).CountAsync(cancellationToken);
        return new ErasureScope(participantId, name, responses.Count, responses.Distinct().Count(), invitations);
    }

    public async Task<ErasureResult> EraseAsync(string actor, int participantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Whether the participant exists is told by deleting it, last: of two erasures at once only one deletes it,
        // and the other's transaction, which found nothing to erase, is rolled back as a refusal.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var responses = ResponsesOf(db, participantId);
        var answers = db.Answers.Where(a => responses.Any(r => r.Id == a.ResponseId));
        // The database would cascade these two; deleting them by set first keeps the work explicit and cheap.
        await db.AnswerCategories.Where(c => answers.Any(a => a.Id == c.AnswerId)).ExecuteDeleteAsync(cancellationToken);
        var erasedAnswers = await answers.ExecuteDeleteAsync(cancellationToken);
        var erasedResponses = await responses.ExecuteDeleteAsync(cancellationToken);
        var erasedMessages = await EraseMessagesAsync(db, participantId, cancellationToken);
        var erasedInvitations = await InvitationsOf(db, participantId).ExecuteDeleteAsync(cancellationToken);
        await ScrubAuditAsync(db, participantId, cancellationToken);
        if (await db.Participants.Where(p => p.Id == participantId).ExecuteDeleteAsync(cancellationToken) == 0) return ErasureResult.NotFound;

        audit.Add(db, actor, AuditActions.ParticipantErased, participantId, Subject(participantId),
            string.Create(CultureInfo.InvariantCulture, $"responses={erasedResponses}; answers={erasedAnswers}; invitations={erasedInvitations}; messages={erasedMessages}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureResult(ErasureRefusal.None, erasedResponses, erasedAnswers, erasedInvitations);
    }

    // A response belongs to the participant directly and through its invitation; both are asked, so none is left
    // behind to block deleting the invitation.
    private static IQueryable<Response> ResponsesOf(SurveyDbContext db, int participantId) =>
        db.Responses.Where(r => r.ParticipantId == participantId || db.Invitations.Any(i => i.Id == r.InvitationId && i.ParticipantId == participantId));

    private static IQueryable<Invitation> InvitationsOf(SurveyDbContext db, int participantId) =>
        db.Invitations.Where(i => i.ParticipantId == participantId);

    /// <summary>
    /// The one place where messages sent to the participant (e-mail sent or waiting to be sent for its invitations:
    /// the outbox holds their recipients and state, never their text) are erased, before its invitations.
    /// </summary>
    private static Task<int> EraseMessagesAsync(SurveyDbContext db, int participantId, CancellationToken cancellationToken) =>
        db.Outbox.Where(m => InvitationsOf(db, participantId).Select(i => i.Id).Contains(m.InvitationId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Earlier entries about the participant keep when, who and what, but lose its name and the details (old names,
    /// its type). Only entries that carry the participant's id are found: a name alone does not tell reliably which
    /// participant an entry was about (names change and are used again), see docs/privacy.md.
    /// </summary>
    private static Task<int> ScrubAuditAsync(SurveyDbContext db, int participantId, CancellationToken cancellationToken) =>
        db.AuditLog.Where(e => e.ParticipantId == participantId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Subject, Subject(participantId)).SetProperty(e => e.Details, (string?)null), cancellationToken);
}
