using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SurveyApp.Storage.Providers;

/// <summary>
/// Lets SQLite itself wait for another connection's write lock, checking again within milliseconds.
/// Without it, Microsoft.Data.Sqlite meets a locked database by sleeping 150 ms and retrying, so when
/// respondents save pages at the same moment, most of a save's time went into those sleeps (measured
/// with the load benchmark, docs/benchmarks.md). The wait is bounded by 30 seconds, like the connection's command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
