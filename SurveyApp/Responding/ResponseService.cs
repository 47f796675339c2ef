using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Responding;

public enum LinkState
{
    Open,
    /// <summary>Unknown, revoked or already submitted: deliberately one state, so a link's fate cannot be probed.</summary>
    Unusable,
    Closed,
}

public sealed record RespondentSession(
    int InvitationId,
    int ParticipantId,
    int? ResponseId,
    Survey Survey,
    Wave Wave,
    string ParticipantName,
    AnswerSheet Answers,
    int ResumePosition)
{
    public bool HasStarted => ResponseId is not null;

    public IReadOnlyList<Section> Sections => Survey.Sections;

    public IEnumerable<Question> ShownQuestions(Section section) =>
        section.Questions.Where(q => AnswerRules.IsShown(q, Answers));
}

public sealed record OpenResult(LinkState State, RespondentSession? Session);

public enum SaveOutcome { Saved, Rejected, Unusable }

// Saved may still carry problems: required questions left blank are reported, but what was answered is kept.
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<AnswerProblem> Problems)
{
    public bool CanMoveOn => Outcome == SaveOutcome.Saved && Problems.Count == 0;
}

public enum SubmitOutcome { Submitted, Incomplete, Unusable }

public sealed record SubmitResult(SubmitOutcome Outcome, IReadOnlyList<AnswerProblem> Problems);

public sealed class ResponseService(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, TimeProvider clock)
{
    private sealed record FoundLink(int Id, int ParticipantId, Wave Wave, string ParticipantName,
        int? ResponseId, DateTimeOffset? SubmittedAt, int? ResumePosition);

    // Every respondent request runs these two, so they are compiled once. The response is a left join
    // on the unique index of Responses.InvitationId: a subquery with SingleOrDefault would rank every
    // response in the database on each request.
    private static readonly Func<SurveyDbContext, string, CancellationToken, Task<FoundLink?>> FindLinkAsync =
        EF.CompileAsyncQuery((SurveyDbContext db, string hash, CancellationToken cancellationToken) => (
            from i in db.Invitations.AsNoTracking()
            where i.TokenHash == hash && i.RevokedAt == null
            from r in db.Responses.Where(r => r.InvitationId == i.Id).DefaultIfEmpty()
            select new FoundLink(i.Id, i.ParticipantId, i.Wave!, i.Participant!.Name,
                r == null ? null : r.Id, r == null ? null : r.SubmittedAt, r == null ? null : r.ResumePosition))
            .SingleOrDefault());

    private static readonly Func<SurveyDbContext, int, IAsyncEnumerable<Answer>> SavedAnswers =
        EF.CompileAsyncQuery((SurveyDbContext db, int responseId) => db.Answers.AsNoTracking().Where(a => a.ResponseId == responseId));

    public static readonly TimeSpan RepeatedSubmitWindow = TimeSpan.FromMinutes(10);

    public async Task<bool> IsRespondentLinkAsync(string token, bool submitting, CancellationToken cancellationToken = default)
    {
        if (!InvitationToken.IsWellFormed(token)) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindLinkAsync(db, InvitationToken.Hash(token), cancellationToken);
        return found is not null && (found.SubmittedAt is null || (submitting && JustSubmitted(found.SubmittedAt.Value)));
    }

