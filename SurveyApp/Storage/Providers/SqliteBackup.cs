using Microsoft.Data.Sqlite;

namespace SurveyApp.Storage.Providers;

// A backup is VACUUM INTO: one read transaction, so it holds every response committed before it
// started, while respondents go on saving (WAL lets a writer and readers work at once).
public static class SqliteBackup
{
    public static async Task<BackupResult> BackUpAsync(string database, string target, CancellationToken cancellationToken = default)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            return new BackupResult(false, $"{target} exists already; a backup never overwrites a file.");
        }
        if (!File.Exists(database))
        {
            return new BackupResult(false, $"There is no database at {database}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var connection = Open(database, SqliteOpenMode.ReadWrite))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        var check = await CheckAsync(target, cancellationToken);
        return check is null
            ? new BackupResult(true, $"Backed up {database} to {target} ({new FileInfo(target).Length:N0} bytes, integrity check ok).")
            : new BackupResult(false, $"The backup {target} failed its check: {check}");
    }

    // The app must be stopped (a running app would keep writing to the replaced file); the replaced files
    // are kept beside it with the suffix .before-restore, so a restore can itself be undone.
    public static async Task<BackupResult> RestoreAsync(string source, string database, CancellationToken cancellationToken = default)
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
        if (File.Exists(database) && !IsUnused(database))
        {
            return new BackupResult(false, $"{database} is in use: stop the app before restoring. Nothing was changed.");
        }
        SqliteConnection.ClearAllPools();
        var staging = database + ".restoring";
        File.Copy(source, staging, overwrite: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(database + suffix))
            {
                File.Move(database + suffix, database + suffix + ".before-restore", overwrite: true);
            }
        }
        File.Move(staging, database);
        return new BackupResult(true, $"Restored {database} from {source}; the replaced files end in .before-restore.");
    }

    public static string RunningFile(string database) => database + ".running";

    // A killed process leaves a stale mark, which IsUnused ignores.
    public static void MarkRunning(string database, IHostApplicationLifetime lifetime)
    {
        var file = RunningFile(database);
        File.WriteAllText(file, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        lifetime.ApplicationStopped.Register(() => File.Delete(file));
    }

    private static bool IsUnused(string database)
    {
        var file = RunningFile(database);
        if (!File.Exists(file) || !int.TryParse(File.ReadAllText(file).Trim(), out var pid) || pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process: a stale mark from a crash
        }
    }

    /// <summary>Null if the file is an intact SQLite database with SurveyApp's tables, else what is wrong.</summary>
    public static async Task<string?> CheckAsync(string file, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = Open(file, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                return $"integrity check says \"{result}\".";
            }
            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Surveys', 'Responses', 'Answers')";
            return (long)(await tables.ExecuteScalarAsync(cancellationToken))! == 4 ? null : "it lacks SurveyApp's tables.";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
}
