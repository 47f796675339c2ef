using Microsoft.EntityFrameworkCore;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration;

/// <summary>Stores a survey definition; an invalid definition stores nothing.</summary>
public sealed class SurveyImporter(IDbContextFactory<SurveyDbContext> factory, TimeProvider clock)
{
    public async Task<(Survey? Survey, IReadOnlyList<DefinitionProblem> Problems)> ImportAsync(byte[] json, CancellationToken cancellationToken = default)
    {
        var result = SurveyDefinitionReader.Read(json);
        if (!result.IsValid)
        {
            return (null, result.Problems);
        }
        var survey = SurveyDefinitionMapper.ToSurvey(result.Definition!, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return (survey, []);
    }
}
