using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Responding.Components;

public abstract class QuestionComponentBase : ComponentBase
{
    /// <summary>The question to render.</summary>
    [Parameter, EditorRequired] public required Question Question { get; set; }

    /// <summary>The answer to show as chosen or typed: the saved one, or what was just posted.</summary>
    [Parameter] public QuestionAnswer Answer { get; set; } = QuestionAnswer.Empty;

    /// <summary>An error message for the question, already localised; null when there is none.</summary>
    [Parameter] public string? Error { get; set; }

    [Inject] protected IStringLocalizer<Strings> L { get; set; } = default!;

    protected string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Question.HelpText is not null) ids.Add(AnswerFields.HelpId(Question));
            if (Error is not null) ids.Add(AnswerFields.ErrorId(Question));
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    protected string CssClass => Error is null ? "question" : "question question--error";
}
