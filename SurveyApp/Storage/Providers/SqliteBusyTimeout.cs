using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SurveyApp.Storage.Providers;

/// <summary>
/// Lets SQLite itself wait for another connection's write lock, and wait briefly. Without a handler,
/// Microsoft.Data.Sqlite meets a locked database by sleeping 150 ms and retrying; SQLite's own
/// <c>busy_timeout</c> sleeps 1, 2, 5, 10 and more milliseconds between tries. A respondent's save holds
/// the lock for about a millisecond, so either left the lock free most of the time it was waited for
/// (measured with the load benchmark, docs/benchmarks.md). This handler first yields the thread a few
/// times, then sleeps a millisecond at a time, and gives up after about 30 seconds, like the connection's
/// command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const int Yields = 64;
    private const int Limit = Yields + 30_000;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr argument, int count);

    // SQLite keeps a pointer to the handler for as long as any connection may call it.
    private static readonly BusyHandler Handler = Wait;

    // The SQLite library that Microsoft.Data.Sqlite itself loads; its wrapper offers only busy_timeout.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr database, BusyHandler handler, IntPtr argument);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Install(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Install(connection);
        return Task.CompletedTask;
    }

    private static void Install(DbConnection connection) =>
        sqlite3_busy_handler(((SqliteConnection)connection).Handle!.DangerousGetHandle(), Handler, IntPtr.Zero);

    /// <summary>Called by SQLite while the lock is taken; <paramref name="count"/> is how often it was called before in this wait.</summary>
    private static int Wait(IntPtr argument, int count)
    {
        if (count >= Limit)
        {
            return 0; // give up: the statement fails with SQLITE_BUSY
        }
        if (count < Yields)
        {
            Thread.Yield();
        }
        else
        {
            Thread.Sleep(1);
        }
        return 1;
    }
}
