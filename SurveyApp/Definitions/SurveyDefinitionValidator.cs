using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SurveyApp.Domain;

namespace SurveyApp.Definitions;

// Each problem is reported with its path; a definition with any problem is never loaded.
public static partial class SurveyDefinitionValidator
{
    public const int MaxTextLength = 20_000;
    public const int MaxAnswersLimit = 20;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex KeyPattern();

    public static IReadOnlyList<DefinitionProblem> Validate(SurveyDefinition survey) => new ValidationRun().Check(survey);

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

    // Problems are reported top down: the survey, its scales, then its sections with their questions.
    private sealed class ValidationRun
    {
        private readonly List<DefinitionProblem> _problems = [];
        private readonly Dictionary<string, ScaleDefinition> _scales = new(StringComparer.Ordinal);
        private readonly HashSet<string> _sectionKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _questionKeys = new(StringComparer.Ordinal);

        // The questions of the sections already checked. A section is one page, so a condition can only
        // use an answer given on an earlier page: one of these.
        private readonly Dictionary<string, QuestionDefinition> _earlier = new(StringComparer.Ordinal);

        public IReadOnlyList<DefinitionProblem> Check(SurveyDefinition survey)
        {
            CheckSurvey(survey);
            CheckScales(survey.Scales);
            CheckSections(survey.Sections);
            return _problems;
        }

        private void CheckSurvey(SurveyDefinition survey)
        {
            UnknownProperties("", survey.Unknown);
            CheckKey("key", survey.Key);
            Required("title", survey.Title);
            if (survey.Language is not null && survey.Language is not ("sv" or "en"))
            {
                Add("language", "UnknownLanguage", survey.Language);
            }
        }

        private void CheckScales(List<ScaleDefinition>? scales)
        {
            for (var i = 0; i < (scales?.Count ?? 0); i++)
            {
                var path = $"scales[{i}]";
                if (scales![i] is { } scale) CheckScale(path, scale);
                else Add(path, "Missing");
            }
        }

        private void CheckScale(string path, ScaleDefinition scale)
        {
            UnknownProperties(path, scale.Unknown);
            UniqueKey($"{path}.key", scale.Key, key => _scales.TryAdd(key, scale));
            CheckSteps(path, scale.Steps);
            CheckOptions($"{path}.offScale", scale.OffScale, minimum: 0, StepCodes(scale).ToList());
        }

        private void CheckSteps(string path, List<StepDefinition>? steps)
        {
            if (steps is not { Count: >= 2 })
            {
                Add($"{path}.steps", "TooFewSteps", 2);
                return;
            }
            var values = new HashSet<int>();
            for (var i = 0; i < steps.Count; i++)
            {
                var stepPath = $"{path}.steps[{i}]";
                if (steps[i] is null)
                {
                    Add(stepPath, "Missing");
                    continue;
                }
                UnknownProperties(stepPath, steps[i].Unknown);
                Required($"{stepPath}.label", steps[i].Label);
                if (steps[i].Value is not { } value) Add($"{stepPath}.value", "Missing");
                else if (!values.Add(value)) Add($"{stepPath}.value", "DuplicateValue", value);
            }
            CheckStepOrder(path, steps, distinctValues: values.Count);
        }

        private void CheckStepOrder(string path, List<StepDefinition> steps, int distinctValues)
        {
            var ordered = steps.Where(s => s?.Value is not null).Select(s => s.Value!.Value).ToList();
            var ascending = ordered.Zip(ordered.Skip(1)).All(p => p.First < p.Second);
            var descending = ordered.Zip(ordered.Skip(1)).All(p => p.First > p.Second);
            // A duplicate value has been reported already; the order of such steps says nothing more.
            if (distinctValues == ordered.Count && !ascending && !descending)
            {
                Add($"{path}.steps", "StepsNotOrdered");
            }
        }

        private void CheckSections(List<SectionDefinition>? sections)
        {
            if (sections is not { Count: > 0 })
            {
                Add("sections", "NoSections");
                return;
            }
            for (var s = 0; s < sections.Count; s++)
            {
                var path = $"sections[{s}]";
                if (sections[s] is { } section) CheckSection(path, section);
                else Add(path, "Missing");
            }
        }

        private void CheckSection(string path, SectionDefinition section)
        {
            UnknownProperties(path, section.Unknown);
            UniqueKey($"{path}.key", section.Key, _sectionKeys.Add);
            Required($"{path}.title", section.Title);
            if (section.Questions is not { Count: > 0 })
            {
                Add($"{path}.questions", "NoQuestions");
                return;
            }
            for (var q = 0; q < section.Questions.Count; q++)
            {
                var questionPath = $"{path}.questions[{q}]";
                if (section.Questions[q] is { } question) CheckQuestion(questionPath, question);
                else Add(questionPath, "Missing");
            }
            foreach (var question in section.Questions.Where(q => q?.Key is not null))
            {
                _earlier.TryAdd(question.Key!, question);
            }
        }

        private void CheckQuestion(string path, QuestionDefinition question)
        {
            UniqueKey($"{path}.key", question.Key, _questionKeys.Add);
            UnknownProperties(path, question.Unknown);
            Required($"{path}.text", question.Text);
            if (ParseKind(question.Kind) is not { } kind)
            {
                if (question.Kind is null) Add($"{path}.kind", "Missing");
                else Add($"{path}.kind", "UnknownKind", question.Kind);
                return;
            }
            CheckQuestionScale(path, question, kind);
            CheckQuestionOptions(path, question, kind);
            CheckQuestionItems(path, question, kind);
            CheckQuestionLimits(path, question, kind);
            if (question.ShowIf is { } condition)
            {
                CheckCondition($"{path}.showIf", condition);
            }
        }

