using Microsoft.Extensions.Options;

namespace SurveyApp.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed an empty database with the model survey, its participants, a wave and invitations.</summary>
    public bool Enabled { get; set; }
    public string SurveyFile { get; set; } = "";
    public string ParticipantsFile { get; set; } = "";

    /// <summary>The name of the survey's participant list the participants file fills.</summary>
    public string ListName { get; set; } = "Deltagare";
    public string WaveName { get; set; } = "";

    /// <summary>Where the invitation links are written; the tokens exist nowhere else in clear.</summary>
    public string LinksFile { get; set; } = "";

    public string ResponsesFile { get; set; } = "";

    public string CodingFile { get; set; } = "";

    /// <summary>A second, closed wave of the same survey and participants, for comparison; empty for none.</summary>
    public string FollowUpWaveName { get; set; } = "";

    public string FollowUpResponsesFile { get; set; } = "";
}

public sealed class SeedOptionsValidation : IValidateOptions<SeedOptions>
{
    public ValidateOptionsResult Validate(string? name, SeedOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var required = new (string Setting, string Value)[]
        {
            (nameof(SeedOptions.SurveyFile), options.SurveyFile),
            (nameof(SeedOptions.ParticipantsFile), options.ParticipantsFile),
            (nameof(SeedOptions.WaveName), options.WaveName),
            (nameof(SeedOptions.LinksFile), options.LinksFile),
        };
        var missing = required.Where(r => string.IsNullOrWhiteSpace(r.Value))
            .Select(r => $"{SeedOptions.Section}:{r.Setting} must be set while {SeedOptions.Section}:{nameof(SeedOptions.Enabled)} is true.")
            .ToList();
        if (options.FollowUpWaveName.Length > 0 && string.IsNullOrWhiteSpace(options.FollowUpResponsesFile))
        {
            missing.Add($"{SeedOptions.Section}:{nameof(SeedOptions.FollowUpResponsesFile)} must be set when {SeedOptions.Section}:{nameof(SeedOptions.FollowUpWaveName)} is.");
        }
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
