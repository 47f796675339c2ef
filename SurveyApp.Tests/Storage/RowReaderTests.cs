using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// The reader behind the response exports, on a real database of the run's engine: on SQLite it steps the statement
/// itself, so it must bind the command's parameters and read nulls, numbers and text exactly as a data reader does.
/// </summary>
public sealed class RowReaderTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surveyapp-rows-").FullName;
    private TestDatabase _database = null!;
    private SurveyDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _database = new TestDatabase(_folder);
        _db = _database.CreateContext();
        await _database.CreateEngine().MigrateAsync(_db);
        await _db.Database.OpenConnectionAsync();
        await using var create = Command("CREATE TABLE reader_rows (id INTEGER NOT NULL, code TEXT NULL, note TEXT NULL)");
        await create.ExecuteNonQueryAsync();
        var rows = new (int Id, string? Code, string? Note)[]
        {
            (1, "3", null), (2, "3", "Bra, men <dyrt> & långt"), (3, "vet_ej", "🙂 emoji och \"citat\""), (4, null, ""), (5, "3", "sista"),
        };
        foreach (var (id, code, note) in rows)
        {
            await using var insert = Command("INSERT INTO reader_rows (id, code, note) VALUES (@id, @code, @note)",
                ("id", id), ("code", code), ("note", note));
            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null) parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private async Task<List<(int Id, string? Code, string? Note)>> ReadAllAsync(DbCommand command)
    {
        var rows = new List<(int, string?, string?)>();
        await using var reader = await RowReader.ExecuteAsync(command);
        Assert.Equal(3, reader.FieldCount);
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.IsNull(1) ? null : reader.GetRepeatedString(1), reader.IsNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    [Fact]
    public async Task RowsArriveAsADataReaderReadsThemWithTheCommandsParametersBound()
    {
        const string sql = "SELECT id, code, note FROM reader_rows WHERE id >= @first AND (code IS NULL OR code <> @skipped) ORDER BY id";
        await using var command = Command(sql, ("first", 2), ("skipped", "vet_ej"));
        var rows = await ReadAllAsync(command);

        Assert.Equal([(2, "3", "Bra, men <dyrt> & långt"), (4, null, ""), (5, "3", "sista")], rows);

        // The same command through the engine's own data reader gives the same rows.
        await using var again = Command(sql, ("first", 2), ("skipped", "vet_ej"));
        await using var data = await again.ExecuteReaderAsync();
        var expected = new List<(int, string?, string?)>();
        while (await data.ReadAsync())
        {
            expected.Add((data.GetInt32(0), data.IsDBNull(1) ? null : data.GetString(1), data.IsDBNull(2) ? null : data.GetString(2)));
        }
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task TextBeyondTheBasicPlaneAndCharactersXmlEscapesReadBackUnchanged()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows WHERE id = @id", ("id", 3));
        Assert.Equal([(3, "vet_ej", "🙂 emoji och \"citat\"")], await ReadAllAsync(command));
    }

    [Fact]
    public async Task ANullParameterBindsAsNull()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows WHERE (@code IS NULL AND code IS NULL) ORDER BY id", ("code", null));
        Assert.Equal([(4, null, "")], await ReadAllAsync(command));
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task RepeatedTextComesBackAsOneStringPerValue()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows WHERE code IS NOT NULL ORDER BY id");
        var codes = (await ReadAllAsync(command)).Select(r => r.Code!).ToList();
        Assert.Equal(["3", "3", "vet_ej", "3"], codes);
        Assert.Same(codes[0], codes[1]);
        Assert.Same(codes[0], codes[3]);
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task ANullReadAsTextIsAnErrorAsWithADataReader()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows WHERE id = 1");
        await using var reader = await RowReader.ExecuteAsync(command);
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsNull(2));
        Assert.Throws<InvalidCastException>(() => reader.GetString(2));
        Assert.Throws<InvalidCastException>(() => reader.GetRepeatedString(2));
        Assert.False(await reader.ReadAsync());
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task AParameterOfAnotherKindIsRefusedByName()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows WHERE id > @since", ("since", 1.5));
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => RowReader.ExecuteAsync(command));
        Assert.Contains("@since", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task ACommandOfTwoStatementsIsRefused()
    {
        await using var command = Command("SELECT id, code, note FROM reader_rows; DELETE FROM reader_rows");
        await Assert.ThrowsAsync<NotSupportedException>(() => RowReader.ExecuteAsync(command));
        await using var count = Command("SELECT count(*) FROM reader_rows");
        Assert.Equal(5L, await count.ExecuteScalarAsync());
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task AnErrorInTheStatementNamesSqlitesMessage()
    {
        await using var command = Command("SELECT id, code, note FROM no_such_table");
        var error = await Assert.ThrowsAsync<SqliteException>(() => RowReader.ExecuteAsync(command));
        Assert.Contains("no such table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task ACancelledReadStopsWithinAThousandRows()
    {
        await using var command = Command(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT i, 'x', NULL FROM n");
        await using var reader = await RowReader.ExecuteAsync(command);
        using var cancel = new CancellationTokenSource();
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await reader.ReadAsync(cancel.Token))
            {
                if (++read == 10) await cancel.CancelAsync();
            }
        });
        Assert.InRange(read, 10, 1100);
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task AReadIsNotHeldUpByAWriterAndSeesOnlyWhatIsCommitted()
    {
        // Another connection is in the middle of a write: the export's read neither waits for it nor sees its row.
        await using var writer = new SqliteConnection($"Data Source={_database.SqlitePath};Pooling=False");
        await writer.OpenAsync();
        await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO reader_rows (id, code, note) VALUES (6, '1', 'ej klar')";
            await insert.ExecuteNonQueryAsync();
        }

        await using var command = Command("SELECT id, code, note FROM reader_rows ORDER BY id");
        var read = Task.Run(() => ReadAllAsync(command));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal([1, 2, 3, 4, 5], (await read).Select(r => r.Id));
        await transaction.RollbackAsync();
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task ADatabaseInMemoryIsReadOnTheCommandsOwnConnection()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER, code TEXT, note TEXT); INSERT INTO t VALUES (1, 'a', NULL), (2, 'a', 'b');";
            await create.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, code, note FROM t WHERE id >= $first ORDER BY id";
        command.Parameters.AddWithValue("$first", 1);

        Assert.Equal([(1, "a", null), (2, "a", "b")], await ReadAllAsync(command));
    }
}
