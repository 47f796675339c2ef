using System.Data;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SurveyApp.Storage.Providers;

/// <summary>
/// Steps a SQLite statement itself. Microsoft.Data.Sqlite checks the statement's column count and each value's type
/// again on every call, and each call into SQLite through its wrapper costs about 60 ns; at hundreds of thousands of
/// rows that took three times as long as SQLite's own work (the export benchmark, docs/benchmarks.md). Here the calls
/// made for every value go straight to the library Microsoft.Data.Sqlite loads, on a read-only connection of the
/// reader's own to the command's database file, opened without SQLite's per-connection lock (which every call
/// otherwise takes and releases: a sixth of the read). The command's text and parameters are used as they are;
/// parameters may be integers, text or null.
/// </summary>
internal sealed class SqliteRowReader : RowReader
{
    // Distinct values of repeated text kept per reader: codes and types are few, so this is never reached in practice.
    private const int MostRepeated = 4096;
    private const int RowsPerCancellationCheck = 1024;

    // The reader's own connection, or null where the database is no file (then the command's connection is used).
    private readonly sqlite3? _ownDatabase;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    // The statement's address for the direct calls; the handle above is held (and its use counted) until disposed.
    private readonly IntPtr _handle;
    private readonly Dictionary<string, string> _repeated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _repeatedByChars;
    private byte[] _bytes = new byte[256];
    private int _rows;
    private bool _released;
    private bool _done;

    private SqliteRowReader(sqlite3? ownDatabase, sqlite3 database, sqlite3_stmt statement)
    {
        _ownDatabase = ownDatabase;
        _database = database;
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
        if (connection.State != ConnectionState.Open || connection.Handle is not { } shared)
        {
            throw new InvalidOperationException("Open the command's connection first.");
        }
        var own = OpenOwn(connection.DataSource);
        var database = own ?? shared;
        try
        {
            Check(database, raw.sqlite3_prepare_v2(database, command.CommandText, out var statement, out var rest));
            try
            {
                if (!string.IsNullOrWhiteSpace(rest)) throw new NotSupportedException("The command holds more than one statement.");
                foreach (SqliteParameter parameter in command.Parameters) Bind(database, statement, parameter);
                return new SqliteRowReader(own, database, statement);
            }
            catch
            {
                statement.Dispose();
                throw;
            }
        }
        catch
        {
            own?.Dispose();
            throw;
        }
    }

    // Read-only and without the connection's lock, which only guards a connection that several threads share; this
    // one is the reader's alone. It waits for a writer's lock as long as the app's connections do.
    private static sqlite3? OpenOwn(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        var result = raw.sqlite3_open_v2(path, out var database, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        try
        {
            Check(database, result);
            Check(database, raw.sqlite3_busy_timeout(database, (int)TimeSpan.FromSeconds(30).TotalMilliseconds));
            return database;
        }
        catch
        {
            database.Dispose();
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
        throw new SqliteException(ErrorMessage(_database, result), result);
    }

    public override bool IsNull(int ordinal) => Native.ColumnType(_handle, ordinal) == raw.SQLITE_NULL;

    // Unlike a data reader's, a null reads as 0 here: the columns a caller reads as numbers are its query's keys and
    // positions, and it checks the others with IsNull first. (One type check per value was a tenth of the read.)
    public override int GetInt32(int ordinal) => checked((int)Native.ColumnInt64(_handle, ordinal));

    public override long GetInt64(int ordinal) => Native.ColumnInt64(_handle, ordinal);

    public override string GetString(int ordinal) => Encoding.UTF8.GetString(Bytes(ordinal));

    public override string GetRepeatedString(int ordinal)
    {
        var bytes = Bytes(ordinal);
        if (bytes.Length > 256) return Encoding.UTF8.GetString(bytes);
        Span<char> chars = stackalloc char[bytes.Length];
        chars = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (_repeatedByChars.TryGetValue(chars, out var known)) return known;
        var text = chars.ToString();
        if (_repeated.Count < MostRepeated) _repeated.Add(text, text);
        return text;
    }

    // A text value's UTF-8 bytes, copied out of SQLite (valid until the next call on the statement).
    private ReadOnlySpan<byte> Bytes(int ordinal)
    {
        NotNull(ordinal);
        var start = Native.ColumnBlob(_handle, ordinal);
        var length = Native.ColumnBytes(_handle, ordinal);
        if (length == 0) return [];
        if (length > _bytes.Length) _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        Marshal.Copy(start, _bytes, 0, length);
        return _bytes.AsSpan(0, length);
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
        _ownDatabase?.Dispose();
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

        // A text value as stored (UTF-8): no conversion, so no allocation in SQLite either.
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_blob", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [SuppressGCTransition]
        public static extern IntPtr ColumnBlob(IntPtr statement, int column);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_bytes", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [SuppressGCTransition]
        public static extern int ColumnBytes(IntPtr statement, int column);
    }
}
