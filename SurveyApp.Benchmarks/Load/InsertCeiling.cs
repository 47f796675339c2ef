using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Load;

/// <summary>Submitted responses written per second by one way of inserting them; the median of its rounds.</summary>
public sealed record CeilingResult(string Name, IReadOnlyList<double> PerSecond)
{
    public double Median
    {
        get
        {
            var sorted = PerSecond.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}

/// <summary>
/// How fast SQLite can take submitted responses at all, as a ceiling for the load figures: the same
/// rows a respondent leaves (a response and its answers to every question of the model survey), one
/// response per transaction, into the app's schema with its indexes (migrated, WAL, foreign keys on),
/// either through prepared statements or through EF Core with one SaveChanges per response.
/// One writer, no HTTP, no page rendering, no reads: what is left is the cost of the writes themselves.
/// </summary>
public sealed class InsertCeiling
{
    public const int Rounds = 3;
    public const int ResponsesPerRound = 1_000;
    private const int WarmUpResponses = 100;

    private readonly BenchmarkDatabase _database;
    private readonly int _waveId;
    private readonly List<Answer> _rows;
    private readonly Queue<(int Invitation, int Participant)> _invitations;

    private InsertCeiling(BenchmarkDatabase database, int waveId, List<Answer> rows, Queue<(int, int)> invitations)
    {
        _database = database;
        _waveId = waveId;
        _rows = rows;
        _invitations = invitations;
    }

    public int AnswersPerResponse => _rows.Count;

    public static async Task<(CeilingResult Raw, CeilingResult EfCore, int AnswersPerResponse)> MeasureAsync(bool keep)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(keep);
        var wave = await new DemoWaveGenerator(database).GenerateAsync(0);
        var factory = database.CreateFactory();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var survey = await new SurveyCatalog(factory, cache).GetAsync(wave.SurveyId)
            ?? throw new InvalidOperationException("The model survey was not stored.");
        var needed = 2 * (WarmUpResponses + Rounds * ResponsesPerRound);
        var ceiling = new InsertCeiling(database, wave.WaveId, FullAnswers(survey), await AddInvitationsAsync(database, wave.WaveId, needed));

        await using var connection = await database.OpenAsync();
        await using (var foreignKeys = connection.CreateCommand())
        {
            // EF Core switches foreign keys on for each connection; the raw inserts pay for the same checks.
            foreignKeys.CommandText = "PRAGMA foreign_keys = ON";
            await foreignKeys.ExecuteNonQueryAsync();
        }
        ceiling.InsertRaw(connection, WarmUpResponses);
        await ceiling.InsertWithEfCoreAsync(factory, WarmUpResponses);
        var raw = new List<double>();
        var efCore = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            raw.Add(await PerSecondAsync(() => { ceiling.InsertRaw(connection, ResponsesPerRound); return Task.CompletedTask; }));
            efCore.Add(await PerSecondAsync(() => ceiling.InsertWithEfCoreAsync(factory, ResponsesPerRound)));
        }
        return (new CeilingResult("raw SQLite, prepared statements", raw), new CeilingResult("EF Core, one SaveChanges per response", efCore),
            ceiling.AnswersPerResponse);
    }

