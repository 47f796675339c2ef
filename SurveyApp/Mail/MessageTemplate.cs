using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SurveyApp.Mail;

public enum TemplateField { Name, Link, Closes, Sender }

/// <summary>What is wrong with a text, if anything; <see cref="Detail"/> is the field or piece of text concerned.</summary>
public enum TemplateRefusal { None, UnknownField, UnclosedBrace, MissingLink, Empty, TooLong }

public sealed record TemplateProblem(TemplateRefusal Refusal, string Detail = "");

/// <summary>The values of the fields for one message.</summary>
public sealed record TemplateValues(string Name, string Link, string Closes, string Sender)
{
    public string For(TemplateField field) => field switch
    {
        TemplateField.Name => Name,
        TemplateField.Link => Link,
        TemplateField.Closes => Closes,
        _ => Sender,
    };
}

/// <summary>
/// Invitation and reminder texts with fields in braces. Each field has a Swedish and an English name, and
/// either works in a text of either language: {namn} or {name}, {länk} or {link}, {sista dag} or {closes},
/// {avsändare} or {sender}. "{{" and "}}" stand for a brace.
/// </summary>
public static class MessageTemplate
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20000;

    public static readonly IReadOnlyDictionary<string, TemplateField> Fields = new Dictionary<string, TemplateField>(StringComparer.OrdinalIgnoreCase)
    {
        ["namn"] = TemplateField.Name, ["name"] = TemplateField.Name,
        ["länk"] = TemplateField.Link, ["link"] = TemplateField.Link,
        ["sista dag"] = TemplateField.Closes, ["closes"] = TemplateField.Closes,
        ["avsändare"] = TemplateField.Sender, ["sender"] = TemplateField.Sender,
    };

    // Encodes what HTML needs (< > & " ') and leaves letters such as å, ä, ö as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private abstract record Part;
    private sealed record Literal(string Text) : Part;
    private sealed record FieldPart(TemplateField Field) : Part;

    public static TemplateProblem CheckSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return new(TemplateRefusal.Empty);
        if (subject.Length > MaxSubjectLength) return new(TemplateRefusal.TooLong, MaxSubjectLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Parse(subject, out _);
    }

    /// <summary>A body must hold the link, or the message would be no use.</summary>
    public static TemplateProblem CheckBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new(TemplateRefusal.Empty);
        if (body.Length > MaxBodyLength) return new(TemplateRefusal.TooLong, MaxBodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var problem = Parse(body, out var parts);
        if (problem.Refusal != TemplateRefusal.None) return problem;
        return parts.OfType<FieldPart>().Any(p => p.Field == TemplateField.Link) ? problem : new(TemplateRefusal.MissingLink);
    }

    /// <summary>The text with the fields filled in; a subject is kept to one line.</summary>
    public static string RenderText(string template, TemplateValues values) =>
        string.Concat(PartsOf(template).Select(p => p switch
        {
            FieldPart f => values.For(f.Field),
            Literal l => l.Text,
            _ => "",
        }));

    /// <summary>
    /// The body as simple HTML: paragraphs at blank lines, every value and every piece of the text encoded,
    /// the link as an anchor.
    /// </summary>
    public static string RenderHtml(string template, TemplateValues values)
    {
        var html = new StringBuilder();
        foreach (var part in PartsOf(template))
        {
            html.Append(part switch
            {
                FieldPart { Field: TemplateField.Link } => $"<a href=\"{Html.Encode(values.Link)}\">{Html.Encode(values.Link)}</a>",
                FieldPart f => Html.Encode(values.For(f.Field)),
                Literal l => Html.Encode(l.Text).Replace("&#xD;", "").Replace("&#xA;", "\n"),
                _ => "",
            });
        }
        var paragraphs = html.ToString().Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{p.Trim('\n').Replace("\n", "<br>\n")}</p>");
        return $"<!DOCTYPE html>\n<html><body>\n{string.Join("\n", paragraphs)}\n</body></html>\n";
    }

    private static List<Part> PartsOf(string template) =>
        Parse(template, out var parts).Refusal == TemplateRefusal.None ? parts : [new Literal(template)];

    private static TemplateProblem Parse(string template, out List<Part> parts)
    {
        parts = [];
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                var nextOpen = template.IndexOf('{', i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end))
                {
                    return new(TemplateRefusal.UnclosedBrace, template[i..Math.Min(template.Length, i + 20)]);
                }
                var name = template[(i + 1)..end].Trim();
                if (!Fields.TryGetValue(name, out var field))
                {
                    return new(TemplateRefusal.UnknownField, "{" + name + "}");
                }
                if (literal.Length > 0)
                {
                    parts.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new FieldPart(field));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0) parts.Add(new Literal(literal.ToString()));
        return new(TemplateRefusal.None);
    }
}
