using SurveyApp.Domain;

namespace SurveyApp.Definitions;

public static class SurveyDefinitionMapper
{
    public static Survey ToSurvey(SurveyDefinition definition, DateTimeOffset createdAt)
    {
        if (SurveyDefinitionValidator.Validate(definition) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The definition is not valid: {problems[0]}", nameof(definition));
        }
        var scales = (definition.Scales ?? []).Select(ToScale).ToDictionary(s => s.Key, StringComparer.Ordinal);

        return new Survey
        {
            Key = definition.Key!,
            Title = definition.Title!,
            Introduction = definition.Introduction,
            Language = definition.Language ?? "sv",
            CreatedAt = createdAt,
            Scales = scales.Values.ToList(),
            Sections = definition.Sections!.Select((section, s) => new Section
            {
                Key = section.Key!,
                Title = section.Title!,
                Description = section.Description,
                Position = s,
                Questions = section.Questions!.Select((q, i) => ToQuestion(q, i, scales)).ToList(),
            }).ToList(),
        };
    }

    /// <summary>A scale of a definition whose own part is valid.</summary>
    internal static Scale ToScale(ScaleDefinition s) => new()
    {
        Key = s.Key!,
        Bipolar = s.Bipolar ?? true,
        Steps = s.Steps!.Select((step, i) => new ScaleStep { Value = step.Value!.Value, Label = step.Label!, Position = i }).ToList(),
        OffScaleOptions = (s.OffScale ?? []).Select((o, i) => new ScaleOffScaleOption { Code = o.Code!, Label = o.Label!, Position = i }).ToList(),
    };

    /// <summary>A question of a definition whose own part, and its scale, are valid.</summary>
    internal static Question ToQuestion(QuestionDefinition q, int position, IReadOnlyDictionary<string, Scale> scales)
    {
        var kind = SurveyDefinitionValidator.ParseKind(q.Kind)!.Value;
        var options = kind is QuestionKind.Single or QuestionKind.Multi ? q.Options : q.OffScale;
        return new Question
        {
            Key = q.Key!,
            Kind = kind,
            Text = q.Text!,
            HelpText = q.Help,
            Required = q.Required ?? false,
            Position = position,
            Scale = q.Scale is null ? null : scales[q.Scale],
            MaxLength = q.MaxLength ?? Question.DefaultMaxLength,
            MaxAnswers = kind == QuestionKind.Texts ? q.MaxAnswers!.Value : 1,
            Items = (q.Items ?? []).Select((item, i) => new QuestionItem { Code = item.Code!, Text = item.Text!, Position = i }).ToList(),
            Options = (options ?? []).Select((o, i) => new QuestionOption
            {
                Code = o.Code!,
                Label = o.Label!,
                IsOffScale = kind is QuestionKind.Likert or QuestionKind.Matrix || (o.OffScale ?? false),
                Position = i,
            }).ToList(),
            ConditionQuestionKey = q.ShowIf?.Question,
            ConditionValues = q.ShowIf?.AnyOf?.ToList() ?? [],
        };
    }

    public static SurveyDefinition ToDefinition(Survey survey) => new()
    {
        Key = survey.Key,
        Language = survey.Language,
        Title = survey.Title,
        Introduction = survey.Introduction,
        Scales = survey.Scales.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ScaleDefinition
        {
            Key = s.Key,
            Bipolar = s.Bipolar ? null : false,
            Steps = s.Steps.OrderBy(x => x.Position).Select(x => new StepDefinition { Value = x.Value, Label = x.Label }).ToList(),
            OffScale = s.OffScaleOptions.Count == 0 ? null
                : s.OffScaleOptions.OrderBy(o => o.Position).Select(o => new OptionDefinition { Code = o.Code, Label = o.Label }).ToList(),
        }).ToList(),
        Sections = survey.Sections.OrderBy(s => s.Position).Select(section => new SectionDefinition
        {
            Key = section.Key,
            Title = section.Title,
            Description = section.Description,
            Questions = section.Questions.OrderBy(q => q.Position).Select(ToDefinition).ToList(),
        }).ToList(),
    };

    private static QuestionDefinition ToDefinition(Question q)
    {
        var options = q.Options.OrderBy(o => o.Position).ToList();
        var open = q.Kind is QuestionKind.Text or QuestionKind.Texts;
        return new QuestionDefinition
        {
            Key = q.Key,
            Kind = SurveyDefinitionValidator.KindName(q.Kind),
            Text = q.Text,
            Help = q.HelpText,
            Required = q.Required ? true : null,
            Scale = q.Scale?.Key,
            Items = q.Kind == QuestionKind.Matrix ? q.Items.OrderBy(i => i.Position).Select(i => new ItemDefinition { Code = i.Code, Text = i.Text }).ToList() : null,
            Options = q.Kind is QuestionKind.Single or QuestionKind.Multi
                ? options.Select(o => new OptionDefinition { Code = o.Code, Label = o.Label, OffScale = o.IsOffScale ? true : null }).ToList()
                : null,
            OffScale = q.IsScaled && options.Count > 0 ? options.Select(o => new OptionDefinition { Code = o.Code, Label = o.Label }).ToList() : null,
            MaxLength = open && q.MaxLength != Question.DefaultMaxLength ? q.MaxLength : null,
            MaxAnswers = q.Kind == QuestionKind.Texts ? q.MaxAnswers : null,
            ShowIf = q.ConditionQuestionKey is null ? null : new ConditionDefinition { Question = q.ConditionQuestionKey, AnyOf = q.ConditionValues.ToList() },
        };
    }
}
