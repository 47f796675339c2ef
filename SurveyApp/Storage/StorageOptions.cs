using System.ComponentModel.DataAnnotations;

namespace SurveyApp.Storage;

public enum StorageProvider
{
    /// <summary>One SQLite file beside the app: nothing to install, one app process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: larger installations, several app processes on one database.</summary>
    PostgreSql,
}

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>With SQLite: the database file; a relative path is taken from the content root.</summary>
    public string DatabasePath { get; set; } = "";

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

    // Read and checked at once: the database has to be known before the services are built.
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
