using System.Net;
using System.Text.RegularExpressions;
using SurveyApp.Responding;

namespace SurveyApp.Benchmarks.Load;

public enum FieldKind { Radio, Checkbox, Text }

/// <summary>One answer field of a form: its name and, for radio buttons and checkboxes, the values offered.</summary>
public sealed record FormField(string Name, FieldKind Kind, IReadOnlyList<string> Values)
{
    /// <summary>The question the field belongs to: "q.hinder.2" (one of several texts) belongs to "hinder".</summary>
    public string QuestionKey => Name[AnswerFields.Prefix.Length..].Split('.')[0];

    /// <summary>True for a matrix item's radio group ("q.key.item"), whose answer is stored per item.</summary>
    public bool IsItem => Kind == FieldKind.Radio && Name.Count(c => c == '.') == 2;

    public string ItemCode => Name.Split('.')[2];
}

/// <summary>A respondent form as the server rendered it: what a browser would post back besides the answers.</summary>
public sealed record SurveyForm(IReadOnlyList<KeyValuePair<string, string>> HiddenFields, IReadOnlyList<FormField> Fields)
{
    /// <summary>The questions the page shows, in page order.</summary>
    public IReadOnlyList<string> QuestionKeys => Fields.Select(f => f.QuestionKey).Distinct().ToList();
}

/// <summary>
/// Reads a respondent page's form the way a browser sees it: the hidden fields (Blazor's form handler
/// name and the anti-forgery token) and every answer field, so that the load generator posts only what
/// the page offers and notices when a page is not the one it expected.
/// </summary>
public static partial class SurveyFormParser
{
    public const string HandlerField = "_handler";
    public const string AntiforgeryField = "__RequestVerificationToken";

    [GeneratedRegex("<form\\b[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<(input|textarea)\\b([^>]*)>")]
    private static partial Regex Control();

    [GeneratedRegex("([a-zA-Z_:-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    /// <summary>The form posted to the named Blazor handler ("page" or "submit"), or null when the page has none with an anti-forgery token.</summary>
    public static SurveyForm? Parse(string html, string handler)
    {
        foreach (Match form in Form().Matches(html))
        {
            var hidden = new List<KeyValuePair<string, string>>();
            var fields = new List<(string Name, FieldKind Kind, string Value)>();
            foreach (Match control in Control().Matches(form.Groups[1].Value))
            {
                var attributes = Attribute().Matches(control.Groups[2].Value)
                    .ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal);
                if (!attributes.TryGetValue("name", out var name))
                {
                    continue;
                }
                var value = attributes.GetValueOrDefault("value", "");
                var type = control.Groups[1].Value == "textarea" ? "textarea" : attributes.GetValueOrDefault("type", "text");
                switch (type)
                {
                    case "hidden":
                        hidden.Add(new(name, value));
                        break;
                    case "radio" when IsAnswer(name):
                        fields.Add((name, FieldKind.Radio, value));
                        break;
                    case "checkbox" when IsAnswer(name):
                        fields.Add((name, FieldKind.Checkbox, value));
                        break;
                    case "text" or "textarea" when IsAnswer(name):
                        fields.Add((name, FieldKind.Text, ""));
                        break;
                }
            }
            if (hidden.Any(h => h.Key == HandlerField && h.Value == handler) && hidden.Any(h => h.Key == AntiforgeryField && h.Value.Length > 0))
            {
                var grouped = fields.GroupBy(f => f.Name, StringComparer.Ordinal)
                    .Select(g => new FormField(g.Key, g.First().Kind, g.Where(f => f.Kind != FieldKind.Text).Select(f => f.Value).ToList()))
                    .ToList();
                return new SurveyForm(hidden, grouped);
            }
        }
        return null;
    }

    private static bool IsAnswer(string name) => name.StartsWith(AnswerFields.Prefix, StringComparison.Ordinal);
}
