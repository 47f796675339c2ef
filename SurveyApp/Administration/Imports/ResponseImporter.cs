using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Responding;
using SurveyApp.Storage;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Imports;

/// <summary>
/// What is wrong, where: the line (0 for the whole file), and for a value the column it stands in, the question
/// (<c>key</c>, or <c>key.item</c> for a matrix item), the value found and the values the column accepts.
/// </summary>
public sealed record ImportProblem(int Line, string Message)
{
    public string? Column { get; init; }
    public string? Question { get; init; }
    public string? Value { get; init; }
    public string? Accepted { get; init; }

    public override string ToString() =>
        string.Join(" | ", new[] { $"{Line}", Column, Question, Message, Value is null ? null : $"'{Value}'", Accepted }.Where(s => s is not null));
}

public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Rows that changed what was there rather than adding to it (participants already in their list).</summary>
    public int Updated { get; init; }

    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Loads responses collected elsewhere into a wave: one row per response (a CSV file or the first sheet of a workbook),
/// the participant by name (case and spacing aside), a column per question: <c>key</c>; <c>key.N</c> for the N-th of
/// a texts question; <c>key.item</c> or <c>key.item text</c> for a matrix item. A choice is its code or its label
/// (several for a multi question, separated by <c>|</c> or <c>;</c>). Every row passes the same answer rules as the
/// respondent pages; every problem of the file is listed, and a file with any problem imports nothing. A participant
/// not yet invited to the wave gets an invitation (with a token nobody holds), so the wave counts them as invited.
/// </summary>
public sealed class ResponseImporter(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, AuditLog audit, TimeProvider clock)
{
    public const string ParticipantColumn = "participant";

    /// <summary>The participant column may also carry its Swedish name.</summary>
    private static readonly string[] ParticipantColumns = [ParticipantColumn, "deltagare"];

    private sealed record Column(int Index, string Header, Question Question, QuestionItem? Item, int? TextNumber)
    {
        public string QuestionName => Item is null ? Question.Key : $"{Question.Key}.{Item.Code}";
    }

    /// <summary>With an actor, the audit entry is stored in the same transaction; without one (seeding) nothing is recorded.</summary>
    public async Task<ImportResult> ImportAsync(int waveId, TextReader csv, CancellationToken cancellationToken = default,
        string? actor = null, string? fileName = null) =>
        await ImportAsync(waveId, await ImportTable.ReadCsvAsync(csv), cancellationToken, actor, fileName);

    public async Task<ImportResult> ImportAsync(int waveId, ImportTable table, CancellationToken cancellationToken = default,
        string? actor = null, string? fileName = null)
    {
        if (table.Header is not { } header)
        {
            return new ImportResult(0, table.Problems.Count > 0 ? table.Problems : [new ImportProblem(1, Text.Get("Import.NoHeader"))]);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        var survey = await catalog.GetAsync(wave.SurveyId, cancellationToken) ?? throw new InvalidOperationException("The wave's survey is missing.");
        // The wave's lists, and whoever it invited from elsewhere before lists belonged to surveys.
        var inScope = (await ParticipantScope.OfWaveAsync(db, waveId, cancellationToken)).Select(p => p.Id);
        var invitedHere = db.Invitations.Where(i => i.WaveId == waveId).Select(i => i.ParticipantId);
        var participants = new ParticipantNames(await db.Participants.AsNoTracking()
            .Where(p => inScope.Contains(p.Id) || invitedHere.Contains(p.Id)).ToListAsync(cancellationToken));
        var answered = (await db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt != null)
            .Join(db.Invitations, r => r.InvitationId, i => i.Id, (r, i) => i.ParticipantId).ToListAsync(cancellationToken)).ToHashSet();
        // Whoever has begun answering through a link keeps those answers: the file does not replace them.
        var answering = (await db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt == null && r.Answers.Any())
            .Select(r => r.ParticipantId).ToListAsync(cancellationToken)).ToHashSet();

