using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SurveyApp.Storage.Providers;

// SQLite compares text by code point and lowers A–Z only. The app's own collation and case folding are given to
// each connection as it is created; Microsoft.Data.Sqlite hands them to SQLite again on every open, pooled or not.
// Nothing in the schema uses them, so the file stays readable by any SQLite tool.
public sealed class SqliteSwedishText : DbConnectionInterceptor
{
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        Register((SqliteConnection)result);
        return result;
    }

    public static void Register(SqliteConnection connection)
    {
        connection.CreateCollation(SwedishText.Collation, SwedishText.Compare);
        connection.CreateFunction<string?, string?>(SwedishText.SqliteFoldFunction, text => text is null ? null : SwedishText.Fold(text), isDeterministic: true);
    }
}
