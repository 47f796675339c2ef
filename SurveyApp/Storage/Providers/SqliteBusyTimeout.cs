using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SurveyApp.Storage.Providers;

// Without a handler, Microsoft.Data.Sqlite sleeps 150 ms on a locked database, and SQLite's own
// busy_timeout 1, 2, 5, 10 ms and more; a save holds the lock for about a millisecond, so either
// left it free most of the time it was waited for (measured with the load benchmark, docs/benchmarks.md).
// Giving up after about 30 seconds matches the connection's command timeout.
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
