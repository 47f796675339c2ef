using SurveyApp.Definitions;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Support;

/// <summary>The model survey from data/, as a domain object with ids assigned as the database would.</summary>
public static class ModelSurvey
{
    /// <summary>The participant list a seeded database starts with: the model survey's 20 organisations.</summary>
    public const int ListId = 1;

    public static Survey Load()
    {
        var result = SurveyDefinitionReader.Read(File.ReadAllBytes(RepoPaths.ModelSurvey));
        if (!result.IsValid)
        {
            throw new InvalidOperationException(string.Join("\n", result.Problems));
        }
        return WithIds(SurveyDefinitionMapper.ToSurvey(result.Definition!, DateTimeOffset.UnixEpoch));
    }

    /// <summary>Gives every question and item an id, as storing the survey would.</summary>
    public static Survey WithIds(Survey survey)
    {
        var id = 1;
        foreach (var question in survey.Questions)
        {
            question.Id = id++;
            foreach (var item in question.Items)
            {
                item.Id = id++;
            }
        }
        return survey;
    }
}
