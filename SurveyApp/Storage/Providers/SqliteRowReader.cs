using System.Data;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SurveyApp.Storage.Providers;

/// <summary>
/// Steps a SQLite statement directly on the command's connection. Microsoft.Data.Sqlite checks the statement's
/// column count and each value's type again on every call, and each call into SQLite through its wrapper costs
/// about 60 ns; at hundreds of thousands of rows that took three times as long as SQLite's own work (the export
/// benchmark, docs/benchmarks.md). Here the calls made for every value go straight to the library Microsoft.Data.Sqlite
/// loads. The command's text and parameters are used as they are; parameters may be integers, text or null.
/// </summary>
internal sealed class SqliteRowReader : RowReader
{
    // Distinct values of repeated text kept per reader: codes and types are few, so this is never reached in practice.
    private const int MostRepeated = 4096;
    private const int RowsPerCancellationCheck = 1024;

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    // The statement's address for the direct calls; the handle above is held (and its use counted) until disposed.
    private readonly IntPtr _handle;
    private readonly Dictionary<string, string> _repeated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _repeatedByChars;
    private int _rows;
    private bool _released;
    private bool _done;

    private SqliteRowReader(SqliteConnection connection, sqlite3_stmt statement)
    {
        _connection = connection;
        _statement = statement;
        _repeatedByChars = _repeated.GetAlternateLookup<ReadOnlySpan<char>>();
        FieldCount = raw.sqlite3_column_count(statement);
        var added = false;
        statement.DangerousAddRef(ref added);
        _handle = statement.DangerousGetHandle();
    }

    public static SqliteRowReader Execute(SqliteCommand command)
    {
        var connection = command.Connection ?? throw new InvalidOperationException("The command has no connection.");
        if (connection.State != ConnectionState.Open || connection.Handle is not { } database)
        {
            throw new InvalidOperationException("Open the command's connection first.");
        }
        Check(database, raw.sqlite3_prepare_v2(database, command.CommandText, out var statement, out var rest));
        try
        {
            if (!string.IsNullOrWhiteSpace(rest)) throw new NotSupportedException("The command holds more than one statement.");
            foreach (SqliteParameter parameter in command.Parameters) Bind(database, statement, parameter);
            return new SqliteRowReader(connection, statement);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    private static void Bind(sqlite3 database, sqlite3_stmt statement, SqliteParameter parameter)
    {
        var name = parameter.ParameterName;
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        foreach (var prefix in "@:$")
        {
            if (index != 0 || name.Length == 0 || name[0] is '@' or ':' or '$') break;
            index = raw.sqlite3_bind_parameter_index(statement, prefix + name);
        }
        if (index == 0) throw new InvalidOperationException($"The statement has no parameter {name}.");
        Check(database, parameter.Value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            int value => raw.sqlite3_bind_int64(statement, index, value),
            long value => raw.sqlite3_bind_int64(statement, index, value),
            string value => raw.sqlite3_bind_text(statement, index, value),
            bool value => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0),
            var value => throw new NotSupportedException($"Parameter {name} is a {value.GetType().Name}; this reader binds integers, text and null."),
        });
    }

    public override int FieldCount { get; }

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_done) return new(false);
        if (++_rows % RowsPerCancellationCheck == 0) cancellationToken.ThrowIfCancellationRequested();
        var result = Native.Step(_handle);
        if (result == raw.SQLITE_ROW) return new(true);
        _done = true;
        if (result == raw.SQLITE_DONE) return new(false);
        throw new SqliteException(ErrorMessage(_connection.Handle!, result), result);
    }

    public override bool IsNull(int ordinal) => Native.ColumnType(_handle, ordinal) == raw.SQLITE_NULL;

    // Unlike a data reader's, a null reads as 0 here: the columns a caller reads as numbers are its query's keys and
    // positions, and it checks the others with IsNull first. (One type check per value was a tenth of the read.)
    public override int GetInt32(int ordinal) => checked((int)Native.ColumnInt64(_handle, ordinal));

    public override long GetInt64(int ordinal) => Native.ColumnInt64(_handle, ordinal);

    public override string GetString(int ordinal) =>
        NotNull(ordinal) ? Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, ordinal)) : "";

    public override string GetRepeatedString(int ordinal)
    {
        NotNull(ordinal);
        var bytes = raw.sqlite3_column_blob(_statement, ordinal);
        if (bytes.Length > 256) return Encoding.UTF8.GetString(bytes);
        Span<char> chars = stackalloc char[bytes.Length];
        chars = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (_repeatedByChars.TryGetValue(chars, out var known)) return known;
        var text = chars.ToString();
        if (_repeated.Count < MostRepeated) _repeated.Add(text, text);
        return text;
    }

    // A null read as a number or text is a mistake in the caller's query, as Microsoft.Data.Sqlite treats it.
    private bool NotNull(int ordinal) =>
        Native.ColumnType(_handle, ordinal) != raw.SQLITE_NULL
            ? true
            : throw new InvalidCastException($"Column {ordinal} is null; check with {nameof(IsNull)} first.");

    public override ValueTask DisposeAsync()
    {
        if (_released) return ValueTask.CompletedTask;
        _released = true;
        _statement.DangerousRelease();
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK) throw new SqliteException(ErrorMessage(database, result), result);
    }

    private static string ErrorMessage(sqlite3 database, int result) =>
        $"SQLite Error {result}: '{raw.sqlite3_errmsg(database).utf8_to_string()}'.";

    // The same library as Microsoft.Data.Sqlite's (SqliteBusyTimeout calls it too). Reading a column's type or number
    // neither blocks nor calls back, so those calls skip the runtime's switch to native code.
    private static class Native
    {
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_step", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int Step(IntPtr statement);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_type", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [SuppressGCTransition]
        public static extern int ColumnType(IntPtr statement, int column);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_int64", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [SuppressGCTransition]
        public static extern long ColumnInt64(IntPtr statement, int column);
    }
}
