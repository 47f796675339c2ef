using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Domain;
using SurveyApp.Responding.Components;

namespace SurveyApp.Tests.Responding.Components;

/// <summary>A bunit context with the app's real localised strings, and a way to render a question component.</summary>
public abstract class LocalizedTestContext : BunitContext
{
    protected LocalizedTestContext()
    {
        Services.AddLocalization();
        // Components render as on a page whose circuit is connected; a test of what shows before that sets its own.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected IRenderedComponent<TComponent> RenderQuestion<TComponent>(Question question, QuestionAnswer? answer = null, string? error = null)
        where TComponent : QuestionComponentBase =>
        Render<TComponent>(ps => ps
            .Add(p => p.Question, question)
            .Add(p => p.Answer, answer ?? QuestionAnswer.Empty)
            .Add(p => p.Error, error));
}
