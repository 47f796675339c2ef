using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurveyApp.Definitions;

/// <summary>Reads and writes the survey JSON format; reading always validates.</summary>
public static class SurveyDefinitionReader
{
    /// <summary>Definitions larger than this are refused before parsing.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DefinitionResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static DefinitionResult Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Fail(new DefinitionProblem("", "TooLarge", MaxBytes / 1024 / 1024));
        }
        if (!Utf8.IsValid(utf8))
        {
            return Fail(new DefinitionProblem("", "NotUtf8"));
        }
        SurveyDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<SurveyDefinition>(utf8.StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8, Options);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "" : e.Path.TrimStart('$', '.');
            return Fail(new DefinitionProblem(path, "Malformed", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }
        if (definition is null)
        {
            return Fail(new DefinitionProblem("", "Empty"));
        }
        var problems = SurveyDefinitionValidator.Validate(definition);
        return new DefinitionResult(problems.Count == 0 ? definition : null, problems);
    }

    public static async Task<DefinitionResult> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        Read(await File.ReadAllBytesAsync(path, cancellationToken));

    public static string Write(SurveyDefinition definition) => JsonSerializer.Serialize(definition, Options);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static DefinitionResult Fail(DefinitionProblem problem) => new(null, [problem]);
}

internal static class Utf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
