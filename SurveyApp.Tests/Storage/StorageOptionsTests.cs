using Microsoft.Extensions.Configuration;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>The storage settings are read once, at start, and a wrong one stops the app with what to set.</summary>
public sealed class StorageOptionsTests
{
    private static StorageOptions Read(params (string Key, string Value)[] settings) =>
        StorageOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void SqliteIsTheDefault()
    {
        var options = Read(("Storage:DatabasePath", "data/surveyapp.db"));

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        var engine = Assert.IsType<SqliteEngine>(StorageEngine.For(options, "/srv/app"));
        Assert.Equal("/srv/app/data/surveyapp.db", engine.DatabasePath);
        Assert.False(engine.MayBeShared);
    }

    [Fact]
    public void PostgreSqlTakesAConnectionStringAndNamesTheAppsConnections()
    {
        var options = Read(("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", "Host=db;Database=surveyapp;Username=app;Password=secret"));

        var engine = Assert.IsType<PostgreSqlEngine>(StorageEngine.For(options, "/srv/app"));
        Assert.Contains("Application Name=SurveyApp", engine.ConnectionString);
        Assert.True(engine.MayBeShared);
        Assert.DoesNotContain("secret", engine.Description);
    }

    [Theory]
    [InlineData("Oracle", "", "", "Storage:Provider must be Sqlite or PostgreSql")]
    [InlineData("Sqlite", "", "", "Set Storage:DatabasePath")]
    [InlineData("PostgreSql", "", "", "Set Storage:ConnectionString")]
    [InlineData("PostgreSql", "", "Host=db;Username=app", "must name the database")]
    [InlineData("PostgreSql", "", "Host=db;Nonsense=1", "not a valid PostgreSQL connection string")]
    public void AWrongSettingSaysWhatToSet(string provider, string path, string connection, string message)
    {
        var problem = Assert.Throws<InvalidOperationException>(() =>
            StorageEngine.For(Read(("Storage:Provider", provider), ("Storage:DatabasePath", path), ("Storage:ConnectionString", connection)), "/srv/app"));

        Assert.Contains(message, problem.Message);
    }
}
