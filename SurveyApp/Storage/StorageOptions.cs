using System.ComponentModel.DataAnnotations;

namespace SurveyApp.Storage;

/// <summary>Which database SurveyApp keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file beside the app: nothing to install, one app process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: larger installations, several app processes on one database.</summary>
    PostgreSql,
}

/// <summary>The <c>Storage</c> section of the configuration.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>With SQLite: the database file; a relative path is taken from the content root.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>With PostgreSQL: the Npgsql connection string (Host, Port, Database, Username, Password).</summary>
    public string ConnectionString { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DatabasePath))
        {
            yield return new ValidationResult($"Set {Section}:{nameof(DatabasePath)} to the SQLite database file.", [nameof(DatabasePath)]);
        }
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"Set {Section}:{nameof(ConnectionString)} to the PostgreSQL connection string.", [nameof(ConnectionString)]);
        }
    }

    /// <summary>Reads and checks the section at once: the database has to be known before the services are built.</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = new StorageOptions();
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{Section}:{nameof(Provider)} must be {StorageProvider.Sqlite} or {StorageProvider.PostgreSql}.", e);
        }
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }
        return options;
    }
}
