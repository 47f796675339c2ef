using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

// Loaded surveys are kept in memory for a while; an edit forgets one (Forget) in the process that made
// it. Other processes sharing the database (PostgreSQL) cannot be told, so there a survey is kept only
// for SharedKeepFor.
public sealed class SurveyCatalog
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly IDbContextFactory<SurveyDbContext> _factory;
    private readonly IMemoryCache _cache;
    private readonly bool _shared;

    public SurveyCatalog(IDbContextFactory<SurveyDbContext> factory, IMemoryCache cache, Providers.StorageEngine engine)
        : this(factory, cache, engine.MayBeShared)
    {
    }

    /// <summary>A catalog for a process that has the database to itself (tools, benchmarks).</summary>
    public SurveyCatalog(IDbContextFactory<SurveyDbContext> factory, IMemoryCache cache)
        : this(factory, cache, shared: false)
    {
    }

    private SurveyCatalog(IDbContextFactory<SurveyDbContext> factory, IMemoryCache cache, bool shared)
    {
        _factory = factory;
        _cache = cache;
        _shared = shared;
    }

    public static readonly TimeSpan SharedKeepFor = TimeSpan.FromSeconds(5);

    private MemoryCacheEntryOptions EntryOptions => _shared
        ? new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = SharedKeepFor }
        : new MemoryCacheEntryOptions { SlidingExpiration = KeepFor };

    public async Task<Survey?> GetAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(CacheKey(surveyId), out Survey? cached))
        {
            return cached;
        }
        var generation = Generation(surveyId);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
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
                _cache.Set(CacheKey(surveyId), survey, EntryOptions);
            }
        }
        return survey;
    }

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
            _cache.Remove(CacheKey(surveyId));
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