        private void CheckQuestionScale(string path, QuestionDefinition question, QuestionKind kind)
        {
            if (kind is not (QuestionKind.Likert or QuestionKind.Matrix))
            {
                NotAllowed($"{path}.scale", question.Scale, kind);
                NotAllowed($"{path}.offScale", question.OffScale, kind);
                return;
            }
            if (question.Scale is null) Add($"{path}.scale", "Missing");
            else if (!_scales.ContainsKey(question.Scale)) Add($"{path}.scale", "UnknownScale", question.Scale);
            // A question's own off-scale codes share the answer with the scale's steps and off-scale codes.
            var taken = _scales.TryGetValue(question.Scale ?? "", out var scale)
                ? StepCodes(scale).Concat(scale.OffScale?.Select(o => o?.Code ?? "") ?? []).ToList()
                : [];
            CheckOptions($"{path}.offScale", question.OffScale, minimum: 0, taken);
        }

        private void CheckQuestionOptions(string path, QuestionDefinition question, QuestionKind kind)
        {
            if (kind is QuestionKind.Single or QuestionKind.Multi)
            {
                CheckOptions($"{path}.options", question.Options, minimum: 2, []);
            }
            else
            {
                NotAllowed($"{path}.options", question.Options, kind);
            }
        }

        private void CheckQuestionItems(string path, QuestionDefinition question, QuestionKind kind)
        {
            if (kind == QuestionKind.Matrix)
            {
                CheckItems($"{path}.items", question.Items);
            }
            else
            {
                NotAllowed($"{path}.items", question.Items, kind);
            }
        }

        private void CheckQuestionLimits(string path, QuestionDefinition question, QuestionKind kind)
        {
            if (kind is QuestionKind.Text or QuestionKind.Texts)
            {
                if (question.MaxLength is < 1 or > MaxTextLength) Add($"{path}.maxLength", "OutOfRange", 1, MaxTextLength);
            }
            else
            {
                NotAllowed($"{path}.maxLength", question.MaxLength, kind);
            }

            if (kind == QuestionKind.Texts)
            {
                if (question.MaxAnswers is null) Add($"{path}.maxAnswers", "Missing");
                else if (question.MaxAnswers is < 2 or > MaxAnswersLimit) Add($"{path}.maxAnswers", "OutOfRange", 2, MaxAnswersLimit);
            }
            else
            {
                NotAllowed($"{path}.maxAnswers", question.MaxAnswers, kind);
            }
        }

        private void CheckCondition(string path, ConditionDefinition condition)
        {
            UnknownProperties(path, condition.Unknown);
            if (condition.Question is null)
            {
                Add($"{path}.question", "Missing");
                return;
            }
            if (!_earlier.TryGetValue(condition.Question, out var source))
            {
                Add($"{path}.question", "ConditionNotEarlier", condition.Question);
                return;
            }
            if (ParseKind(source.Kind) is QuestionKind.Text or QuestionKind.Texts)
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

        private IEnumerable<string> OfferedCodes(QuestionDefinition question)
        {
            var own = (question.Options ?? []).Concat(question.OffScale ?? []).Select(o => o?.Code ?? "");
            return question.Scale is not null && _scales.TryGetValue(question.Scale, out var scale)
                ? StepCodes(scale).Concat((scale.OffScale ?? []).Select(o => o?.Code ?? "")).Concat(own)
                : own;
        }

        private void CheckOptions(string path, List<OptionDefinition>? options, int minimum, IReadOnlyCollection<string> taken)
        {
            if ((options?.Count ?? 0) < minimum)
            {
                Add(path, "TooFewOptions", minimum);
                return;
            }
            var codes = new HashSet<string>(taken, StringComparer.Ordinal);
            for (var i = 0; i < (options?.Count ?? 0); i++)
            {
                var optionPath = $"{path}[{i}]";
                if (options![i] is not { } option)
                {
                    Add(optionPath, "Missing");
                    continue;
                }
                UnknownProperties(optionPath, option.Unknown);
                UniqueKey($"{optionPath}.code", option.Code, codes.Add);
                Required($"{optionPath}.label", option.Label);
            }
        }

        private void CheckItems(string path, List<ItemDefinition>? items)
        {
            if (items is not { Count: > 0 })
            {
                Add(path, "NoItems");
                return;
            }
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (items[i] is not { } item)
                {
                    Add(itemPath, "Missing");
                    continue;
                }
                UnknownProperties(itemPath, item.Unknown);
                UniqueKey($"{itemPath}.code", item.Code, codes.Add);
                Required($"{itemPath}.text", item.Text);
            }
        }

        private void UniqueKey(string path, string? key, Func<string, bool> add)
        {
            if (CheckKey(path, key) && !add(key!))
            {
                Add(path, "DuplicateKey", key!);
            }
        }

        private bool CheckKey(string path, string? value)
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

        private void Required(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(path, "Missing");
        }

        private void NotAllowed(string path, object? value, QuestionKind kind)
        {
            if (value is not null) Add(path, "NotForKind", KindName(kind));
        }

        private void UnknownProperties(string path, Dictionary<string, JsonElement>? unknown)
        {
            foreach (var name in unknown?.Keys ?? Enumerable.Empty<string>())
            {
                Add(path.Length == 0 ? name : $"{path}.{name}", "UnknownProperty", name);
            }
        }

        private void Add(string path, string code, params object[] args) => _problems.Add(new DefinitionProblem(path, code, args));
    }
}
