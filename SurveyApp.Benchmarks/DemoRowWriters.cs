using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SurveyApp.Domain;

namespace SurveyApp.Benchmarks;

/// <summary>
/// Where <see cref="DemoWaveGenerator"/> puts the rows it makes: the rows are the same whatever the
/// engine, only the way they are written differs. Ids are explicit; nothing is visible before <see cref="CompleteAsync"/>.
/// </summary>
public interface IDemoRowWriter : IAsyncDisposable
{
    void Invitation(int id, int waveId, int participantId, string tokenHash, DateTimeOffset createdAt);

    void Response(int id, int invitationId, int waveId, int participantId, DateTimeOffset startedAt, DateTimeOffset submittedAt, int resumePosition);

    /// <summary>One answer row as <see cref="AnswerRows.ToRows"/> made it, for the given response.</summary>
    void Answer(int responseId, int waveId, int participantId, Answer row);

    /// <summary>Commits everything written.</summary>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}

/// <summary>SQLite: every row through a prepared INSERT, all in one transaction.</summary>
public sealed class SqliteDemoRowWriter : IDemoRowWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly PreparedInsert _invitations;
    private readonly PreparedInsert _responses;
    private readonly PreparedInsert _answers;

    private SqliteDemoRowWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _invitations = new PreparedInsert(connection, transaction,
            "Invitations", "Id", "WaveId", "ParticipantId", "TokenHash", "CreatedAt", "RevokedAt");
        _responses = new PreparedInsert(connection, transaction,
            "Responses", "Id", "InvitationId", "WaveId", "ParticipantId", "StartedAt", "UpdatedAt", "SubmittedAt", "ResumePosition");
        _answers = new PreparedInsert(connection, transaction,
            "Answers", "ResponseId", "WaveId", "ParticipantId", "QuestionId", "ItemId", "Code", "Value", "Text", "Position");
    }

    public static async Task<SqliteDemoRowWriter> CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        return new SqliteDemoRowWriter(connection, transaction);
    }

    public void Invitation(int id, int waveId, int participantId, string tokenHash, DateTimeOffset createdAt) =>
        _invitations.Execute(id, waveId, participantId, tokenHash, createdAt, null);

    public void Response(int id, int invitationId, int waveId, int participantId, DateTimeOffset startedAt, DateTimeOffset submittedAt, int resumePosition) =>
        _responses.Execute(id, invitationId, waveId, participantId, startedAt, submittedAt, submittedAt, resumePosition);

    public void Answer(int responseId, int waveId, int participantId, Answer row) =>
        _answers.Execute(responseId, waveId, participantId, row.QuestionId, row.ItemId, row.Code, row.Value, row.Text, row.Position);

    public Task CompleteAsync(CancellationToken cancellationToken = default) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _invitations.Dispose();
        _responses.Dispose();
        _answers.Dispose();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>One INSERT statement, prepared once and executed per row.</summary>
    private sealed class PreparedInsert : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
            _parameters = columns.Select(c => _command.Parameters.Add(new SqliteParameter("$" + c, DBNull.Value))).ToArray();
            _command.Prepare();
        }

        public void Execute(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}

/// <summary>
/// PostgreSQL: the rows are kept in memory as they come and written at the end with binary COPY, table
/// after table (invitations, responses, answers, as the foreign keys need), in one transaction. The
/// identity sequences are then moved past the explicit ids, so that the app's own inserts do not collide.
/// </summary>
public sealed class PostgreSqlDemoRowWriter(NpgsqlConnection connection) : IDemoRowWriter
{
    private readonly record struct InvitationRow(int Id, int WaveId, int ParticipantId, string TokenHash, DateTimeOffset CreatedAt);

    private readonly record struct ResponseRow(int Id, int InvitationId, int WaveId, int ParticipantId, DateTimeOffset StartedAt, DateTimeOffset SubmittedAt, int ResumePosition);

    private readonly record struct AnswerRow(int ResponseId, int WaveId, int ParticipantId, Answer Row);

