using System.Globalization;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Administration.Surveys;

/// <summary>
/// For something removed, <see cref="Path"/> is the path it had in the old definition. <see cref="Code"/> names
/// the message (SurveyChange.<i>Code</i> in the resources), <see cref="Args"/> fill it.
/// </summary>
public sealed record SurveyChange(string Path, string Code, params object[] Args)
{
    public string Message => Text.Format("SurveyChange." + Code, Args);

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Compares two versions of a survey definition for the changes that stored answers would not survive:
/// answers name questions, items and option codes, and a scale step's code is its value. Everything else
/// (texts, labels, order, required flags, longer limits) is wording, which answers keep their meaning through.
/// </summary>
public static class SurveyChanges
{
    /// <summary>Both must be valid definitions; empty when <paramref name="after"/> only rewords <paramref name="before"/>.</summary>
    public static IReadOnlyList<SurveyChange> Structural(SurveyDefinition before, SurveyDefinition after) =>
        new ChangeFinder().Find(before, after);

    private static Dictionary<string, (SectionDefinition Section, string Path)> Sections(SurveyDefinition survey) =>
        survey.Sections!.Select((section, s) => (section, path: $"sections[{s}]"))
            .ToDictionary(x => x.section.Key!, x => (x.section, x.path), StringComparer.Ordinal);

    private static Dictionary<string, (QuestionDefinition Question, string Path)> Questions(SurveyDefinition survey) =>
        survey.Sections!.SelectMany((section, s) => section.Questions!.Select((question, q) => (question, path: $"sections[{s}].questions[{q}]")))
            .ToDictionary(x => x.question.Key!, x => (x.question, x.path), StringComparer.Ordinal);

    private static Dictionary<string, (ScaleDefinition Scale, string Path)> Scales(SurveyDefinition survey) =>
        (survey.Scales ?? []).Select((scale, i) => (scale, path: $"scales[{i}]"))
            .ToDictionary(x => x.scale.Key!, x => (x.scale, x.path), StringComparer.Ordinal);

    // Moving or swapping labels leaves each stored code under another answer's name, so it is no wording fix.
    private static IEnumerable<(string Code, int Index, string Label)> MovedLabels(IReadOnlyDictionary<string, string?> before,
        IEnumerable<(string Code, int Index, string? Label)> now)
    {
        static string Normal(string? label) => (label ?? "").Trim().ToLowerInvariant();
        var owners = before.Where(b => Normal(b.Value).Length > 0).ToLookup(b => Normal(b.Value), b => b.Key, StringComparer.Ordinal);
        foreach (var (code, index, label) in now)
        {
            if (before.TryGetValue(code, out var was) && Normal(was) != Normal(label) && owners[Normal(label)].Any(other => other != code))
            {
                yield return (code, index, label!);
            }
        }
    }

    private static Dictionary<string, (T Item, int Index)> Indexed<T>(List<T>? list, Func<T, string> code) =>
        (list ?? []).Select((item, i) => (item, i)).ToDictionary(x => code(x.item), x => (x.item, x.i), StringComparer.Ordinal);

    // One comparison, top down (sections, then questions with their options, items and conditions, then
    // scales); changes are reported in that order.
    private sealed class ChangeFinder
    {
        private readonly List<SurveyChange> _changes = [];

        public IReadOnlyList<SurveyChange> Find(SurveyDefinition before, SurveyDefinition after)
        {
            CompareSections(Sections(before), Sections(after));
            var oldQuestions = Questions(before);
            CompareQuestions(oldQuestions, Questions(after));
            CompareAnsweredScales(oldQuestions, Scales(before), Scales(after));
            return _changes;
        }

        private void CompareSections(Dictionary<string, (SectionDefinition Section, string Path)> old,
            Dictionary<string, (SectionDefinition Section, string Path)> now)
        {
            foreach (var (key, (_, path)) in old.Where(s => !now.ContainsKey(s.Key)))
            {
                Add(path, "SectionRemoved", key);
            }
            foreach (var (key, (_, path)) in now.Where(s => !old.ContainsKey(s.Key)))
            {
                Add(path, "SectionAdded", key);
            }
        }

        private void CompareQuestions(Dictionary<string, (QuestionDefinition Question, string Path)> old,
            Dictionary<string, (QuestionDefinition Question, string Path)> now)
        {
            foreach (var (key, (_, path)) in old.Where(q => !now.ContainsKey(q.Key)))
            {
                Add(path, "QuestionRemoved", key);
            }
            foreach (var (key, (question, path)) in now)
            {
                if (old.TryGetValue(key, out var was))
                {
                    CompareQuestion(key, was.Question, was.Path, question, path);
                }
                else
                {
                    Add(path, "QuestionAdded", key);
                }
            }
        }