    /// <summary>One transaction per response: the response row, then each answer row, through statements prepared once.</summary>
    private void InsertRaw(SqliteConnection connection, int count)
    {
        using var response = connection.CreateCommand();
        response.CommandText = "INSERT INTO Responses (InvitationId, WaveId, ParticipantId, StartedAt, UpdatedAt, SubmittedAt, ResumePosition) " +
            "VALUES ($invitation, $wave, $participant, $now, $now, $now, $position) RETURNING Id";
        var responseInvitation = response.Parameters.Add("$invitation", SqliteType.Integer);
        var responseWave = response.Parameters.Add("$wave", SqliteType.Integer);
        var responseParticipant = response.Parameters.Add("$participant", SqliteType.Integer);
        var responseNow = response.Parameters.Add("$now", SqliteType.Text);
        var responsePosition = response.Parameters.Add("$position", SqliteType.Integer);
        using var answer = connection.CreateCommand();
        answer.CommandText = "INSERT INTO Answers (ResponseId, WaveId, ParticipantId, QuestionId, ItemId, Code, Value, Text, Position) " +
            "VALUES ($response, $wave, $participant, $question, $item, $code, $value, $text, $position)";
        var p = new[] { "$response", "$wave", "$participant", "$question", "$item", "$code", "$value", "$text", "$position" }
            .Select(name => answer.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();
        response.Prepare();
        answer.Prepare();

        for (var i = 0; i < count; i++)
        {
            var (invitation, participant) = _invitations.Dequeue();
            using var transaction = connection.BeginTransaction();
            response.Transaction = transaction;
            answer.Transaction = transaction;
            (responseInvitation.Value, responseWave.Value, responseParticipant.Value) = (invitation, _waveId, participant);
            responseNow.Value = DateTimeOffset.UtcNow;
            responsePosition.Value = 5;
            var responseId = (long)response.ExecuteScalar()!;
            foreach (var row in _rows)
            {
                var values = new object?[] { responseId, _waveId, participant, row.QuestionId, row.ItemId, row.Code, row.Value, row.Text, row.Position };
                for (var v = 0; v < values.Length; v++)
                {
                    p[v].Value = values[v] ?? DBNull.Value;
                }
                answer.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>A new short-lived context per response, as the app uses them, and one SaveChanges for the response and its answers.</summary>
    private async Task InsertWithEfCoreAsync(IDbContextFactory<SurveyDbContext> factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (invitation, participant) = _invitations.Dequeue();
            var now = DateTimeOffset.UtcNow;
            await using var db = await factory.CreateDbContextAsync();
            db.Responses.Add(new Response
            {
                InvitationId = invitation,
                WaveId = _waveId,
                ParticipantId = participant,
                StartedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                ResumePosition = 5,
                Answers = _rows.Select(r => new Answer
                {
                    WaveId = _waveId, ParticipantId = participant, QuestionId = r.QuestionId, ItemId = r.ItemId,
                    Code = r.Code, Value = r.Value, Text = r.Text, Position = r.Position,
                }).ToList(),
            });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// The answer rows of a respondent who answers everything, as the load generator's respondents do:
    /// every closed question on the scale (so f7 is shown), every text field with <see cref="LoadClient.OpenAnswer"/>.
    /// </summary>
    private static List<Answer> FullAnswers(Survey survey)
    {
        var sheet = new AnswerSheet();
        var rows = new List<Answer>();
        foreach (var question in survey.Questions)
        {
            if (!AnswerRules.IsShown(question, sheet))
            {
                continue;
            }
            var onScale = question.IsChoice ? question.Choices().First(c => !c.IsOffScale).Code : null;
            var answer = question.Kind switch
            {
                QuestionKind.Matrix => QuestionAnswer.Matrix(question.Items.ToDictionary(i => i.Code, _ => onScale!, StringComparer.Ordinal)),
                QuestionKind.Text => QuestionAnswer.Open(LoadClient.OpenAnswer),
                QuestionKind.Texts => QuestionAnswer.Open(Enumerable.Repeat(LoadClient.OpenAnswer, question.MaxAnswers).ToArray()),
                _ => QuestionAnswer.Choice(onScale!),
            };
            sheet.Set(question.Key, answer);
            rows.AddRange(AnswerRows.ToRows(question, answer));
        }
        return rows;
    }

    private static async Task<Queue<(int, int)>> AddInvitationsAsync(BenchmarkDatabase database, int waveId, int count)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var participants = new List<int>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM Participants ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) participants.Add(reader.GetInt32(0));
        }
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Invitations (WaveId, ParticipantId, TokenHash, CreatedAt) VALUES ($wave, $participant, $hash, $now) RETURNING Id";
        var queue = new Queue<(int, int)>(count);
        for (var i = 0; i < count; i++)
        {
            var participant = participants[i % participants.Count];
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$wave", waveId);
            insert.Parameters.AddWithValue("$participant", participant);
            insert.Parameters.AddWithValue("$hash", InvitationToken.Hash($"ceiling-{i}"));
            insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow);
            queue.Enqueue(((int)(long)(await insert.ExecuteScalarAsync())!, participant));
        }
        await transaction.CommitAsync();
        return queue;
    }

    private static async Task<double> PerSecondAsync(Func<Task> insertRound)
    {
        var clock = Stopwatch.StartNew();
        await insertRound();
        return ResponsesPerRound / clock.Elapsed.TotalSeconds;
    }
}
