using SurveyApp.Resources;

namespace SurveyApp.Definitions;

/// <summary>One problem found in a survey definition, with the JSON path of the value at fault.</summary>
public sealed record DefinitionProblem(string Path, string Code, params object[] Args)
{
    public string Message => Text.Format("Definition." + Code, Args);

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";

    public bool IsWithin(string path) =>
        Path == path || Path.StartsWith(path + ".", StringComparison.Ordinal) || Path.StartsWith(path + "[", StringComparison.Ordinal);
}

public sealed record DefinitionResult(SurveyDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