        private void CompareQuestion(string key, QuestionDefinition old, string oldPath, QuestionDefinition now, string path)
        {
            if (SurveyDefinitionValidator.ParseKind(old.Kind) != SurveyDefinitionValidator.ParseKind(now.Kind))
            {
                // Options, items and limits of another kind mean something else; the kind says it all.
                Add($"{path}.kind", "KindChanged", key, old.Kind!, now.Kind!);
            }
            else
            {
                CompareAnswers(key, old, oldPath, now, path);
                CompareLimits(key, old, now, path);
            }
            CompareCondition(key, old.ShowIf, $"{oldPath}.showIf", now.ShowIf, $"{path}.showIf");
        }

        private void CompareAnswers(string key, QuestionDefinition old, string oldPath, QuestionDefinition now, string path)
        {
            var kind = SurveyDefinitionValidator.ParseKind(now.Kind);
            if (kind is QuestionKind.Likert or QuestionKind.Matrix)
            {
                if (old.Scale != now.Scale) Add($"{path}.scale", "ScaleChanged", key, old.Scale!, now.Scale!);
                CompareOptions(key, old.OffScale, $"{oldPath}.offScale", now.OffScale, $"{path}.offScale", compareFlag: false);
            }
            if (kind is QuestionKind.Single or QuestionKind.Multi)
            {
                CompareOptions(key, old.Options, $"{oldPath}.options", now.Options, $"{path}.options", compareFlag: true);
            }
            if (kind == QuestionKind.Matrix)
            {
                CompareItems(key, old.Items, $"{oldPath}.items", now.Items, $"{path}.items");
            }
        }

        private void CompareLimits(string key, QuestionDefinition old, QuestionDefinition now, string path)
        {
            var kind = SurveyDefinitionValidator.ParseKind(now.Kind);
            if (kind == QuestionKind.Texts && now.MaxAnswers < old.MaxAnswers)
            {
                Add($"{path}.maxAnswers", "MaxAnswersLowered", key, old.MaxAnswers!.Value, now.MaxAnswers!.Value);
            }
            var (oldLength, newLength) = (old.MaxLength ?? Question.DefaultMaxLength, now.MaxLength ?? Question.DefaultMaxLength);
            if (kind is QuestionKind.Text or QuestionKind.Texts && newLength < oldLength)
            {
                Add($"{path}.maxLength", "MaxLengthLowered", key, oldLength, newLength);
            }
        }

        private void CompareOptions(string question, List<OptionDefinition>? old, string oldPath, List<OptionDefinition>? now, string path, bool compareFlag)
        {
            var current = Indexed(now, o => o.Code!);
            var previous = Indexed(old, o => o.Code!);
            foreach (var (code, (option, i)) in previous)
            {
                if (!current.TryGetValue(code, out var match))
                {
                    Add($"{oldPath}[{i}]", "OptionRemoved", question, code);
                }
                else if (compareFlag && (option.OffScale ?? false) != (match.Item.OffScale ?? false))
                {
                    Add($"{path}[{match.Index}].offScale", match.Item.OffScale ?? false ? "OptionNowOffScale" : "OptionNoLongerOffScale", question, code);
                }
            }
            foreach (var (code, (_, i)) in current.Where(o => !previous.ContainsKey(o.Key)))
            {
                Add($"{path}[{i}]", "OptionAdded", question, code);
            }
            foreach (var (code, i, label) in MovedLabels(previous.ToDictionary(o => o.Key, o => o.Value.Item.Label), current.Select(o => (o.Key, o.Value.Index, o.Value.Item.Label))))
            {
                Add($"{path}[{i}].label", "OptionLabelMoved", question, code, label);
            }
        }

        private void CompareItems(string question, List<ItemDefinition>? old, string oldPath, List<ItemDefinition>? now, string path)
        {
            var current = Indexed(now, i => i.Code!);
            var previous = Indexed(old, i => i.Code!);
            foreach (var (code, (_, i)) in previous.Where(i => !current.ContainsKey(i.Key)))
            {
                Add($"{oldPath}[{i}]", "ItemRemoved", question, code);
            }
            foreach (var (code, (_, i)) in current.Where(i => !previous.ContainsKey(i.Key)))
            {
                Add($"{path}[{i}]", "ItemAdded", question, code);
            }
            foreach (var (code, i, text) in MovedLabels(previous.ToDictionary(x => x.Key, x => x.Value.Item.Text), current.Select(x => (x.Key, x.Value.Index, x.Value.Item.Text))))
            {
                Add($"{path}[{i}].text", "ItemTextMoved", question, code, text);
            }
        }

