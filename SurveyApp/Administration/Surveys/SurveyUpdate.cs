using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Surveys;

/// <summary>
/// Makes a stored survey, tracked by a context, say what an edited copy says. Sections and scales are matched
/// by key, questions by key across the whole survey (so they can move between sections), items and options by
/// code, steps by value: what is matched keeps its row and id, and so its answers and coding categories; what
/// is new is added; what is gone is deleted (a question's categories with it).
/// </summary>
internal static class SurveyUpdate
{
    public static void Apply(SurveyDbContext db, Survey stored, Survey edited)
    {
        stored.Key = edited.Key;
        stored.Title = edited.Title;
        stored.Introduction = edited.Introduction;
        stored.Language = edited.Language;

        var scales = stored.Scales.ToDictionary(s => s.Key, StringComparer.Ordinal);
        foreach (var scale in edited.Scales)
        {
            if (scales.TryGetValue(scale.Key, out var kept))
            {
                kept.Bipolar = scale.Bipolar;
                Merge(db, kept.Steps, scale.Steps, s => s.Code, (k, e) => (k.Label, k.Position) = (e.Label, e.Position));
                Merge(db, kept.OffScaleOptions, scale.OffScaleOptions, o => o.Code, (k, e) => (k.Label, k.Position) = (e.Label, e.Position));
            }
            else
            {
                stored.Scales.Add(scale);
                scales.Add(scale.Key, scale);
            }
        }

        var sections = stored.Sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var questions = stored.Sections.SelectMany(s => s.Questions.Select(q => (Question: q, Section: s)))
            .ToDictionary(x => x.Question.Key, StringComparer.Ordinal);
        foreach (var section in edited.Sections)
        {
            if (!sections.TryGetValue(section.Key, out var target))
            {
                target = new Section { Key = section.Key, Title = section.Title };
                stored.Sections.Add(target);
            }
            target.Title = section.Title;
            target.Description = section.Description;
            target.Position = section.Position;
            foreach (var question in section.Questions)
            {
                var scale = question.Scale is null ? null : scales[question.Scale.Key];
                if (questions.Remove(question.Key, out var kept))
                {
                    Update(db, kept.Question, question, scale);
                    if (kept.Section != target)
                    {
                        // Adding it is enough: the context takes it out of its old section's list.
                        target.Questions.Add(kept.Question);
                    }
                }
                else
                {
                    question.Scale = scale;
                    target.Questions.Add(question);
                }
            }
        }
        foreach (var (gone, section) in questions.Values)
        {
            section.Questions.Remove(gone);
            db.Remove(gone);
        }
        // Moved questions and re-pointed scales must be seen before a section or scale they left is deleted.
        db.ChangeTracker.DetectChanges();

        var sectionKeys = edited.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in stored.Sections.Where(s => !sectionKeys.Contains(s.Key)).ToList())
        {
            stored.Sections.Remove(gone);
            db.Remove(gone);
        }
        var scaleKeys = edited.Scales.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in stored.Scales.Where(s => !scaleKeys.Contains(s.Key)).ToList())
        {
            stored.Scales.Remove(gone);
            db.Remove(gone);
        }
    }

    private static void Update(SurveyDbContext db, Question kept, Question edited, Scale? scale)
    {
        kept.Kind = edited.Kind;
        kept.Text = edited.Text;
        kept.HelpText = edited.HelpText;
        kept.Required = edited.Required;
        kept.Position = edited.Position;
        kept.Scale = scale;
        kept.MaxLength = edited.MaxLength;
        kept.MaxAnswers = edited.MaxAnswers;
        kept.ConditionQuestionKey = edited.ConditionQuestionKey;
        kept.ConditionValues = edited.ConditionValues.ToList();
        Merge(db, kept.Items, edited.Items, i => i.Code, (k, e) => (k.Text, k.Position) = (e.Text, e.Position));
        Merge(db, kept.Options, edited.Options, o => o.Code, (k, e) => (k.Label, k.IsOffScale, k.Position) = (e.Label, e.IsOffScale, e.Position));
    }

    private static void Merge<T>(SurveyDbContext db, List<T> stored, List<T> edited, Func<T, string> key, Action<T, T> update) where T : class
    {
        var wanted = edited.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in stored.Where(s => !wanted.Contains(key(s))).ToList())
        {
            stored.Remove(gone);
            db.Remove(gone);
        }
        var kept = stored.ToDictionary(key, StringComparer.Ordinal);
        foreach (var item in edited)
        {
            if (kept.TryGetValue(key(item), out var match))
            {
                update(match, item);
            }
            else
            {
                stored.Add(item);
            }
        }
    }
}
