using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SurveyApp.Domain;

namespace SurveyApp.Definitions;

/// <summary>
/// Checks a parsed definition against every rule of the format and reports each problem with
/// its path; a definition with any problem is never loaded.
/// </summary>
public static partial class SurveyDefinitionValidator
{
    public const int MaxTextLength = 20_000;
    public const int MaxAnswersLimit = 20;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex KeyPattern();

    public static IReadOnlyList<DefinitionProblem> Validate(SurveyDefinition survey)
    {
        var problems = new List<DefinitionProblem>();
        void Add(string path, string code, params object[] args) => problems.Add(new DefinitionProblem(path, code, args));

        Unknown("", survey.Unknown);
        Key("key", survey.Key);
        Required("title", survey.Title);
        if (survey.Language is not null && survey.Language is not ("sv" or "en"))
        {
            Add("language", "UnknownLanguage", survey.Language);
        }

        var scales = new Dictionary<string, ScaleDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < (survey.Scales?.Count ?? 0); i++)
        {
            var scale = survey.Scales![i];
            var path = $"scales[{i}]";
            if (scale is null)
            {
                Add(path, "Missing");
                continue;
            }
            Unknown(path, scale.Unknown);
            if (Key($"{path}.key", scale.Key) && !scales.TryAdd(scale.Key!, scale))
            {
                Add($"{path}.key", "DuplicateKey", scale.Key!);
            }
            ValidateSteps(path, scale.Steps);
            ValidateOptions($"{path}.offScale", scale.OffScale, minimum: 0, StepCodes(scale).ToList());
        }

