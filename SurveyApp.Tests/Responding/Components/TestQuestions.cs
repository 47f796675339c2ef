using SurveyApp.Domain;
using SurveyApp.Tests.Support;

namespace SurveyApp.Tests.Responding.Components;

/// <summary>Questions for component tests: from the model survey, or built here for kinds it lacks.</summary>
internal static class TestQuestions
{
    public static Question FromModel(string key) =>
        ModelSurvey.Load().FindQuestion(key) ?? throw new InvalidOperationException($"The model survey has no question '{key}'.");

    /// <summary>A matrix with three steps, one off-scale option and two items listed out of position order.</summary>
    public static Question Matrix() => new()
    {
        Key = "stod",
        Kind = QuestionKind.Matrix,
        Text = "Hur nöjda är ni med stödet?",
        Required = true,
        Scale = new Scale
        {
            Key = "nojd3",
            Steps =
            [
                new ScaleStep { Value = 1, Label = "Inte nöjda", Position = 0 },
                new ScaleStep { Value = 2, Label = "Ganska nöjda", Position = 1 },
                new ScaleStep { Value = 3, Label = "Mycket nöjda", Position = 2 },
            ],
            OffScaleOptions = [new ScaleOffScaleOption { Code = "vet_ej", Label = "Vet ej", Position = 0 }],
        },
        Items =
        [
            new QuestionItem { Code = "material", Text = "Materialet", Position = 1 },
            new QuestionItem { Code = "traffar", Text = "Träffarna", Position = 0 },
        ],
    };

    public static Question Multi() => new()
    {
        Key = "kanaler",
        Kind = QuestionKind.Multi,
        Text = "Hur har ni tagit del av Samlingens arbete?",
        Options =
        [
            new QuestionOption { Code = "webb", Label = "Webbplatsen", Position = 0 },
            new QuestionOption { Code = "mejl", Label = "Nyhetsbrev", Position = 1 },
            new QuestionOption { Code = "mote", Label = "Möten", Position = 2 },
        ],
    };
}
