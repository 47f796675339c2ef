using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Surveys;

/// <summary><see cref="RefusedWhileOpen"/>: a structural edit while a wave of the survey is open with links out.</summary>
public enum SurveySaveOutcome { Saved, SavedAsNewVersion, Invalid, Refused, NotFound, RefusedWhileOpen, ChangedMeanwhile }

/// <summary><see cref="Changes"/>: the structural changes that refused the save, or those a successful save made.</summary>
public sealed record SurveySaveResult(SurveySaveOutcome Outcome, int? SurveyId, IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<SurveyChange> Changes);

public sealed record EditableSurvey(int Id, SurveyDefinition Definition, bool HasResponses, int Version, int? PreviousVersionId)
{
    // A hash of the definition the editor opened: a save based on an older state is refused rather than undoing
    // what someone else saved meanwhile.
    public string Stamp { get; init; } = SurveyEditing.StampOf(Definition);
}

public sealed record SurveyListing(int Id, string Title, string Key, int Version, int Waves);

/// <summary>
/// Once any wave of a survey has a response, an edit in place may only reword it (<see cref="SurveyChanges"/>);
/// a structural edit is refused, or stored as a new version beside the old survey, whose waves and answers
/// stay with what they answered.
/// </summary>
public sealed class SurveyEditing(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, AuditLog audit, TimeProvider clock)
{
    private const int MaxDetailsLength = 2000;