        var problems = new List<ImportProblem>(table.Problems);
        var (participantColumn, columns) = MapColumns(header, survey, problems);
        var choices = survey.Questions.Where(q => q.IsChoice).ToDictionary(q => q.Key, q => new ChoiceReader(q));
        var rows = new List<(Participant Participant, AnswerSheet Sheet)>();
        var seen = new HashSet<int>();
        foreach (var row in table.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var participant = participantColumn is { } at ? FindParticipant(row, at, header[at], participants, rowProblems) : null;
            if (participant is not null && (!seen.Add(participant.Id) || answered.Contains(participant.Id)))
            {
                rowProblems.Add(new ImportProblem(row.Line, Text.Format("Import.AlreadyAnswered", participant.Name))
                    { Column = header[participantColumn!.Value], Value = row[participantColumn.Value], Accepted = Text.Get("Import.Accepted.NotAnswered") });
            }
            else if (participant is not null && answering.Contains(participant.Id))
            {
                rowProblems.Add(new ImportProblem(row.Line, Text.Format("Import.StartedOnline", participant.Name))
                    { Column = header[participantColumn!.Value], Value = row[participantColumn.Value], Accepted = Text.Get("Import.Accepted.NotAnswered") });
            }
            var sheet = ReadRow(row, columns, survey, choices, rowProblems);
            problems.AddRange(rowProblems);
            if (participant is not null)
            {
                rows.Add((participant, sheet));
            }
        }
        if (problems.Count > 0)
        {
            // In the file's order: rows the reader set aside come first otherwise.
            return new ImportResult(0, problems.OrderBy(p => p.Line).ToList());
        }

