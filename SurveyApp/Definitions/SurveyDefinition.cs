using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurveyApp.Definitions;

// The survey JSON format (docs/survey-format.md). Every object keeps the properties it does not
// know in Unknown, so that the validator can report each of them instead of ignoring it.

public sealed class SurveyDefinition
{
    public string? Key { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Introduction { get; set; }
    public List<ScaleDefinition>? Scales { get; set; }
    public List<SectionDefinition>? Sections { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class ScaleDefinition
{
    public string? Key { get; set; }

    /// <summary>False for a one-sided scale (none, some, a lot): charted from zero, not diverging. Default true.</summary>
    public bool? Bipolar { get; set; }
    public List<StepDefinition>? Steps { get; set; }
    public List<OptionDefinition>? OffScale { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class StepDefinition
{
    public int? Value { get; set; }
    public string? Label { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class OptionDefinition
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public bool? OffScale { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class SectionDefinition
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<QuestionDefinition>? Questions { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class QuestionDefinition
{
    public string? Key { get; set; }
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Help { get; set; }
    public bool? Required { get; set; }
    public string? Scale { get; set; }
    public List<ItemDefinition>? Items { get; set; }
    public List<OptionDefinition>? Options { get; set; }
    public List<OptionDefinition>? OffScale { get; set; }
    public int? MaxLength { get; set; }
    public int? MaxAnswers { get; set; }
    public ConditionDefinition? ShowIf { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class ItemDefinition
{
    public string? Code { get; set; }
    public string? Text { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class ConditionDefinition
{
    public string? Question { get; set; }
    public List<string>? AnyOf { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}
