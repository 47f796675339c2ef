using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public sealed class CategoriesQuery(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog)
{
    public async Task<IReadOnlyList<(Question Question, IReadOnlyList<Category> Categories)>> ListAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        var survey = await catalog.GetAsync(surveyId, cancellationToken);
        if (survey is null) return [];
        var ids = survey.Questions.Select(q => q.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.QuestionId)).OrderBy(c => EF.Functions.Collate(c.Name, SwedishText.Collation)).ToListAsync(cancellationToken);
        return survey.Questions.Where(q => categories.Any(c => c.QuestionId == q.Id))
            .Select(q => (q, (IReadOnlyList<Category>)categories.Where(c => c.QuestionId == q.Id).ToList())).ToList();
    }
}