    public async Task<IReadOnlyList<SurveyListing>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Surveys.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new SurveyListing(s.Id, s.Title, s.Key, s.Version, db.Waves.Count(w => w.SurveyId == s.Id))).ToListAsync(ct);
    }

    public async Task<EditableSurvey?> LoadAsync(int surveyId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindAsync(db.Surveys.AsNoTrackingWithIdentityResolution(), surveyId, ct) is not { } survey)
        {
            return null;
        }
        return new EditableSurvey(survey.Id, SurveyDefinitionMapper.ToDefinition(survey), await HasResponsesAsync(db, surveyId, ct),
            survey.Version, survey.PreviousVersionId);
    }

    public async Task<SurveySaveResult> CreateAsync(string actor, SurveyDefinition definition, CancellationToken ct = default)
    {
        var (copy, problems) = Check(definition);
        if (copy is null) return Invalid(problems);
        var survey = SurveyDefinitionMapper.ToSurvey(copy, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (KeyTaken(await SurveysAsync(db, ct), copy.Key!, null) is { } taken) return Invalid([taken]);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditActions.SurveyCreated, Subject(survey));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SurveySaveResult(SurveySaveOutcome.Saved, survey.Id, [], []);
    }

    /// <summary>Refused, storing nothing, when the edit is structural and any wave of the survey has a response, submitted or not.</summary>
    public async Task<SurveySaveResult> SaveAsync(string actor, int surveyId, SurveyDefinition definition, string? basedOn = null, CancellationToken ct = default)
    {
        var (copy, problems) = Check(definition);
        if (copy is null) return Invalid(problems);
        var edited = SurveyDefinitionMapper.ToSurvey(copy, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        // SQLite takes the write lock here, so no response can arrive between the check below and the save.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await FindAsync(db.Surveys, surveyId, ct) is not { } stored)
        {
            return new SurveySaveResult(SurveySaveOutcome.NotFound, null, [], []);
        }
        var storedDefinition = SurveyDefinitionMapper.ToDefinition(stored);
        if (basedOn is not null && basedOn != StampOf(storedDefinition))
        {
            return new SurveySaveResult(SurveySaveOutcome.ChangedMeanwhile, surveyId, [], []);
        }
        if (KeyTaken(await SurveysAsync(db, ct), copy.Key!, surveyId) is { } taken) return Invalid([taken]);
        var changes = SurveyChanges.Structural(storedDefinition, copy);
        if (changes.Count > 0 && await HasResponsesAsync(db, surveyId, ct))
        {
            return new SurveySaveResult(SurveySaveOutcome.Refused, surveyId, [], changes);
        }
        if (changes.Count > 0 && await LinksOutAsync(db, surveyId, clock.GetUtcNow(), ct))
        {
            return new SurveySaveResult(SurveySaveOutcome.RefusedWhileOpen, surveyId, [], changes);
        }
        SurveyUpdate.Apply(db, stored, edited);
        audit.Add(db, actor, AuditActions.SurveyEdited, Subject(stored), Details(changes));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        catalog.Forget(surveyId);
        return new SurveySaveResult(SurveySaveOutcome.Saved, surveyId, [], changes);
    }

    public async Task<SurveySaveResult> SaveAsNewVersionAsync(string actor, int surveyId, SurveyDefinition definition, CancellationToken ct = default)
    {
        var (copy, problems) = Check(definition);
        if (copy is null) return Invalid(problems);
        var survey = SurveyDefinitionMapper.ToSurvey(copy, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await FindAsync(db.Surveys.AsNoTrackingWithIdentityResolution(), surveyId, ct) is not { } previous)
        {
            return new SurveySaveResult(SurveySaveOutcome.NotFound, null, [], []);
        }
        var surveys = await SurveysAsync(db, ct);
        if (KeyTaken(surveys, copy.Key!, surveyId) is { } taken) return Invalid([taken]);
        var series = Survey.Series(surveys.Select(s => (s.Id, s.PreviousVersionId)));
        survey.Version = surveys.Where(s => series[s.Id] == series[surveyId]).Max(s => s.Version) + 1;
        survey.PreviousVersionId = surveyId;
        var changes = SurveyChanges.Structural(SurveyDefinitionMapper.ToDefinition(previous), copy);

        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        var details = string.Create(CultureInfo.InvariantCulture, $"v{survey.Version} ← {Subject(previous)} v{previous.Version}");
        audit.Add(db, actor, AuditActions.SurveyVersioned, Subject(survey), Details(changes) is { } what ? $"{details}: {what}" : details);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SurveySaveResult(SurveySaveOutcome.SavedAsNewVersion, survey.Id, [], changes);
    }

    // A private copy, since the definition stays the caller's to change. The copy goes through the JSON form,
    // so its paths are those of the definition given.
    private static (SurveyDefinition? Copy, IReadOnlyList<DefinitionProblem> Problems) Check(SurveyDefinition definition)
    {
        var copy = JsonSerializer.Deserialize<SurveyDefinition>(JsonSerializer.SerializeToUtf8Bytes(definition, SurveyDefinitionReader.Options),
            SurveyDefinitionReader.Options)!;
        var problems = SurveyDefinitionValidator.Validate(copy);
        return (problems.Count == 0 ? copy : null, problems);
    }

    public static string StampOf(SurveyDefinition definition) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SurveyDefinitionReader.Write(definition))));

    private sealed record StoredVersion(int Id, int? PreviousVersionId, int Version, string Key);

    private static Task<List<StoredVersion>> SurveysAsync(SurveyDbContext db, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Select(s => new StoredVersion(s.Id, s.PreviousVersionId, s.Version, s.Key)).ToListAsync(ct);

    // A survey's key names it in files and exports, so only the versions of one survey share a key.
    private static DefinitionProblem? KeyTaken(IReadOnlyList<StoredVersion> surveys, string key, int? surveyId)
    {
        var series = Survey.Series(surveys.Select(s => (s.Id, s.PreviousVersionId)));
        int? own = surveyId is { } id && series.TryGetValue(id, out var first) ? first : null;
        return surveys.Any(s => s.Key == key && series[s.Id] != own) ? new DefinitionProblem("key", "KeyTaken", key) : null;
    }

    private static SurveySaveResult Invalid(IReadOnlyList<DefinitionProblem> problems) => new(SurveySaveOutcome.Invalid, null, problems, []);

    private static Task<Survey?> FindAsync(IQueryable<Survey> surveys, int surveyId, CancellationToken ct) =>
        SurveyCatalog.LoadAsync(surveys, surveyId, ct);

    // While a wave takes answers and has links out, a respondent may be on a page of the survey as it is, and
    // a structural change would meet that page's answers.
    private static async Task<bool> LinksOutAsync(SurveyDbContext db, int surveyId, DateTimeOffset now, CancellationToken ct)
    {
        var waves = await db.Waves.AsNoTracking()
            .Where(w => w.SurveyId == surveyId && db.Invitations.Any(i => i.WaveId == w.Id && i.RevokedAt == null))
            .ToListAsync(ct);
        return waves.Any(w => w.AcceptsAnswers(now));
    }

    private static Task<bool> HasResponsesAsync(SurveyDbContext db, int surveyId, CancellationToken ct) =>
        db.Responses.AnyAsync(r => db.Waves.Any(w => w.Id == r.WaveId && w.SurveyId == surveyId), ct);

    private static string Subject(Survey survey) => $"{survey.Title} ({survey.Id})";

    // In a form that reads the same in every language, e.g. "QuestionRemoved f3; OptionAdded f1 kanske".
    private static string? Details(IReadOnlyList<SurveyChange> changes)
    {
        if (changes.Count == 0) return null;
        var text = string.Join("; ", changes.Select(c =>
            string.Join(' ', c.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Prepend(c.Code))));
        return text.Length <= MaxDetailsLength ? text : text[..(MaxDetailsLength - 1)] + "…";
    }
}
