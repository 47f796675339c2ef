using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SurveyApp.Storage.Providers;

/// <summary>
/// The contexts <c>dotnet ef</c> builds to add a migration, one per engine, without the app's configuration
/// and without a database to connect to:
/// <c>dotnet ef migrations add NAME --project SurveyApp --context SqliteSurveyDbContext --output-dir Storage/Migrations/Sqlite</c>,
/// and the same with <c>PostgreSqlSurveyDbContext</c> and <c>Storage/Migrations/PostgreSql</c>.
/// </summary>
public sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteSurveyDbContext>
{
    public SqliteSurveyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteSurveyDbContext>();
        new SqliteEngine(Path.GetFullPath("design-time.db")).Configure(options);
        return new SqliteSurveyDbContext(options.Options);
    }
}

public sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlSurveyDbContext>
{
    public PostgreSqlSurveyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSurveyDbContext>();
        new PostgreSqlEngine("Host=localhost;Database=surveyapp").Configure(options);
        return new PostgreSqlSurveyDbContext(options.Options);
    }
}
