using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql;

namespace SurveyApp.Storage.Providers;

public sealed class PostgreSqlSurveyDbContext(DbContextOptions<PostgreSqlSurveyDbContext> options) : SurveyDbContext(options)
{
    protected override string ParticipantDetailsSql =>
        "SELECT p.\"Id\" AS \"ParticipantId\", d.key AS \"Key\", d.value AS \"Value\" FROM \"Participants\" AS p, jsonb_each_text(p.\"Attributes\"::jsonb) AS d";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // ICU's Swedish, whatever the database's own collation (often C or en_US); lower() under it lowers every letter.
        modelBuilder.HasCollation(SwedishText.Collation, locale: "sv-SE", provider: "icu");
        modelBuilder.HasDbFunction(typeof(SwedishText).GetMethod(nameof(SwedishText.Folded))!)
            .HasTranslation(arguments => new SqlFunctionExpression("lower", [new CollateExpression(arguments[0], SwedishText.Collation)], nullable: true,
                argumentsPropagateNullability: [true], typeof(string), arguments[0].TypeMapping));
    }
}

public sealed class PostgreSqlEngine : StorageEngine
{
    /// <summary>The name the app's connections carry, so that a restore can tell whether an app still uses the database.</summary>
    public const string ApplicationName = "SurveyApp";

    private readonly NpgsqlConnectionStringBuilder _connection;

    public PostgreSqlEngine(string connectionString)
    {
        try
        {
            _connection = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
        if (string.IsNullOrEmpty(_connection.Database))
        {
            throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} must name the database (Database=...).");
        }
    }

    public string ConnectionString => _connection.ConnectionString;

    public override string Description => $"PostgreSQL database {_connection.Database} on {_connection.Host}:{_connection.Port}";

    public override bool MayBeShared => true;

    public override void AddContextFactory(IServiceCollection services) =>
        AddPooledFactory<PostgreSqlSurveyDbContext>(services, Configure);

    public void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    // Processes that start together wait for each other: EF Core locks the migrations history first.
    public override async Task MigrateAsync(SurveyDbContext db, CancellationToken cancellationToken = default)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    // EF Core would create it too, but only after logging a failed connection, which reads like a fault
    // on every first start.
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(_connection.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM pg_database WHERE datname = @name";
        exists.Parameters.AddWithValue("name", _connection.Database!);
        if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return;
        }
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{_connection.Database!.Replace("\"", "\"\"")}\"";
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another app process starting at the same moment created it.
        }
    }

    /// <summary>A PostgreSQL advisory lock, held by a connection of its own until disposed (closing it releases the lock).</summary>
    public override async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connection.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_advisory_lock(hashtext(@name))";
        command.Parameters.AddWithValue("name", "SurveyApp:" + name);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override async Task<BackupResult> BackUpAsync(string target, CancellationToken cancellationToken = default)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            return new BackupResult(false, $"{target} exists already; a backup never overwrites a file.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // pg_dump reads in one snapshot: every response committed before it started and nothing after,
        // while respondents go on saving.
        var (ok, output) = await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", target, "--dbname", LibpqConnection()], cancellationToken);
        if (!ok)
        {
            File.Delete(target);
            return new BackupResult(false, $"pg_dump failed, nothing was written: {output}");
        }
        return await CheckAsync(target, cancellationToken) is { } problem
            ? new BackupResult(false, $"The backup {target} failed its check: {problem}")
            : new BackupResult(true, $"Backed up {Description} to {target} ({new FileInfo(target).Length:N0} bytes, pg_dump custom format).");
    }

    public override async Task<BackupResult> RestoreAsync(string source, CancellationToken cancellationToken = default)
    {
        source = Path.GetFullPath(source);
        if (!File.Exists(source))
        {
            return new BackupResult(false, $"There is no backup at {source}.");
        }
        if (await CheckAsync(source, cancellationToken) is { } problem)
        {
            return new BackupResult(false, $"{source} is not a usable SurveyApp backup: {problem} Nothing was changed.");
        }
        if (await AppConnectionsAsync(cancellationToken) is > 0 and var count)
        {
            return new BackupResult(false, $"{Description} is in use by {count} app connection(s): stop every app process before restoring. Nothing was changed.");
        }
        // The database as it was is kept beside the backup, so that a restore can itself be undone.
        var before = Path.Combine(Path.GetDirectoryName(source)!, $"before-restore-{DateTime.UtcNow:yyyyMMddTHHmmss}.dump");
        var saved = await BackUpAsync(before, cancellationToken);
        if (!saved.Succeeded)
        {
            return new BackupResult(false, $"The database as it is could not be saved first, so nothing was changed: {saved.Message}");
        }
        // One transaction: a restore that fails part-way leaves the database as it was.
        var (ok, output) = await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", LibpqConnection(), source], cancellationToken);
        return ok
            ? new BackupResult(true, $"Restored {Description} from {source}; the database as it was is in {before}.")
            : new BackupResult(false, $"pg_restore failed and the database is as it was: {output}");
    }

    /// <summary>Null if the file is a pg_dump archive holding SurveyApp's tables, else what is wrong.</summary>
    private async Task<string?> CheckAsync(string file, CancellationToken cancellationToken)
    {
        var (ok, output) = await RunAsync("pg_restore", ["--list", file], cancellationToken);
        if (!ok)
        {
            return output;
        }
        string[] tables = ["__EFMigrationsHistory", "Surveys", "Responses", "Answers"];
        return tables.All(t => output.Contains($" TABLE public {t} ", StringComparison.Ordinal) || output.Contains($" TABLE public \"{t}\" ", StringComparison.Ordinal))
            ? null
            : "it lacks SurveyApp's tables.";
    }

    private async Task<long> AppConnectionsAsync(CancellationToken cancellationToken)
    {
        var check = new NpgsqlConnectionStringBuilder(_connection.ConnectionString) { ApplicationName = "SurveyApp restore", Pooling = false };
        await using var connection = new NpgsqlConnection(check.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND pid <> pg_backend_pid()";
        command.Parameters.AddWithValue("name", ApplicationName);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // Without the password: that goes in PGPASSWORD, not on the command line.
    private string LibpqConnection()
    {
        var parts = new List<string> { $"host={Quote(_connection.Host ?? "localhost")}", $"port={_connection.Port}", $"dbname={Quote(_connection.Database!)}" };
        if (!string.IsNullOrEmpty(_connection.Username)) parts.Add($"user={Quote(_connection.Username)}");
        return string.Join(' ', parts);
    }

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private async Task<(bool Ok, string Output)> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        if (!string.IsNullOrEmpty(_connection.Password))
        {
            start.Environment["PGPASSWORD"] = _connection.Password;
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? (true, await output) : (false, (await errors).Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (false, $"{program} was not found. Install PostgreSQL's client programs (on Debian: apt-get install postgresql-client-15) or run {program} yourself.");
        }
    }
}
