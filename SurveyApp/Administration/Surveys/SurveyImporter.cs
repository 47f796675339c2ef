using Microsoft.EntityFrameworkCore;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Auditing;

namespace SurveyApp.Administration.Surveys;

public sealed class SurveyImporter(IDbContextFactory<SurveyDbContext> factory, AuditLog audit, TimeProvider clock)
{
    /// <summary>With an actor, the audit entry is stored with the survey; without one (seeding at first start) nothing is recorded.</summary>
    public async Task<(Survey? Survey, IReadOnlyList<DefinitionProblem> Problems)> ImportAsync(byte[] json, CancellationToken cancellationToken = default,
        string? actor = null, string? fileName = null)
    {
        var result = SurveyDefinitionReader.Read(json);
        if (!result.IsValid)
        {
            return (null, result.Problems);
        }
        var survey = SurveyDefinitionMapper.ToSurvey(result.Definition!, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Surveys.Add(survey);
        if (actor is not null)
        {
            // The subject names the survey by title: its id is given by the same save.
            audit.Add(db, actor, AuditActions.SurveyImported, survey.Title, fileName);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (survey, []);
    }
}
