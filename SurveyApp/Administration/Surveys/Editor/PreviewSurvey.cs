using SurveyApp.Definitions;
using SurveyApp.Domain;

namespace SurveyApp.Administration.Surveys.Editor;

/// <summary>
/// The survey being edited as respondents would get it, built from the parts that are valid so far:
/// a question with a problem of its own, or on a scale with one, is left out of the preview and
/// counted, so the preview never shows what could not be saved.
/// </summary>
public static class PreviewSurvey
{
    public sealed record PreviewSection(string Title, string? Description, IReadOnlyList<Question> Questions, int Withheld);

    public static IReadOnlyList<PreviewSection> Build(SurveyDefinition definition, IReadOnlyList<DefinitionProblem> problems)
    {
        bool Faulty(string path) => problems.Any(p => p.IsWithin(path));

        var scales = new Dictionary<string, Scale>(StringComparer.Ordinal);
        for (var i = 0; i < (definition.Scales?.Count ?? 0); i++)
        {
            var scale = definition.Scales![i];
            if (!Faulty($"scales[{i}]") && scale.Key is not null)
            {
                scales.TryAdd(scale.Key, SurveyDefinitionMapper.ToScale(scale));
            }
        }

        var sections = new List<PreviewSection>();
        for (var s = 0; s < (definition.Sections?.Count ?? 0); s++)
        {
            var section = definition.Sections![s];
            var questions = new List<Question>();
            var withheld = 0;
            for (var q = 0; q < (section.Questions?.Count ?? 0); q++)
            {
                var question = section.Questions![q];
                var usable = !Faulty($"sections[{s}].questions[{q}]") && (question.Scale is null || scales.ContainsKey(question.Scale));
                if (usable)
                {
                    questions.Add(SurveyDefinitionMapper.ToQuestion(question, q, scales));
                }
                else
                {
                    withheld++;
                }
            }
            sections.Add(new PreviewSection(section.Title ?? "", section.Description, questions, withheld));
        }
        return sections;
    }
}