        var now = clock.GetUtcNow();
        // A participant may hold several invitations; an imported response takes one nobody has used, or the one of the
        // participant's unfinished response, which it completes (it holds no answers: see above). Otherwise the
        // participant was not invited, and is now.
        var used = (await db.Responses.Where(r => r.WaveId == waveId).Select(r => r.InvitationId).ToListAsync(cancellationToken)).ToHashSet();
        var importing = rows.Select(r => r.Participant.Id).ToList();
        var unfinished = (await db.Responses
                .Where(r => r.WaveId == waveId && r.SubmittedAt == null && importing.Contains(r.ParticipantId)
                    && db.Invitations.Any(i => i.Id == r.InvitationId && i.RevokedAt == null))
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ParticipantId).ToDictionary(g => g.Key, g => g.First());
        var invitations = (await db.Invitations.Where(i => i.WaveId == waveId && i.RevokedAt == null).ToListAsync(cancellationToken))
            .Where(i => !used.Contains(i.Id)).GroupBy(i => i.ParticipantId).ToDictionary(g => g.Key, g => g.First());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (participant, sheet) in rows)
        {
            var answers = survey.Questions.SelectMany(q => AnswerRows.ToRows(q, sheet[q.Key]))
                .Select(a => { (a.WaveId, a.ParticipantId) = (waveId, participant.Id); return a; }).ToList();
            if (!invitations.ContainsKey(participant.Id) && unfinished.TryGetValue(participant.Id, out var started))
            {
                started.Answers.AddRange(answers);
                (started.UpdatedAt, started.SubmittedAt) = (now, now);
                continue;
            }
            if (!invitations.TryGetValue(participant.Id, out var invitation))
            {
                // Answered elsewhere, so no link was sent: the invitation gets a token nobody holds.
                invitation = new Invitation { WaveId = waveId, ParticipantId = participant.Id, TokenHash = InvitationToken.Hash(InvitationToken.Generate()), CreatedAt = now };
                db.Invitations.Add(invitation);
            }
            var response = new Response { Invitation = invitation, WaveId = waveId, ParticipantId = participant.Id, StartedAt = now, UpdatedAt = now, SubmittedAt = now };
            response.Answers.AddRange(answers);
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

    /// <summary>Case aside, and runs of spaces, tabs or no-break spaces as one space: how a name typed by hand is compared.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Participant? FindParticipant(ImportRow row, int column, string header, ParticipantNames participants, List<ImportProblem> problems)
    {
        var value = row[column];
        var found = participants.Find(value);
        if (found is [var only])
        {
            return only;
        }
        problems.Add(found is { Count: > 1 }
            ? new ImportProblem(row.Line, Text.Format("Import.AmbiguousParticipant", value))
                { Column = header, Value = value, Accepted = string.Join(", ", found.Select(p => p.Name)) }
            : new ImportProblem(row.Line, Text.Format("Import.UnknownParticipant", value))
                { Column = header, Value = value, Accepted = Text.Get("Import.Accepted.Participant") });
        return null;
    }

    /// <summary>A participant named in a file by its code, or else by its name; both ignoring case and runs of spaces.</summary>
    private sealed class ParticipantNames(IReadOnlyList<Participant> participants)
    {
        private readonly ILookup<string, Participant> _codes = participants.Where(p => p.Code is not null)
            .ToLookup(p => Normalize(p.Code!), StringComparer.OrdinalIgnoreCase);

        private readonly ILookup<string, Participant> _names = participants.ToLookup(p => Normalize(p.Name), StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<Participant> Find(string value)
        {
            var key = Normalize(value);
            return (_codes[key].Any() ? _codes[key] : _names[key]).ToList();
        }
    }

    private static (int? Participant, List<Column> Columns) MapColumns(IReadOnlyList<string> header, Survey survey, List<ImportProblem> problems)
    {
        var participant = header.Select((h, i) => (h, i)).Where(c => ParticipantColumns.Contains(c.h.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(c => (int?)c.i).FirstOrDefault();
        if (participant is null)
        {
            problems.Add(new ImportProblem(1, Text.Format("Import.MissingColumn", ParticipantColumn))
                { Column = ParticipantColumn, Accepted = string.Join(", ", ParticipantColumns) });
        }
        var columns = new List<Column>();
        for (var index = 0; index < header.Count; index++)
        {
            if (index == participant)
            {
                continue;
            }
            var name = header[index];
            if (Map(index, name.Trim(), survey) is not { } column)
            {
                problems.Add(new ImportProblem(1, Text.Format("Import.UnknownColumn", name))
                    { Column = name, Value = name, Accepted = string.Join(", ", [ParticipantColumn, .. ExpectedHeaders(survey)]) });
            }
            else if (columns.FirstOrDefault(c => c.Question == column.Question && c.Item == column.Item && c.TextNumber == column.TextNumber) is { } twin)
            {
                problems.Add(new ImportProblem(1, Text.Format("Import.DuplicateColumn", name, twin.Header))
                    { Column = name, Question = column.QuestionName, Value = name });
            }
            else
            {
                columns.Add(column);
            }
        }
        return (participant, columns);
    }

    private static Column? Map(int index, string name, Survey survey)
    {
        var dot = name.IndexOf('.');
        var key = dot < 0 ? name : name[..dot];
        var part = dot < 0 ? null : name[(dot + 1)..].Trim();
        var question = survey.FindQuestion(key) ?? survey.Questions.SingleOrDefault(q => string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase));
        if (question is null)
        {
            return null;
        }
        switch (question.Kind)
        {
            case QuestionKind.Matrix when part is not null:
                var item = question.Items.FirstOrDefault(i => i.Code == part)
                    ?? question.Items.FirstOrDefault(i => string.Equals(i.Code, part, StringComparison.OrdinalIgnoreCase))
                    ?? Unique(question.Items.Where(i => string.Equals(Normalize(i.Text), Normalize(part), StringComparison.OrdinalIgnoreCase)));
                return item is null ? null : new Column(index, name, question, item, null);
            case QuestionKind.Texts when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= question.MaxAnswers:
                return new Column(index, name, question, null, n);
            case QuestionKind.Matrix or QuestionKind.Texts:
                return null;
            default:
                return part is null ? new Column(index, name, question, null, null) : null;
        }
    }

    private static T? Unique<T>(IEnumerable<T> candidates) where T : class =>
        candidates.Take(2).ToList() is [var only] ? only : null;

    private static IEnumerable<string> ExpectedHeaders(Survey survey) => survey.Questions.SelectMany(q => q.Kind switch
    {
        QuestionKind.Matrix => q.Items.OrderBy(i => i.Position).Select(i => $"{q.Key}.{i.Code}"),
        QuestionKind.Texts => Enumerable.Range(1, Math.Max(1, q.MaxAnswers)).Select(n => string.Create(CultureInfo.InvariantCulture, $"{q.Key}.{n}")),
        _ => [q.Key],
    });

    private static AnswerSheet ReadRow(ImportRow row, List<Column> columns, Survey survey, Dictionary<string, ChoiceReader> choices, List<ImportProblem> problems)
    {
        var sheet = new AnswerSheet();
        // Questions and items with a value that could not be read: that they then look unanswered is no second problem.
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in survey.Questions)
        {
            var cells = columns.Where(c => c.Question == question).Select(c => (Column: c, Value: row[c.Index].Trim())).Where(c => c.Value.Length > 0).ToList();
            ImportProblem Problem(Column column, string value, string message, string? accepted)
            {
                refused.Add(column.QuestionName);
                return new ImportProblem(row.Line, message) { Column = column.Header, Question = column.QuestionName, Value = value, Accepted = accepted };
            }
            switch (question.Kind)
            {
                case QuestionKind.Text or QuestionKind.Texts:
                    foreach (var (column, value) in cells)
                    {
                        if (value.Length > question.MaxLength)
                        {
                            problems.Add(Problem(column, Shorten(value), Text.Get("Import.Problem.TooLong"), Text.Format("Import.Accepted.MaxLength", question.MaxLength)));
                        }
                        if (AnswerRules.IsUnreadable(value))
                        {
                            problems.Add(Problem(column, value, Text.Get("Import.Problem.Unreadable"), Text.Get("Import.Accepted.Readable")));
                        }
                    }
                    sheet.Set(question.Key, QuestionAnswer.Open(cells.OrderBy(c => c.Column.TextNumber).Select(c => c.Value).ToArray()));
                    break;
                case QuestionKind.Matrix:
                    var items = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (column, value) in cells)
                    {
                        if (choices[question.Key].Find(value) is { } code) items[column.Item!.Code] = code;
                        else problems.Add(Problem(column, value, Text.Get("Import.Problem.NotOffered"), choices[question.Key].Accepted));
                    }
                    sheet.Set(question.Key, QuestionAnswer.Matrix(items));
                    break;
                case QuestionKind.Multi:
                    var chosen = new List<string>();
                    foreach (var (column, value) in cells)
                    {
                        var parts = choices[question.Key].Find(value) is { } whole ? [value] : value.Split(['|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                        foreach (var part in parts)
                        {
                            if (choices[question.Key].Find(part) is { } code) chosen.Add(code);
                            else problems.Add(Problem(column, part, Text.Get("Import.Problem.NotOffered"), choices[question.Key].Accepted));
                        }
                    }
                    sheet.Set(question.Key, QuestionAnswer.Choice(chosen.ToArray()));
                    break;
                default:
                    var single = new List<string>();
                    foreach (var (column, value) in cells)
                    {
                        if (choices[question.Key].Find(value) is { } code) single.Add(code);
                        else problems.Add(Problem(column, value, Text.Get("Import.Problem.NotOffered"), choices[question.Key].Accepted));
                    }
                    sheet.Set(question.Key, QuestionAnswer.Choice(single.ToArray()));
                    break;
            }
        }
        foreach (var problem in AnswerRules.Check(survey.Questions, sheet, enforceRequired: true))
        {
            var question = survey.FindQuestion(problem.QuestionKey)!;
            if (problem.Kind is ProblemKind.TooLong or ProblemKind.Unreadable || refused.Contains(question.Key)
                || (problem.Kind == ProblemKind.NotShown && refused.Any(r => r == question.ConditionQuestionKey || r.StartsWith(question.ConditionQuestionKey + ".", StringComparison.Ordinal))))
            {
                continue;
            }
            var message = Text.Get("Import.Problem." + problem.Kind);
            var ofQuestion = columns.Where(c => c.Question == question).ToList();
            switch (problem.Kind)
            {
                case ProblemKind.Required when question.Kind == QuestionKind.Matrix:
                    foreach (var item in question.Items.OrderBy(i => i.Position).Where(i => !sheet[question.Key].ItemCodes.ContainsKey(i.Code) && !refused.Contains($"{question.Key}.{i.Code}")))
                    {
                        problems.Add(new ImportProblem(row.Line, message)
                        {
                            Column = ofQuestion.FirstOrDefault(c => c.Item == item)?.Header ?? $"{question.Key}.{item.Code}",
                            Question = $"{question.Key}.{item.Code}", Value = "", Accepted = choices[question.Key].Accepted,
                        });
                    }
                    break;
                case ProblemKind.Required:
                    problems.Add(new ImportProblem(row.Line, message)
                    {
                        Column = ofQuestion.FirstOrDefault()?.Header ?? ExpectedHeaders(question).First(), Question = question.Key, Value = "",
                        Accepted = choices.TryGetValue(question.Key, out var reader) ? reader.Accepted : Text.Get("Import.Accepted.AnyText"),
                    });
                    break;
                case ProblemKind.NotShown:
                    foreach (var column in ofQuestion.Where(c => row[c.Index].Trim().Length > 0))
                    {
                        problems.Add(new ImportProblem(row.Line, message)
                        {
                            Column = column.Header, Question = column.QuestionName, Value = row[column.Index].Trim(),
                            Accepted = Text.Format("Import.Accepted.NotShown", question.ConditionQuestionKey!, string.Join(", ", question.ConditionValues)),
                        });
                    }
                    break;
                default:
                    var first = ofQuestion.FirstOrDefault(c => row[c.Index].Trim().Length > 0) ?? ofQuestion.FirstOrDefault();
                    problems.Add(new ImportProblem(row.Line, message)
                    {
                        Column = first?.Header, Question = question.Key, Value = first is null ? null : row[first.Index].Trim(),
                        Accepted = problem.Kind == ProblemKind.TooMany && question.Kind == QuestionKind.Multi
                            ? Text.Get("Import.Accepted.EachOnce")
                            : choices.TryGetValue(question.Key, out var offered) ? offered.Accepted : null,
                    });
                    break;
            }
        }
        return sheet;
    }

    private static IEnumerable<string> ExpectedHeaders(Question question) => question.Kind == QuestionKind.Texts
        ? [string.Create(CultureInfo.InvariantCulture, $"{question.Key}.1")]
        : [question.Key];

    private static string Shorten(string value) =>
        value.Length <= 60 ? value : Text.Format("Import.LongValue", value[..60], value.Length);

    /// <summary>
    /// A question's choices read from a file: the code, or the label, with case and spacing aside; a whole number
    /// written with decimals (4.0, 4,0) is the step it names. A label two choices share is no answer.
    /// </summary>
    private sealed class ChoiceReader
    {
        private readonly Dictionary<string, string> _codes = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string?> _labels = new(StringComparer.OrdinalIgnoreCase);

        public ChoiceReader(Question question)
        {
            var choices = question.Choices();
            foreach (var choice in choices)
            {
                _codes.TryAdd(Normalize(choice.Code), choice.Code);
                var label = Normalize(choice.Label);
                _labels[label] = _labels.TryGetValue(label, out var other) && other != choice.Code ? null : choice.Code;
            }
            Accepted = string.Join(", ", choices.DistinctBy(c => c.Code).Select(c => Text.Format("Import.Choice", c.Code, c.Label)));
        }

        /// <summary>Every choice as "code (label)".</summary>
        public string Accepted { get; }

        public string? Find(string value)
        {
            var text = Normalize(value);
            if (_codes.TryGetValue(text, out var code)) return code;
            if (_labels.TryGetValue(text, out var byLabel)) return byLabel;
            return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
                && _codes.TryGetValue(decimal.ToInt32(number).ToString(CultureInfo.InvariantCulture), out var step)
                    ? step
                    : null;
        }
    }
}
