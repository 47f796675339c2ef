using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// Loads a survey with its sections, questions, scales and options. A survey that waves refer to
/// does not change underneath them, so loaded surveys are kept in memory for a while.
/// </summary>
public sealed class SurveyCatalog(IDbContextFactory<SurveyDbContext> factory, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public async Task<Survey?> GetAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey(surveyId), out Survey? cached))
        {
            return cached;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys
            .AsNoTrackingWithIdentityResolution()
            .AsSplitQuery()
            .Include(s => s.Scales).ThenInclude(s => s.Steps)
            .Include(s => s.Scales).ThenInclude(s => s.OffScaleOptions)
            .Include(s => s.Sections).ThenInclude(s => s.Questions).ThenInclude(q => q.Items)
            .Include(s => s.Sections).ThenInclude(s => s.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null)
        {
            return null;
        }
        var scales = survey.Scales.ToDictionary(s => s.Id);
        foreach (var question in survey.Questions.Where(q => q.ScaleId is not null))
        {
            question.Scale = scales[question.ScaleId!.Value];
        }
        survey.Sections.Sort((a, b) => a.Position.CompareTo(b.Position));
        survey.Sections.ForEach(s => s.Questions.Sort((a, b) => a.Position.CompareTo(b.Position)));
        cache.Set(CacheKey(surveyId), survey, new MemoryCacheEntryOptions { SlidingExpiration = KeepFor });
        return survey;
    }

    public void Forget(int surveyId) => cache.Remove(CacheKey(surveyId));

    private static string CacheKey(int surveyId) => $"survey:{surveyId}";
}
