using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Imports;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Participants;

/// <summary>Why a participant or list change was refused: a resource key for the message.</summary>
public enum ParticipantRefusal
{
    None, NotFound, NameMissing, NameTooLong, TypeMissing, TypeTooLong, NameTaken, CodeTooLong, CodeTaken,
    ListNotFound, ListNameMissing, ListNameTooLong, ListNameTaken, SurveyNotFound, NameTwiceInFile, CodeTwiceInFile,
    EmailInvalid, EmailTooLong, LanguageUnknown,
}

/// <summary>
/// Participant lists and their participants. A list belongs to a survey series; names and codes are unique within a
/// list, compared as Swedish text (case and accents of any letter folded alike). A deactivated participant keeps its
/// invitations and answers but gets no new links. An import (CSV or the first sheet of an .xlsx workbook) keeps
/// columns beyond code, name and type as attributes; a file with any wrong row imports nothing.
/// </summary>
public sealed class ParticipantAdministration(IDbContextFactory<SurveyDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxTypeLength = 64;
    public const int MaxCodeLength = 64;
    public const string NameColumn = "name";
    public const string TypeColumn = "type";
    public const string CodeColumn = "code";

    // A file may name its columns in English or in Swedish.
    private static readonly string[] NameColumns = [NameColumn, "namn"];
    private static readonly string[] TypeColumns = [TypeColumn, "typ"];
    private static readonly string[] CodeColumns = [CodeColumn, "kod"];
    private static readonly string[] EmailColumns = ["email", "e-post", "epost"];
    private static readonly string[] LanguageColumns = ["language", "språk"];

    // A language may be written as its code or its name, in Swedish or English.
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sv"] = MessageLanguages.Swedish, ["svenska"] = MessageLanguages.Swedish, ["swedish"] = MessageLanguages.Swedish,
        ["en"] = MessageLanguages.English, ["engelska"] = MessageLanguages.English, ["english"] = MessageLanguages.English,
    };

    /// <summary>One or more addresses separated by ";" or ","; none is allowed.</summary>
    public static ParticipantRefusal CheckEmail(string? email) => ParticipantContacts.Check(email).Refusal switch
    {
        ContactRefusal.TooLong => ParticipantRefusal.EmailTooLong,
        ContactRefusal.None => ParticipantRefusal.None,
        _ => ParticipantRefusal.EmailInvalid,
    };

    public static ParticipantRefusal CheckLanguage(string? language) =>
        language is null || ParticipantContacts.CheckLanguage(language) == ContactRefusal.None ? ParticipantRefusal.None : ParticipantRefusal.LanguageUnknown;

    /// <summary>The first problem with a name, a type and a code, in that order.</summary>
    public static ParticipantRefusal Check(string? name, string? type, string? code = null) =>
        CheckName(name) is var refusal and not ParticipantRefusal.None ? refusal
        : CheckType(type) is var typeRefusal and not ParticipantRefusal.None ? typeRefusal
        : CheckCode(code);

    public static ParticipantRefusal CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? ParticipantRefusal.NameMissing
        : name.Trim().Length > MaxNameLength ? ParticipantRefusal.NameTooLong
        : ParticipantRefusal.None;

    public static ParticipantRefusal CheckType(string? type) =>
        string.IsNullOrWhiteSpace(type) ? ParticipantRefusal.TypeMissing
        : type.Trim().Length > MaxTypeLength ? ParticipantRefusal.TypeTooLong
        : ParticipantRefusal.None;

    public static ParticipantRefusal CheckCode(string? code) =>
        code?.Trim().Length > MaxCodeLength ? ParticipantRefusal.CodeTooLong : ParticipantRefusal.None;

    public static ParticipantRefusal CheckListName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? ParticipantRefusal.ListNameMissing
        : name.Trim().Length > MaxNameLength ? ParticipantRefusal.ListNameTooLong
        : ParticipantRefusal.None;

    /// <summary>A new, empty list of the survey's series.</summary>
    public async Task<(ParticipantRefusal Refusal, int? ListId)> CreateListAsync(string actor, int surveyId, string? name, CancellationToken cancellationToken = default)
    {
        if (CheckListName(name) is var refusal and not ParticipantRefusal.None) return (refusal, null);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Surveys.AnyAsync(s => s.Id == surveyId, cancellationToken)) return (ParticipantRefusal.SurveyNotFound, null);
        var series = await ParticipantScope.SeriesOfAsync(db, surveyId, cancellationToken);
        var trimmed = name!.Trim();
        if (await ListNameTakenAsync(db, series, trimmed, null, cancellationToken)) return (ParticipantRefusal.ListNameTaken, null);
        // Saved before its entry, which names it by id; both in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var list = new ParticipantList { SurveyId = series, Name = trimmed, CreatedAt = clock.GetUtcNow() };
        db.ParticipantLists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.ParticipantListCreated, $"{list.Name} ({list.Id})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ParticipantRefusal.None, list.Id);
    }

    public async Task<ParticipantRefusal> RenameListAsync(string actor, int listId, string? name, CancellationToken cancellationToken = default)
    {
        if (CheckListName(name) is var refusal and not ParticipantRefusal.None) return refusal;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.ParticipantLists.SingleOrDefaultAsync(l => l.Id == listId, cancellationToken) is not { } list) return ParticipantRefusal.ListNotFound;
        var trimmed = name!.Trim();
        if (await ListNameTakenAsync(db, list.SurveyId, trimmed, listId, cancellationToken)) return ParticipantRefusal.ListNameTaken;
        var before = list.Name;
        list.Name = trimmed;
        audit.Add(db, actor, AuditActions.ParticipantListRenamed, $"{list.Name} ({list.Id})", $"{before} → {list.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return ParticipantRefusal.None;
    }

    public async Task<ParticipantRefusal> AddAsync(string actor, int listId, string? name, string? type, string? code = null, string? email = null,
        string? language = null, CancellationToken cancellationToken = default)
    {
        if (Check(name, type, code) is var refusal and not ParticipantRefusal.None) return refusal;
        if (CheckContacts(email, language) is var contactRefusal and not ParticipantRefusal.None) return contactRefusal;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.ParticipantLists.AnyAsync(l => l.Id == listId, cancellationToken)) return ParticipantRefusal.ListNotFound;
        var participant = new Participant
        {
            ListId = listId, Name = name!.Trim(), Type = type!.Trim(), Code = Blank(code), Email = Blank(email), Language = language ?? MessageLanguages.Swedish,
        };
        if (await TakenAsync(db, participant, cancellationToken) is var taken and not ParticipantRefusal.None) return taken;
        // Saved before its entry, which names it by id; both in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.ParticipantAdded, participant.Id, participant.Name, participant.Type);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ParticipantRefusal.None;
    }

    /// <summary>Changes a participant; its e-mail addresses become <paramref name="email"/>, its language stays unless given.</summary>
    public async Task<ParticipantRefusal> UpdateAsync(string actor, int id, string? name, string? type, string? code = null, string? email = null,
        string? language = null, CancellationToken cancellationToken = default)
    {
        if (Check(name, type, code) is var refusal and not ParticipantRefusal.None) return refusal;
        if (CheckContacts(email, language) is var contactRefusal and not ParticipantRefusal.None) return contactRefusal;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Participants.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } participant) return ParticipantRefusal.NotFound;
        var before = $"{participant.Name} ({participant.Type})";
        (participant.Name, participant.Type, participant.Code, participant.Email) = (name!.Trim(), type!.Trim(), Blank(code), Blank(email));
        participant.Language = language ?? participant.Language;
        if (await TakenAsync(db, participant, cancellationToken) is var taken and not ParticipantRefusal.None) return taken;
        audit.Add(db, actor, AuditActions.ParticipantChanged, participant.Id, participant.Name, $"{before} → {participant.Name} ({participant.Type})");
        await db.SaveChangesAsync(cancellationToken);
        return ParticipantRefusal.None;
    }

    public async Task<ParticipantRefusal> SetActiveAsync(string actor, int id, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Participants.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } participant) return ParticipantRefusal.NotFound;
        if (participant.IsActive == active) return ParticipantRefusal.None;
        participant.IsActive = active;
        audit.Add(db, actor, active ? AuditActions.ParticipantReactivated : AuditActions.ParticipantDeactivated, participant.Id, participant.Name);
        await db.SaveChangesAsync(cancellationToken);
        return ParticipantRefusal.None;
    }

    /// <summary>Imports an uploaded file, CSV or .xlsx by its name and content, into a list.</summary>
    public async Task<ImportResult> ImportAsync(string actor, int listId, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        await ImportAsync(actor, listId, await ImportTable.ReadUploadAsync(fileName, content), cancellationToken);

    public async Task<ImportResult> ImportAsync(string actor, int listId, ImportTable table, CancellationToken cancellationToken = default)
    {
        if (table.Header is not { } header)
        {
            return new ImportResult(0, table.Problems.Count > 0 ? table.Problems : [new ImportProblem(1, Text.Get("Import.NoHeader"))]);
        }
        var problems = new List<ImportProblem>(table.Problems);
        var (name, type, code) = (Find(header, NameColumns), Find(header, TypeColumns), Find(header, CodeColumns));
        var (email, language) = (Find(header, EmailColumns), Find(header, LanguageColumns));
        foreach (var (_, accepted) in new[] { (name, NameColumns), (type, TypeColumns) }.Where(c => c.Item1 is null))
        {
            problems.Add(new ImportProblem(1, Text.Format("Import.MissingColumn", accepted[0])) { Column = accepted[0], Accepted = string.Join(", ", accepted) });
        }
        if (name is null || type is null) return new ImportResult(0, problems);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.ParticipantLists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            return new ImportResult(0, [new ImportProblem(0, Text.Get("Participants.Refusal.ListNotFound"))]);
        }
        // A row names a participant already in the list by its code, or else by its name: that participant is updated
        // (a list kept elsewhere is imported again as it grows); any other row adds one.
        var members = await db.Participants.Where(p => p.ListId == listId).ToListAsync(cancellationToken);
        var byCode = members.Where(m => m.Code is not null).ToDictionary(m => SwedishText.Fold(m.Code!), StringComparer.Ordinal);
        var byName = members.ToDictionary(m => SwedishText.Fold(m.Name), StringComparer.Ordinal);
        var extra = header.Select((h, i) => (Header: h.Trim(), Index: i))
            .Where(c => c.Index != name && c.Index != type && c.Index != code && c.Index != email && c.Index != language && c.Header.Length > 0).ToList();
        var (added, updated) = (new List<Participant>(), new HashSet<Participant>());
        var (namesInFile, codesInFile) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var row in table.Rows)
        {
            var (rowName, rowType, rowCode) = (row[name.Value].Trim(), row[type.Value].Trim(), code is { } at ? Blank(row[at]) : null);
            var attributes = extra.Where(c => row[c.Index].Trim().Length > 0).ToDictionary(c => c.Header, c => row[c.Index].Trim());
            var rowProblems = new List<ImportProblem>();
            Problem(rowProblems, row, header, name.Value, CheckName(rowName), "Participants.Accepted.Name");
            Problem(rowProblems, row, header, type.Value, CheckType(rowType), "Participants.Accepted.Type");
            if (code is { } codeAt)
            {
                Problem(rowProblems, row, header, codeAt, CheckCode(rowCode), "Participants.Accepted.Code");
            }
            var rowEmail = email is { } emailAt ? Blank(row[emailAt]) : null;
            if (email is { } emailColumn)
            {
                Problem(rowProblems, row, header, emailColumn, CheckEmail(rowEmail), "Participants.Accepted.Email");
            }
            string? rowLanguage = null;
            if (language is { } languageAt && Blank(row[languageAt]) is { } written && !LanguageNames.TryGetValue(written, out rowLanguage))
            {
                Problem(rowProblems, row, header, languageAt, ParticipantRefusal.LanguageUnknown, "Participants.Accepted.Language");
            }
            if (rowProblems.Count == 0 && attributes.Values.Append(rowName).Append(rowType).Append(rowCode ?? "").Any(AnswerRules.IsUnreadable))
            {
                rowProblems.Add(new ImportProblem(row.Line, Text.Get("Import.Problem.Unreadable")));
            }
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                continue;
            }
            var (foldedName, foldedCode) = (SwedishText.Fold(rowName), rowCode is null ? null : SwedishText.Fold(rowCode));
            if (!namesInFile.Add(foldedName))
            {
                Problem(problems, row, header, name.Value, ParticipantRefusal.NameTwiceInFile, "Participants.Accepted.OnceInFile");
                continue;
            }
            if (foldedCode is not null && !codesInFile.Add(foldedCode))
            {
                Problem(problems, row, header, code!.Value, ParticipantRefusal.CodeTwiceInFile, "Participants.Accepted.OnceInFile");
                continue;
            }
            var existing = (foldedCode is null ? null : byCode.GetValueOrDefault(foldedCode)) ?? byName.GetValueOrDefault(foldedName);
            // Another participant of the list already has the name, or the code, this row gives its own.
            if (byName.GetValueOrDefault(foldedName) is { } named && named != existing)
            {
                Problem(problems, row, header, name.Value, ParticipantRefusal.NameTaken, "Participants.Accepted.NewName");
                continue;
            }
            if (foldedCode is not null && byCode.GetValueOrDefault(foldedCode) is { } coded && coded != existing)
            {
                Problem(problems, row, header, code!.Value, ParticipantRefusal.CodeTaken, "Participants.Accepted.NewCode");
                continue;
            }
            // Found by its name, a participant with a code of its own is not given another: the row may mean someone else.
            if (existing?.Code is { } own && foldedCode is not null && SwedishText.Fold(own) != foldedCode)
            {
                problems.Add(new ImportProblem(row.Line, Text.Get("Participants.Refusal.CodeDiffers"))
                    { Column = header[code!.Value], Value = row[code.Value], Accepted = Text.Format("Participants.Accepted.OwnCode", own) });
                continue;
            }
            if (existing is null)
            {
                added.Add(new Participant
                {
                    ListId = listId, Name = rowName, Type = rowType, Code = rowCode, Attributes = attributes, Email = rowEmail,
                    Language = rowLanguage ?? MessageLanguages.Swedish,
                });
                continue;
            }
            (existing.Name, existing.Type, existing.Code) = (rowName, rowType, rowCode ?? existing.Code);
            // A file without the column, or an empty cell, leaves what is known.
            (existing.Email, existing.Language) = (rowEmail ?? existing.Email, rowLanguage ?? existing.Language);
            existing.Attributes = new Dictionary<string, string>(existing.Attributes.Concat(attributes).GroupBy(a => a.Key).Select(g => g.Last()));
            updated.Add(existing);
        }
        if (problems.Count > 0) return new ImportResult(0, problems.OrderBy(p => p.Line).ToList());
        db.Participants.AddRange(added);
        audit.Add(db, actor, AuditActions.ParticipantsImported, updated.Count == 0 ? $"n={added.Count}" : $"n={added.Count}, updated={updated.Count}", extra.Count == 0 ? null : string.Join(", ", extra.Select(c => c.Header)));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(added.Count, []) { Updated = updated.Count };
    }

    private static ParticipantRefusal CheckContacts(string? email, string? language) =>
        CheckEmail(email) is var refusal and not ParticipantRefusal.None ? refusal : CheckLanguage(language);

    private static void Problem(List<ImportProblem> problems, ImportRow row, IReadOnlyList<string> header, int column, ParticipantRefusal refusal, string accepted)
    {
        if (refusal == ParticipantRefusal.None) return;
        problems.Add(new ImportProblem(row.Line, Text.Get("Participants.Refusal." + refusal))
            { Column = header[column], Value = row[column], Accepted = Text.Get(accepted) });
    }

    private static int? Find(IReadOnlyList<string> header, string[] names) =>
        header.Select((h, i) => (h, i)).Where(c => names.Contains(c.h.Trim(), StringComparer.OrdinalIgnoreCase)).Select(c => (int?)c.i).FirstOrDefault();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<ParticipantRefusal> TakenAsync(SurveyDbContext db, Participant participant, CancellationToken cancellationToken)
    {
        var others = db.Participants.Where(p => p.ListId == participant.ListId && p.Id != participant.Id);
        var name = SwedishText.Fold(participant.Name);
        if (await others.AnyAsync(p => SwedishText.Folded(p.Name) == name, cancellationToken)) return ParticipantRefusal.NameTaken;
        if (participant.Code is { } code && await others.AnyAsync(p => p.Code != null && SwedishText.Folded(p.Code) == SwedishText.Fold(code), cancellationToken))
        {
            return ParticipantRefusal.CodeTaken;
        }
        return ParticipantRefusal.None;
    }

    private static Task<bool> ListNameTakenAsync(SurveyDbContext db, int? surveyId, string name, int? except, CancellationToken cancellationToken) =>
        db.ParticipantLists.AnyAsync(l => l.SurveyId == surveyId && l.Id != except && SwedishText.Folded(l.Name) == SwedishText.Fold(name), cancellationToken);
}
