using System.Data.Common;
using Microsoft.Data.Sqlite;
using SurveyApp.Storage.Providers;

namespace SurveyApp.Storage;

/// <summary>
/// A forward-only reader of a query's rows, for the few reads that take hundreds of thousands of rows (the
/// response exports). On SQLite it steps the statement itself (<see cref="SqliteRowReader"/>), which costs a
/// third of a data reader's checks per value; elsewhere it is the command's own data reader.
/// </summary>
public abstract class RowReader : IAsyncDisposable
{
    /// <summary>Runs <paramref name="command"/>, whose connection is open, and reads its rows.</summary>
    public static async Task<RowReader> ExecuteAsync(DbCommand command, CancellationToken cancellationToken = default) =>
        command is SqliteCommand sqlite
            ? SqliteRowReader.Execute(sqlite)
            : new DataRowReader(await command.ExecuteReaderAsync(cancellationToken));

    public abstract int FieldCount { get; }

    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default);

    public abstract bool IsNull(int ordinal);

    public abstract int GetInt32(int ordinal);

    public abstract long GetInt64(int ordinal);

    public abstract string GetString(int ordinal);

    /// <summary>
    /// Text that recurs from row to row (a code, a type): equal values may come back as one string, read without
    /// a new string each time where the engine allows it.
    /// </summary>
    public virtual string GetRepeatedString(int ordinal) => GetString(ordinal);

    public abstract ValueTask DisposeAsync();

    private sealed class DataRowReader(DbDataReader reader) : RowReader
    {
        public override int FieldCount => reader.FieldCount;

        public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default) => new(reader.ReadAsync(cancellationToken));

        public override bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);

        public override ValueTask DisposeAsync() => reader.DisposeAsync();
    }
}