    private readonly List<InvitationRow> _invitations = [];
    private readonly List<ResponseRow> _responses = [];
    private readonly List<AnswerRow> _answers = [];

    public void Invitation(int id, int waveId, int participantId, string tokenHash, DateTimeOffset createdAt) =>
        _invitations.Add(new InvitationRow(id, waveId, participantId, tokenHash, createdAt));

    public void Response(int id, int invitationId, int waveId, int participantId, DateTimeOffset startedAt, DateTimeOffset submittedAt, int resumePosition) =>
        _responses.Add(new ResponseRow(id, invitationId, waveId, participantId, startedAt, submittedAt, resumePosition));

    public void Answer(int responseId, int waveId, int participantId, Answer row) =>
        _answers.Add(new AnswerRow(responseId, waveId, participantId, row));

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync("""COPY "Invitations" ("Id", "WaveId", "ParticipantId", "TokenHash", "CreatedAt", "RevokedAt") FROM STDIN (FORMAT BINARY)""",
            _invitations, (copy, r) =>
            {
                copy.Write(r.Id, NpgsqlDbType.Integer);
                copy.Write(r.WaveId, NpgsqlDbType.Integer);
                copy.Write(r.ParticipantId, NpgsqlDbType.Integer);
                copy.Write(r.TokenHash, NpgsqlDbType.Varchar);
                copy.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.WriteNull();
            }, cancellationToken);
        await CopyAsync("""COPY "Responses" ("Id", "InvitationId", "WaveId", "ParticipantId", "StartedAt", "UpdatedAt", "SubmittedAt", "ResumePosition") FROM STDIN (FORMAT BINARY)""",
            _responses, (copy, r) =>
            {
                copy.Write(r.Id, NpgsqlDbType.Integer);
                copy.Write(r.InvitationId, NpgsqlDbType.Integer);
                copy.Write(r.WaveId, NpgsqlDbType.Integer);
                copy.Write(r.ParticipantId, NpgsqlDbType.Integer);
                copy.Write(r.StartedAt, NpgsqlDbType.TimestampTz);
                copy.Write(r.SubmittedAt, NpgsqlDbType.TimestampTz);
                copy.Write(r.SubmittedAt, NpgsqlDbType.TimestampTz);
                copy.Write(r.ResumePosition, NpgsqlDbType.Integer);
            }, cancellationToken);
        await CopyAsync("""COPY "Answers" ("ResponseId", "WaveId", "ParticipantId", "QuestionId", "ItemId", "Code", "Value", "Text", "Position") FROM STDIN (FORMAT BINARY)""",
            _answers, (copy, a) =>
            {
                copy.Write(a.ResponseId, NpgsqlDbType.Integer);
                copy.Write(a.WaveId, NpgsqlDbType.Integer);
                copy.Write(a.ParticipantId, NpgsqlDbType.Integer);
                copy.Write(a.Row.QuestionId, NpgsqlDbType.Integer);
                WriteOrNull(copy, a.Row.ItemId, NpgsqlDbType.Integer);
                WriteOrNull(copy, a.Row.Code, NpgsqlDbType.Varchar);
                WriteOrNull(copy, a.Row.Value, NpgsqlDbType.Integer);
                WriteOrNull(copy, a.Row.Text, NpgsqlDbType.Text);
                copy.Write(a.Row.Position, NpgsqlDbType.Integer);
            }, cancellationToken);
        await using (var sequences = connection.CreateCommand())
        {
            sequences.CommandText = """
                SELECT setval(pg_get_serial_sequence('"Invitations"', 'Id'), (SELECT MAX("Id") FROM "Invitations"));
                SELECT setval(pg_get_serial_sequence('"Responses"', 'Id'), (SELECT MAX("Id") FROM "Responses"));
                """;
            await sequences.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task CopyAsync<T>(string copyCommand, List<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var copy = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);
        foreach (var row in rows)
        {
            copy.StartRow();
            write(copy, row);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }

    private static void WriteOrNull(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, type);
    }
}
