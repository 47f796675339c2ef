using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Storage;
using SurveyApp.Administration.Imports;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Participants;

/// <summary>Why a participant change was refused: a resource key for the message.</summary>
public enum ParticipantRefusal { None, NotFound, NameMissing, NameTooLong, TypeMissing, TypeTooLong, NameTaken }

/// <summary>
/// A deactivated participant keeps its invitations and answers but gets no new links. CSV imports keep
/// columns beyond <c>name</c> and <c>type</c> as attributes; a file with any wrong row imports nothing.
/// </summary>
public sealed class ParticipantAdministration(IDbContextFactory<SurveyDbContext> factory, AuditLog audit)
{
    public const int MaxNameLength = 200;
    public const int MaxTypeLength = 64;
    public const string NameColumn = "name";
    public const string TypeColumn = "type";

    /// <summary>The first problem with a name and a type, the name's before the type's.</summary>
    public static ParticipantRefusal Check(string? name, string? type) =>
        CheckName(name) is var refusal and not ParticipantRefusal.None ? refusal : CheckType(type);

    public static ParticipantRefusal CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? ParticipantRefusal.NameMissing
        : name.Trim().Length > MaxNameLength ? ParticipantRefusal.NameTooLong
        : ParticipantRefusal.None;

    public static ParticipantRefusal CheckType(string? type) =>
        string.IsNullOrWhiteSpace(type) ? ParticipantRefusal.TypeMissing
        : type.Trim().Length > MaxTypeLength ? ParticipantRefusal.TypeTooLong
        : ParticipantRefusal.None;

    public async Task<ParticipantRefusal> AddAsync(string actor, string? name, string? type, CancellationToken cancellationToken = default)
    {
        if (Check(name, type) is var refusal and not ParticipantRefusal.None) return refusal;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await NameTakenAsync(db, name!.Trim(), null, cancellationToken)) return ParticipantRefusal.NameTaken;
        // Saved before its entry, which names it by id; both in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var participant = new Participant { Name = name.Trim(), Type = type!.Trim() };
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.ParticipantAdded, participant.Id, participant.Name, participant.Type);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ParticipantRefusal.None;
    }

    public async Task<ParticipantRefusal> UpdateAsync(string actor, int id, string? name, string? type, CancellationToken cancellationToken = default)
    {
        if (Check(name, type) is var refusal and not ParticipantRefusal.None) return refusal;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Participants.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } participant) return ParticipantRefusal.NotFound;
        if (await NameTakenAsync(db, name!.Trim(), id, cancellationToken)) return ParticipantRefusal.NameTaken;
        var before = $"{participant.Name} ({participant.Type})";
        (participant.Name, participant.Type) = (name.Trim(), type!.Trim());
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

    /// <summary>
    /// Imports an uploaded file. It is read whole first (an upload from a page streams only asynchronously):
    /// UTF-8, a byte order mark allowed; another encoding's undecodable bytes become U+FFFD, refused as unreadable.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string actor, Stream upload, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return await ImportAsync(actor, reader, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(string actor, TextReader csv, CancellationToken cancellationToken = default)
    {
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!await reader.ReadAsync() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
        {
            return new ImportResult(0, [new ImportProblem(1, Text.Get("Import.NoHeader"))]);
        }
        var problems = new List<ImportProblem>();
        foreach (var column in new[] { NameColumn, TypeColumn }.Where(c => !header.Contains(c)))
        {
            problems.Add(new ImportProblem(1, Text.Format("Import.MissingColumn", column)));
        }
        if (problems.Count > 0) return new ImportResult(0, problems);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var taken = (await db.Participants.Select(p => p.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<Participant>();
        var extra = header.Where(h => h is not NameColumn and not TypeColumn && !string.IsNullOrWhiteSpace(h)).ToList();
        while (await reader.ReadAsync())
        {
            var line = reader.Parser.RawRow;
            if (CsvRowShape.Check(reader, header) is { } misshapen)
            {
                problems.Add(misshapen);
                continue;
            }
            var (name, type) = (reader.GetField(NameColumn)?.Trim(), reader.GetField(TypeColumn)?.Trim());
            var values = extra.ToDictionary(c => c, c => reader.GetField(c)?.Trim() ?? "", StringComparer.Ordinal);
            if (Check(name, type) is var refusal and not ParticipantRefusal.None)
            {
                problems.Add(new ImportProblem(line, Text.Get("Participants.Refusal." + refusal)));
            }
            else if (taken.Contains(name!) || !seen.Add(name!))
            {
                problems.Add(new ImportProblem(line, Text.Format("Participants.Import.Taken", name!)));
            }
            else if (values.Values.Append(name!).Append(type!).Any(Domain.AnswerRules.IsUnreadable))
            {
                problems.Add(new ImportProblem(line, Text.Get("Import.Problem.Unreadable")));
            }
            else
            {
                rows.Add(new Participant { Name = name!, Type = type!, Attributes = values.Where(v => v.Value.Length > 0).ToDictionary() });
            }
        }
        if (problems.Count > 0) return new ImportResult(0, problems);
        db.Participants.AddRange(rows);
        audit.Add(db, actor, AuditActions.ParticipantsImported, $"n={rows.Count}", extra.Count == 0 ? null : string.Join(", ", extra));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(rows.Count, []);
    }

    private static Task<bool> NameTakenAsync(SurveyDbContext db, string name, int? except, CancellationToken cancellationToken) =>
        db.Participants.AnyAsync(p => SwedishText.Folded(p.Name) == SwedishText.Fold(name) && p.Id != except, cancellationToken);
}