        private void CompareCondition(string question, ConditionDefinition? old, string oldPath, ConditionDefinition? now, string path)
        {
            if (old is null && now is not null)
            {
                Add(path, "ConditionAdded", question);
            }
            else if (old is not null && now is null)
            {
                Add(oldPath, "ConditionRemoved", question);
            }
            else if (old is not null && now is not null
                && (old.Question != now.Question || !(old.AnyOf ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(now.AnyOf ?? [])))
            {
                Add(path, "ConditionChanged", question);
            }
        }

        private void CompareAnsweredScales(Dictionary<string, (QuestionDefinition Question, string Path)> oldQuestions,
            Dictionary<string, (ScaleDefinition Scale, string Path)> old, Dictionary<string, (ScaleDefinition Scale, string Path)> now)
        {
            // Only a scale that questions answered on can have stored answers on its steps.
            var answered = oldQuestions.Values.Select(q => q.Question.Scale).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var (key, (scale, path)) in now)
            {
                if (answered.Contains(key) && old.TryGetValue(key, out var was))
                {
                    CompareScale(key, was.Scale, was.Path, scale, path);
                }
            }
        }

        private void CompareScale(string scale, ScaleDefinition old, string oldPath, ScaleDefinition now, string path)
        {
            var oldValues = old.Steps!.Select(s => s.Value!.Value).ToList();
            var newValues = now.Steps!.Select(s => s.Value!.Value).ToList();
            CompareStepValues(scale, oldValues, oldPath, newValues, path);
            if (!oldValues.Where(newValues.Contains).SequenceEqual(newValues.Where(oldValues.Contains)))
            {
                Add($"{path}.steps", "StepsReordered", scale);
            }
            CompareStepLabels(scale, old.Steps!, now.Steps!, path);
            CompareScaleOffScale(scale, old.OffScale, $"{oldPath}.offScale", now.OffScale, $"{path}.offScale");
        }

        private void CompareStepValues(string scale, List<int> oldValues, string oldPath, List<int> newValues, string path)
        {
            var renumbered = new HashSet<int>();
            for (var i = 0; i < oldValues.Count; i++)
            {
                if (newValues.Contains(oldValues[i])) continue;
                // A step gone where a step of a new value stands: the value of that step was changed.
                if (i < newValues.Count && !oldValues.Contains(newValues[i]))
                {
                    Add($"{path}.steps[{i}].value", "StepValueChanged", scale, oldValues[i], newValues[i]);
                    renumbered.Add(i);
                }
                else
                {
                    Add($"{oldPath}.steps[{i}]", "StepRemoved", scale, oldValues[i]);
                }
            }
            for (var i = 0; i < newValues.Count; i++)
            {
                if (!oldValues.Contains(newValues[i]) && !renumbered.Contains(i))
                {
                    Add($"{path}.steps[{i}]", "StepAdded", scale, newValues[i]);
                }
            }
        }

        private void CompareStepLabels(string scale, List<StepDefinition> old, List<StepDefinition> now, string path)
        {
            var oldLabels = old.ToDictionary(st => st.Value!.Value.ToString(CultureInfo.InvariantCulture), st => st.Label);
            var newLabels = now.Select((st, i) => (st.Value!.Value.ToString(CultureInfo.InvariantCulture), i, st.Label));
            foreach (var (value, i, label) in MovedLabels(oldLabels, newLabels))
            {
                Add($"{path}.steps[{i}].label", "StepLabelMoved", scale, value, label);
            }
        }

        private void CompareScaleOffScale(string scale, List<OptionDefinition>? old, string oldPath, List<OptionDefinition>? now, string path)
        {
            var current = Indexed(now, o => o.Code!);
            var previous = Indexed(old, o => o.Code!);
            foreach (var (code, (_, i)) in previous.Where(o => !current.ContainsKey(o.Key)))
            {
                Add($"{oldPath}[{i}]", "ScaleOptionRemoved", scale, code);
            }
            foreach (var (code, (_, i)) in current.Where(o => !previous.ContainsKey(o.Key)))
            {
                Add($"{path}[{i}]", "ScaleOptionAdded", scale, code);
            }
        }

        private void Add(string path, string code, params object[] args) => _changes.Add(new SurveyChange(path, code, args));
    }
}