        if (survey.Sections is not { Count: > 0 })
        {
            Add("sections", "NoSections");
            return problems;
        }

        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, QuestionDefinition>(StringComparer.Ordinal);
        var seenQuestionKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < survey.Sections.Count; s++)
        {
            var section = survey.Sections[s];
            var path = $"sections[{s}]";
            if (section is null)
            {
                Add(path, "Missing");
                continue;
            }
            Unknown(path, section.Unknown);
            if (Key($"{path}.key", section.Key) && !sectionKeys.Add(section.Key!))
            {
                Add($"{path}.key", "DuplicateKey", section.Key!);
            }
            Required($"{path}.title", section.Title);
            if (section.Questions is not { Count: > 0 })
            {
                Add($"{path}.questions", "NoQuestions");
                continue;
            }
            for (var q = 0; q < section.Questions.Count; q++)
            {
                var question = section.Questions[q];
                var questionPath = $"{path}.questions[{q}]";
                if (question is null)
                {
                    Add(questionPath, "Missing");
                    continue;
                }
                if (Key($"{questionPath}.key", question.Key) && !seenQuestionKeys.Add(question.Key!))
                {
                    Add($"{questionPath}.key", "DuplicateKey", question.Key!);
                }
                ValidateQuestion(questionPath, question, earlier);
            }
            foreach (var question in section.Questions.Where(q => q?.Key is not null))
            {
                earlier.TryAdd(question.Key!, question);
            }
        }
        return problems;

        void ValidateQuestion(string path, QuestionDefinition question, Dictionary<string, QuestionDefinition> before)
        {
            Unknown(path, question.Unknown);
            Required($"{path}.text", question.Text);
            var kind = ParseKind(question.Kind);
            if (kind is null)
            {
                if (question.Kind is null) Add($"{path}.kind", "Missing");
                else Add($"{path}.kind", "UnknownKind", question.Kind);
                return;
            }

            var scaled = kind is QuestionKind.Likert or QuestionKind.Matrix;
            if (scaled)
            {
                if (question.Scale is null) Add($"{path}.scale", "Missing");
                else if (!scales.ContainsKey(question.Scale)) Add($"{path}.scale", "UnknownScale", question.Scale);
                var taken = scales.TryGetValue(question.Scale ?? "", out var scale)
                    ? StepCodes(scale).Concat(scale.OffScale?.Select(o => o?.Code ?? "") ?? []).ToList()
                    : [];
                ValidateOptions($"{path}.offScale", question.OffScale, minimum: 0, taken);
                NotAllowed($"{path}.options", question.Options, kind.Value);
            }
            else
            {
                NotAllowed($"{path}.scale", question.Scale, kind.Value);
                NotAllowed($"{path}.offScale", question.OffScale, kind.Value);
            }

            if (kind is QuestionKind.Single or QuestionKind.Multi)
            {
                ValidateOptions($"{path}.options", question.Options, minimum: 2, []);
            }
            else if (!scaled)
            {
                NotAllowed($"{path}.options", question.Options, kind.Value);
            }

            if (kind == QuestionKind.Matrix)
            {
                ValidateItems($"{path}.items", question.Items);
            }
            else
            {
                NotAllowed($"{path}.items", question.Items, kind.Value);
            }

            if (kind is QuestionKind.Text or QuestionKind.Texts)
            {
                if (question.MaxLength is < 1 or > MaxTextLength) Add($"{path}.maxLength", "OutOfRange", 1, MaxTextLength);
            }
            else
            {
                NotAllowed($"{path}.maxLength", question.MaxLength, kind.Value);
            }

            if (kind == QuestionKind.Texts)
            {
                if (question.MaxAnswers is null) Add($"{path}.maxAnswers", "Missing");
                else if (question.MaxAnswers is < 2 or > MaxAnswersLimit) Add($"{path}.maxAnswers", "OutOfRange", 2, MaxAnswersLimit);
            }
            else
            {
                NotAllowed($"{path}.maxAnswers", question.MaxAnswers, kind.Value);
            }

            if (question.ShowIf is { } condition)
            {
                ValidateCondition($"{path}.showIf", condition, before);
            }
        }

        void ValidateCondition(string path, ConditionDefinition condition, Dictionary<string, QuestionDefinition> before)
        {
            Unknown(path, condition.Unknown);
            if (condition.Question is null)
            {
                Add($"{path}.question", "Missing");
                return;
            }
            if (!before.TryGetValue(condition.Question, out var source))
            {
                Add($"{path}.question", "ConditionNotEarlier", condition.Question);
                return;
            }
            var sourceKind = ParseKind(source.Kind);
            if (sourceKind is QuestionKind.Text or QuestionKind.Texts)
            {
                Add($"{path}.question", "ConditionOnOpenQuestion", condition.Question);
                return;
            }
            if (condition.AnyOf is not { Count: > 0 })
            {
                Add($"{path}.anyOf", "Missing");
                return;
            }
            var offered = OfferedCodes(source).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < condition.AnyOf.Count; i++)
            {
                if (!offered.Contains(condition.AnyOf[i]))
                {
                    Add($"{path}.anyOf[{i}]", "UnknownCode", condition.AnyOf[i], condition.Question);
                }
            }
        }

        IEnumerable<string> OfferedCodes(QuestionDefinition question)
        {
            var own = (question.Options ?? []).Concat(question.OffScale ?? []).Select(o => o?.Code ?? "");
            return question.Scale is not null && scales.TryGetValue(question.Scale, out var scale)
                ? StepCodes(scale).Concat((scale.OffScale ?? []).Select(o => o?.Code ?? "")).Concat(own)
                : own;
        }

        void ValidateSteps(string path, List<StepDefinition>? steps)
        {
            if (steps is not { Count: >= 2 })
            {
                Add($"{path}.steps", "TooFewSteps", 2);
                return;
            }
            var values = new HashSet<int>();
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i] is null)
                {
                    Add($"{path}.steps[{i}]", "Missing");
                    continue;
                }
                Unknown($"{path}.steps[{i}]", steps[i].Unknown);
                Required($"{path}.steps[{i}].label", steps[i].Label);
                if (steps[i].Value is not { } value) Add($"{path}.steps[{i}].value", "Missing");
                else if (!values.Add(value)) Add($"{path}.steps[{i}].value", "DuplicateValue", value);
            }
            var ordered = steps.Where(s => s?.Value is not null).Select(s => s.Value!.Value).ToList();
            var ascending = ordered.Zip(ordered.Skip(1)).All(p => p.First < p.Second);
            var descending = ordered.Zip(ordered.Skip(1)).All(p => p.First > p.Second);
            if (values.Count == ordered.Count && !ascending && !descending)
            {
                Add($"{path}.steps", "StepsNotOrdered");
            }
        }

        void ValidateOptions(string path, List<OptionDefinition>? options, int minimum, IReadOnlyCollection<string> taken)
        {
            if ((options?.Count ?? 0) < minimum)
            {
                Add(path, "TooFewOptions", minimum);
                return;
            }
            var codes = new HashSet<string>(taken, StringComparer.Ordinal);
            for (var i = 0; i < (options?.Count ?? 0); i++)
            {
                var option = options![i];
                if (option is null)
                {
                    Add($"{path}[{i}]", "Missing");
                    continue;
                }
                Unknown($"{path}[{i}]", option.Unknown);
                if (Key($"{path}[{i}].code", option.Code) && !codes.Add(option.Code!))
                {
                    Add($"{path}[{i}].code", "DuplicateKey", option.Code!);
                }
                Required($"{path}[{i}].label", option.Label);
            }
        }

        void ValidateItems(string path, List<ItemDefinition>? items)
        {
            if (items is not { Count: > 0 })
            {
                Add(path, "NoItems");
                return;
            }
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    Add($"{path}[{i}]", "Missing");
                    continue;
                }
                Unknown($"{path}[{i}]", items[i].Unknown);
                if (Key($"{path}[{i}].code", items[i].Code) && !codes.Add(items[i].Code!))
                {
                    Add($"{path}[{i}].code", "DuplicateKey", items[i].Code!);
                }
                Required($"{path}[{i}].text", items[i].Text);
            }
        }

        bool Key(string path, string? value)
        {
            if (value is null)
            {
                Add(path, "Missing");
                return false;
            }
            if (!KeyPattern().IsMatch(value))
            {
                Add(path, "BadKey", value);
                return false;
            }
            return true;
        }

        void Required(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(path, "Missing");
        }

        void NotAllowed(string path, object? value, QuestionKind kind)
        {
            if (value is not null) Add(path, "NotForKind", KindName(kind));
        }

        void Unknown(string path, Dictionary<string, JsonElement>? unknown)
        {
            foreach (var name in unknown?.Keys ?? Enumerable.Empty<string>())
            {
                Add(path.Length == 0 ? name : $"{path}.{name}", "UnknownProperty", name);
            }
        }
    }

    public static QuestionKind? ParseKind(string? kind) => kind switch
    {
        "likert" => QuestionKind.Likert,
        "matrix" => QuestionKind.Matrix,
        "single" => QuestionKind.Single,
        "multi" => QuestionKind.Multi,
        "text" => QuestionKind.Text,
        "texts" => QuestionKind.Texts,
        _ => null,
    };

    public static string KindName(QuestionKind kind) => kind.ToString().ToLowerInvariant();

    private static IEnumerable<string> StepCodes(ScaleDefinition scale) =>
        (scale.Steps ?? []).Where(s => s?.Value is not null).Select(s => s.Value!.Value.ToString(CultureInfo.InvariantCulture));
}
