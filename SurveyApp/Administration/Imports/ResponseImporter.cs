using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Responding;
using SurveyApp.Storage;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Imports;

public sealed record ImportProblem(int Line, string Message)
{
    public override string ToString() => $"{Line}: {Message}";
}

public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Loads responses collected elsewhere into a wave: one CSV row per response, a column per question
/// (<c>key</c>; <c>key.N</c> for the N-th of a texts question; <c>key.item</c> for a matrix item;
/// multi codes separated by <c>|</c>), the participant by name. Every row passes the same answer
/// rules as the respondent pages; a file with any rejected row imports nothing.
/// </summary>
public sealed class ResponseImporter(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, AuditLog audit, TimeProvider clock)
{
    public const string ParticipantColumn = "participant";

    /// <summary>With an actor, the audit entry is stored in the same transaction; without one (seeding) nothing is recorded.</summary>
    public async Task<ImportResult> ImportAsync(int waveId, TextReader csv, CancellationToken cancellationToken = default,
        string? actor = null, string? fileName = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        var survey = await catalog.GetAsync(wave.SurveyId, cancellationToken) ?? throw new InvalidOperationException("The wave's survey is missing.");
        var participants = await db.Participants.AsNoTracking().ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        var answered = (await db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt != null)
            .Join(db.Invitations, r => r.InvitationId, i => i.Id, (r, i) => i.ParticipantId).ToListAsync(cancellationToken)).ToHashSet();

        var problems = new List<ImportProblem>();
        var rows = new List<(Participant Participant, AnswerSheet Sheet)>();
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!await reader.ReadAsync() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
        {
            return new ImportResult(0, [new ImportProblem(1, Text.Get("Import.NoHeader"))]);
        }
        var columns = MapColumns(header, survey, problems);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var line = reader.Parser.RawRow;
            if (CsvRowShape.Check(reader, header) is { } misshapen)
            {
                problems.Add(misshapen);
                continue;
            }
            var name = reader.GetField(ParticipantColumn) ?? "";
            if (!participants.TryGetValue(name, out var participant))
            {
                problems.Add(new ImportProblem(line, Text.Format("Import.UnknownParticipant", name)));
                continue;
            }
            if (!seen.Add(name) || answered.Contains(participant.Id))
            {
                problems.Add(new ImportProblem(line, Text.Format("Import.AlreadyAnswered", name)));
                continue;
            }
            var sheet = ReadRow(reader, columns, survey);
            foreach (var problem in AnswerRules.Check(survey.Questions, sheet, enforceRequired: true))
            {
                problems.Add(new ImportProblem(line, $"{problem.QuestionKey}: {Text.Get("Import.Problem." + problem.Kind)}"));
            }
            rows.Add((participant, sheet));
        }
        if (problems.Count > 0)
        {
            return new ImportResult(0, problems);
        }

        var now = clock.GetUtcNow();
        // A participant may hold several invitations; an imported response takes one nobody has used.
        var used = await db.Responses.Where(r => r.WaveId == waveId).Select(r => r.InvitationId).ToListAsync(cancellationToken);
        var invitations = (await db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null && !used.Contains(i.Id)).ToListAsync(cancellationToken))
            .GroupBy(i => i.ParticipantId).ToDictionary(g => g.Key, g => g.First());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (participant, sheet) in rows)
        {
            if (!invitations.TryGetValue(participant.Id, out var invitation))
            {
                // Answered elsewhere, so no link was sent: the invitation gets a token nobody holds.
                invitation = new Invitation { WaveId = waveId, ParticipantId = participant.Id, TokenHash = InvitationToken.Hash(InvitationToken.Generate()), CreatedAt = now };
                db.Invitations.Add(invitation);
            }
            var response = new Response { Invitation = invitation, WaveId = waveId, ParticipantId = participant.Id, StartedAt = now, UpdatedAt = now, SubmittedAt = now };
            response.Answers.AddRange(survey.Questions.SelectMany(q => AnswerRows.ToRows(q, sheet[q.Key]))
                .Select(a => { (a.WaveId, a.ParticipantId) = (waveId, participant.Id); return a; }));
            db.Responses.Add(response);
        }
        if (actor is not null)
        {
            audit.Add(db, actor, AuditActions.ResponsesImported, $"{waveId}", $"{fileName}; n={rows.Count}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(rows.Count, []);
    }

    private static Dictionary<string, (Question Question, string? Part)> MapColumns(string[] header, Survey survey, List<ImportProblem> problems)
    {
        var map = new Dictionary<string, (Question, string?)>(StringComparer.Ordinal);
        if (!header.Contains(ParticipantColumn))
        {
            problems.Add(new ImportProblem(1, Text.Format("Import.MissingColumn", ParticipantColumn)));
        }
        foreach (var column in header.Where(h => h != ParticipantColumn))
        {
            var dot = column.IndexOf('.');
            var key = dot < 0 ? column : column[..dot];
            var part = dot < 0 ? null : column[(dot + 1)..];
            var question = survey.FindQuestion(key);
            var fits = question is not null && (question.Kind switch
            {
                QuestionKind.Matrix => part is not null && question.Items.Any(i => i.Code == part),
                QuestionKind.Texts => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= question.MaxAnswers,
                _ => part is null,
            });
            if (!fits || !map.TryAdd(column, (question!, part)))
            {
                problems.Add(new ImportProblem(1, Text.Format("Import.UnknownColumn", column)));
            }
        }
        return map;
    }

    private static AnswerSheet ReadRow(CsvReader reader, Dictionary<string, (Question Question, string? Part)> columns, Survey survey)
    {
        var sheet = new AnswerSheet();
        foreach (var question in survey.Questions)
        {
            var cells = columns.Where(c => c.Value.Question == question)
                .Select(c => (c.Value.Part, Value: reader.GetField(c.Key) ?? ""))
                .Where(c => c.Value.Trim().Length > 0)
                .ToList();
            sheet.Set(question.Key, question.Kind switch
            {
                QuestionKind.Matrix => QuestionAnswer.Matrix(cells.ToDictionary(c => c.Part!, c => c.Value.Trim(), StringComparer.Ordinal)),
                QuestionKind.Texts => QuestionAnswer.Open(cells.OrderBy(c => int.Parse(c.Part!, CultureInfo.InvariantCulture)).Select(c => c.Value.Trim()).ToArray()),
                QuestionKind.Text => QuestionAnswer.Open(cells.Select(c => c.Value.Trim()).ToArray()),
                QuestionKind.Multi => QuestionAnswer.Choice(cells.SelectMany(c => c.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray()),
                _ => QuestionAnswer.Choice(cells.Select(c => c.Value.Trim()).ToArray()),
            });
        }
        return sheet;
    }
}
