using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Administration.Surveys.Editor;

/// <summary>
/// Every field of the editor names its JSON path, so each problem is shown next to the field it concerns,
/// with the validator's own message. A field shows its problems once it has been edited, and every field
/// does after a save was tried.
/// </summary>
public sealed partial class SurveyEditorState
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private ILookup<string, DefinitionProblem> _byPath;

    public SurveyEditorState(SurveyDefinition definition)
    {
        Definition = definition;
        Problems = SurveyDefinitionValidator.Validate(definition);
        _byPath = Problems.ToLookup(p => p.Path, StringComparer.Ordinal);
    }

    public SurveyDefinition Definition { get; }

    public IReadOnlyList<DefinitionProblem> Problems { get; private set; }

    public bool ShowAll { get; private set; }

    /// <summary>The page the preview shows: 0 the welcome page, 1 … n the sections.</summary>
    public int PreviewPage { get; set; }

    public event Action? Changed;

    public static SurveyDefinition NewSurvey() => new()
    {
        Language = "sv",
        Scales = [new ScaleDefinition { Key = "grad", Steps = [.. Enumerable.Range(1, 4).Select(v => new StepDefinition { Value = v })] }],
        Sections = [new SectionDefinition { Key = "s1", Questions = [NewQuestion("q1", QuestionKind.Likert, "grad")] }],
    };

    public static QuestionDefinition NewQuestion(string key, QuestionKind kind, string? scale) =>
        SetKind(new QuestionDefinition { Key = key }, kind, scale);

    // The properties the new kind does not take are cleared (the validator refuses them); those it needs get a starting value.
    public static QuestionDefinition SetKind(QuestionDefinition question, QuestionKind kind, string? defaultScale)
    {
        var scaled = kind is QuestionKind.Likert or QuestionKind.Matrix;
        var choice = kind is QuestionKind.Single or QuestionKind.Multi;
        var open = kind is QuestionKind.Text or QuestionKind.Texts;
        question.Kind = SurveyDefinitionValidator.KindName(kind);
        question.Scale = scaled ? question.Scale ?? defaultScale : null;
        question.OffScale = scaled ? question.OffScale : null;
        question.Options = choice ? question.Options ?? [new OptionDefinition(), new OptionDefinition()] : null;
        question.Items = kind == QuestionKind.Matrix ? question.Items ?? [new ItemDefinition()] : null;
        question.MaxLength = open ? question.MaxLength : null;
        question.MaxAnswers = kind == QuestionKind.Texts ? question.MaxAnswers ?? 3 : null;
        return question;
    }

    /// <summary>True for a survey not yet saved: its key follows its title until a key of its own is typed.</summary>
    public bool IsNew { get; init; }

    /// <summary>
    /// Sets the title; a new survey whose key is empty, or still the one its previous title gave, gets the key the new
    /// title gives. A saved survey keeps its key: files and addresses name it.
    /// </summary>
    public void SetTitle(string? title)
    {
        if (IsNew && (string.IsNullOrEmpty(Definition.Key) || Definition.Key == KeyFrom(Definition.Title)))
        {
            Definition.Key = KeyFrom(title);
        }
        Definition.Title = title;
    }

    /// <summary>
    /// A key a title suggests, within the keys' rules: lower case, letters without their accents (å, ä and ö as a and
    /// o), digits, and one hyphen for every run of anything else; at most 64 characters. Null when nothing is left.
    /// </summary>
    public static string? KeyFrom(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var key = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            var plain = c switch { 'æ' => "ae", 'ø' => "o", 'ß' => "ss", 'đ' => "d", 'ł' => "l", _ => null };
            if (plain is not null)
            {
                key.Append(plain);
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                key.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        var text = key.ToString(0, Math.Min(key.Length, MaxKeyLength)).TrimEnd('-');
        return text.Length == 0 ? null : text;
    }

    private const int MaxKeyLength = 64;

    /// <summary>Gives a question a new key; the conditions that named it by the old key follow.</summary>
    public void RenameQuestion(QuestionDefinition question, string? key)
    {
        var old = question.Key;
        question.Key = key;
        if (string.IsNullOrEmpty(old) || string.IsNullOrEmpty(key)) return;
        foreach (var condition in AllQuestions.Select(q => q.ShowIf).Where(c => c?.Question == old))
        {
            condition!.Question = key;
        }
    }

    /// <summary>Gives a scale a new key; the questions that used it by the old key follow.</summary>
    public void RenameScale(ScaleDefinition scale, string? key)
    {
        var old = scale.Key;
        scale.Key = key;
        if (string.IsNullOrEmpty(old) || string.IsNullOrEmpty(key)) return;
        foreach (var question in AllQuestions.Where(q => q.Scale == old))
        {
            question.Scale = key;
        }
    }

    public IEnumerable<DefinitionProblem> ProblemsAt(string path) =>
        ShowAll || _touched.Contains(path) ? _byPath[path] : [];

    public void Edited(string path)
    {
        _touched.Add(path);
        Revalidate();
    }

    public void Revalidate()
    {
        Unsaved = true;
        Validate();
    }

    /// <summary>Shows every problem from now on; true when there is none.</summary>
    public bool TrySave()
    {
        ShowAll = true;
        Validate();
        return Problems.Count == 0;
    }

    public bool Unsaved { get; private set; }

    public void MarkSaved() => Unsaved = false;

    /// <summary>Shows problems that only the store can find (a key another survey uses) beside their fields, until the next edit.</summary>
    public void Reject(IReadOnlyList<DefinitionProblem> problems)
    {
        ShowAll = true;
        Show(SurveyDefinitionValidator.Validate(Definition).Concat(problems).ToList());
    }

    private void Validate()
    {
        Normalize(Definition);
        Show(SurveyDefinitionValidator.Validate(Definition));
    }

    private void Show(IReadOnlyList<DefinitionProblem> problems)
    {
        Problems = problems;
        _byPath = Problems.ToLookup(p => p.Path, StringComparer.Ordinal);
        Changed?.Invoke();
    }

    /// <summary>The id of the field at a JSON path: sections[0].questions[2].text → f-sections-0-questions-2-text.</summary>
    public static string FieldId(string path) => "f-" + NonWord().Replace(path, "-").Trim('-');

    public static string ErrorId(string path) => FieldId(path) + "-fel";

    // As in a hand-written file: empty optional texts and off-scale lists become absent, and required false is written as absent.
    public static void Normalize(SurveyDefinition definition)
    {
        definition.Introduction = Blank(definition.Introduction);
        foreach (var scale in definition.Scales ?? [])
        {
            if (scale.OffScale is { Count: 0 }) scale.OffScale = null;
            if (scale.Bipolar == true) scale.Bipolar = null;
        }
        foreach (var section in definition.Sections ?? [])
        {
            section.Description = Blank(section.Description);
            foreach (var question in section.Questions ?? [])
            {
                question.Help = Blank(question.Help);
                if (question.OffScale is { Count: 0 }) question.OffScale = null;
                if (question.Required == false) question.Required = null;
                foreach (var option in question.Options ?? [])
                {
                    if (option.OffScale == false) option.OffScale = null;
                }
            }
        }
    }

    public static string FreeKey(string prefix, IEnumerable<string?> taken)
    {
        var used = taken.Where(k => k is not null).ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (used.Contains($"{prefix}{n}")) n++;
        return $"{prefix}{n}";
    }

    public IEnumerable<QuestionDefinition> AllQuestions => (Definition.Sections ?? []).SelectMany(s => s.Questions ?? []);

    /// <summary>The choice questions of the sections before <paramref name="sectionIndex"/>: what a condition may refer to.</summary>
    public IEnumerable<QuestionDefinition> ConditionSources(int sectionIndex) =>
        (Definition.Sections ?? []).Take(sectionIndex).SelectMany(s => s.Questions ?? [])
            .Where(q => q.Key is not null && SurveyDefinitionValidator.ParseKind(q.Kind) is QuestionKind.Likert or QuestionKind.Matrix or QuestionKind.Single or QuestionKind.Multi);

    public IReadOnlyList<(string Code, string Label)> OfferedAnswers(QuestionDefinition question)
    {
        var offered = new List<(string, string)>();
        if (question.Scale is not null && Definition.Scales?.FirstOrDefault(s => s.Key == question.Scale) is { } scale)
        {
            offered.AddRange((scale.Steps ?? []).Where(s => s.Value is not null)
                .Select(s => (s.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Label ?? "")));
            offered.AddRange((scale.OffScale ?? []).Where(o => o.Code is not null).Select(o => (o.Code!, o.Label ?? "")));
        }
        offered.AddRange((question.Options ?? []).Concat(question.OffScale ?? []).Where(o => o.Code is not null).Select(o => (o.Code!, o.Label ?? "")));
        return offered;
    }

    // In the editor's words: "Skalan grad › Steg 2 › Etikett" for scales[0].steps[1].label. Entries are named
    // by their key where they have one, else by position.
    public string Describe(string path)
    {
        if (path.Length == 0) return Text.Get("Editor.Where.Survey");
        var parts = new List<string>();
        object? current = Definition;
        foreach (Match segment in PathSegment().Matches(path))
        {
            var name = segment.Groups["name"].Value;
            if (!segment.Groups["index"].Success)
            {
                parts.Add(FieldName(name));
                current = null;
                continue;
            }
            var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var position = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            (current, var label) = (current, name) switch
            {
                (SurveyDefinition d, "scales") when d.Scales?.ElementAtOrDefault(index) is { } scale => (scale, Text.Format("Editor.Name.Scale", Named(scale.Key, position))),
                (SurveyDefinition d, "sections") when d.Sections?.ElementAtOrDefault(index) is { } section => (section, Text.Format("Editor.Name.Section", Named(section.Key, position))),
                (SectionDefinition sec, "questions") when sec.Questions?.ElementAtOrDefault(index) is { } question => (question, Text.Format("Editor.Name.Question", Named(question.Key, position))),
                (ScaleDefinition, "steps") => ((object?)null, Text.Format("Editor.Name.Step", position)),
                (QuestionDefinition, "items") => (null, Text.Format("Editor.Name.Item", position)),
                (_, "anyOf") => (null, Text.Format("Editor.Name.Answer", position)),
                _ => (null, Text.Format("Editor.Name.Option", position)),
            };
            parts.Add(label);
        }
        var text = string.Join(" › ", parts);
        return text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];
    }

    private static string FieldName(string name)
    {
        try
        {
            return Text.Get($"Editor.Where.{name}");
        }
        catch (KeyNotFoundException)
        {
            return name;
        }
    }

    private static string Named(string? key, string position) => string.IsNullOrWhiteSpace(key) ? position : key;

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?")]
    private static partial Regex PathSegment();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
