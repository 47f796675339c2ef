using Microsoft.Extensions.Localization;
using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Responding;

public static class ProblemMessages
{
    public static string Message(IStringLocalizer<Strings> l, AnswerProblem problem, Question? question) => problem.Kind switch
    {
        ProblemKind.Required when question?.Kind == QuestionKind.Matrix => l["Error.RequiredMatrix"],
        ProblemKind.Required when question?.Kind is QuestionKind.Text or QuestionKind.Texts => l["Error.RequiredText"],
        ProblemKind.Required => l["Error.Required"],
        ProblemKind.TooLong => l["Error.TooLong", problem.Limit],
        ProblemKind.TooMany => l["Error.TooMany", problem.Limit],
        ProblemKind.NotShown => l["Error.NotShown"],
        ProblemKind.Unreadable => l["Error.Unreadable"],
        _ => l["Error.NotOffered"],
    };

    /// <summary>One message per question, the first problem found for it.</summary>
    public static Dictionary<string, string> ByQuestion(IStringLocalizer<Strings> l, IEnumerable<AnswerProblem> problems, Survey survey) =>
        problems.GroupBy(p => p.QuestionKey)
            .ToDictionary(g => g.Key, g => Message(l, g.First(), survey.FindQuestion(g.Key)), StringComparer.Ordinal);
}
