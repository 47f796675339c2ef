using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// Loads a survey with its sections, questions, scales and options. Loaded surveys are kept in memory
/// for a while; an edit of a survey forgets it (see <see cref="Forget"/>).
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
        var generation = Generation(surveyId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await LoadAsync(db.Surveys.AsNoTrackingWithIdentityResolution(), surveyId, cancellationToken);
        if (survey is null)
        {
            return null;
        }
        // A load that began before an edit was saved must not put the old survey back after Forget.
        lock (_generations)
        {
            if (Generation(surveyId) == generation)
            {
                cache.Set(CacheKey(surveyId), survey, new MemoryCacheEntryOptions { SlidingExpiration = KeepFor });
            }
        }
        return survey;
    }

    /// <summary>
    /// One survey from <paramref name="surveys"/> (tracked or not) with everything it holds: sections,
    /// questions, matrix statements, options and scale steps in their order, each scaled question pointing
    /// at its scale.
    /// </summary>
    public static async Task<Survey?> LoadAsync(IQueryable<Survey> surveys, int surveyId, CancellationToken cancellationToken)
    {
        var survey = await surveys
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
        foreach (var question in survey.Questions)
        {
            question.Items.Sort((a, b) => a.Position.CompareTo(b.Position));
            question.Options.Sort((a, b) => a.Position.CompareTo(b.Position));
        }
        survey.Scales.ForEach(s =>
        {
            s.Steps.Sort((a, b) => a.Position.CompareTo(b.Position));
            s.OffScaleOptions.Sort((a, b) => a.Position.CompareTo(b.Position));
        });
        return survey;
    }

    /// <summary>Drops the survey from memory after an edit; loads under way when it was edited are not kept.</summary>
    public void Forget(int surveyId)
    {
        lock (_generations)
        {
            _generations[surveyId] = Generation(surveyId) + 1;
            cache.Remove(CacheKey(surveyId));
        }
    }

    private readonly Dictionary<int, long> _generations = [];

    private long Generation(int surveyId)
    {
        lock (_generations)
        {
            return _generations.GetValueOrDefault(surveyId);
        }
    }

    private static string CacheKey(int surveyId) => $"survey:{surveyId}";
}