    // A second press of "Skicka in" (a double click, or a post that raced the first) gets the thank-you
    // page, not "this link cannot be used". Only the link's own review form asks, so it tells nothing to
    // someone without the link.
    public async Task<bool> WasJustSubmittedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!InvitationToken.IsWellFormed(token)) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindLinkAsync(db, InvitationToken.Hash(token), cancellationToken);
        return found?.SubmittedAt is { } submittedAt && JustSubmitted(submittedAt);
    }

    private bool JustSubmitted(DateTimeOffset submittedAt) => clock.GetUtcNow() - submittedAt < RepeatedSubmitWindow;

    public async Task<OpenResult> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!InvitationToken.IsWellFormed(token))
        {
            return new OpenResult(LinkState.Unusable, null);
        }
        var hash = InvitationToken.Hash(token);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindLinkAsync(db, hash, cancellationToken);
        if (found is null || found.SubmittedAt is not null)
        {
            return new OpenResult(LinkState.Unusable, null);
        }
        if (!found.Wave.AcceptsAnswers(clock.GetUtcNow()))
        {
            return new OpenResult(LinkState.Closed, null);
        }
        var survey = await catalog.GetAsync(found.Wave.SurveyId, cancellationToken)
            ?? throw new InvalidOperationException($"Wave {found.Wave.Id} refers to a missing survey.");
        var answers = new AnswerSheet();
        if (found.ResponseId is { } responseId)
        {
            var rows = new List<Answer>();
            await foreach (var row in SavedAnswers(db, responseId).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }
            answers = AnswerRows.ToSheet(survey, rows);
        }
        var session = new RespondentSession(found.Id, found.ParticipantId, found.ResponseId, survey, found.Wave, found.ParticipantName,
            answers, found.ResumePosition ?? 0);
        return new OpenResult(LinkState.Open, session);
    }

    // For a session the same request opened. An answer the page does not offer rejects the whole page;
    // blank required questions are reported, but the rest is saved.
    public async Task<SaveResult> SavePageAsync(RespondentSession session, int sectionPosition, AnswerSheet pageAnswers,
        IReadOnlyList<AnswerProblem> formProblems, int resumePosition, CancellationToken cancellationToken = default)
    {
        if (sectionPosition < 0 || sectionPosition >= session.Sections.Count)
        {
            return new SaveResult(SaveOutcome.Rejected, [new AnswerProblem("", ProblemKind.NotOffered)]);
        }
        // Conditions only look at earlier pages, so what is shown here does not depend on this page's
        // answers. Answers to hidden questions stay stored until submission decides their fate.
        var shown = session.ShownQuestions(session.Sections[sectionPosition]).ToList();
        var merged = session.Answers.Copy();
        foreach (var question in shown)
        {
            merged.Set(question.Key, pageAnswers[question.Key]);
        }
        var problems = formProblems.Concat(AnswerRules.Check(shown, merged, enforceRequired: true)).ToList();
        if (problems.Any(p => p.Kind != ProblemKind.Required))
        {
            return new SaveResult(SaveOutcome.Rejected, problems);
        }

        var rows = shown.SelectMany(q => AnswerRows.ToRows(q, merged[q.Key])).ToList();
        var questionIds = shown.Select(q => q.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A response is started with its first page: both are stored, or neither.
        var responseId = session.ResponseId ?? await StartResponseAsync(db, session, cancellationToken);
        // The guard and the write are one transaction: a page saved after the response was
        // submitted (another tab, a late retry) changes nothing.
        var open = await db.Responses
            .Where(r => r.Id == responseId && r.SubmittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.ResumePosition, Math.Clamp(resumePosition, 0, session.Sections.Count)), cancellationToken);
        if (open == 0)
        {
            return new SaveResult(SaveOutcome.Unusable, []);
        }
        await db.Answers.Where(a => a.ResponseId == responseId && questionIds.Contains(a.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        rows.ForEach(r => (r.ResponseId, r.WaveId, r.ParticipantId) = (responseId, session.Wave.Id, session.ParticipantId));
        db.Answers.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Saved, problems);
    }

    // Two submits racing from two tabs cannot both succeed: the database marks the response submitted
    // only if it was not already.
    public async Task<SubmitResult> SubmitAsync(RespondentSession session, CancellationToken cancellationToken = default)
    {
        var problems = AnswerRules.Check(session.Survey.Questions, session.Answers, enforceRequired: true);
        if (problems.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Incomplete, problems);
        }
        var hidden = session.Survey.Questions.Where(q => !AnswerRules.IsShown(q, session.Answers)).Select(q => q.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var responseId = session.ResponseId ?? await StartResponseAsync(db, session, cancellationToken);
        var submitted = await db.Responses
            .Where(r => r.Id == responseId && r.SubmittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SubmittedAt, now).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (submitted == 0)
        {
            return new SubmitResult(SubmitOutcome.Unusable, []);
        }
        // Answers to questions a later change of mind hid are not part of what was submitted.
        await db.Answers.Where(a => a.ResponseId == responseId && hidden.Contains(a.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmitResult(SubmitOutcome.Submitted, []);
    }

    private async Task<int> StartResponseAsync(SurveyDbContext db, RespondentSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var response = new Response { InvitationId = session.InvitationId, WaveId = session.Wave.Id, ParticipantId = session.ParticipantId, StartedAt = now, UpdatedAt = now };
        db.Responses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response.Id;
        }
        catch (DbUpdateException)
        {
            // Another request started it first; the unique index on the invitation kept them to one. Inside
            // the caller's transaction EF Core rolled back to the savepoint it took before saving, so the
            // transaction goes on (PostgreSQL would otherwise refuse every further statement in it).
            db.ChangeTracker.Clear();
            return await db.Responses.Where(r => r.InvitationId == session.InvitationId).Select(r => r.Id).SingleAsync(cancellationToken);
        }
    }
}
