using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// Which participant lists a survey draws on: those of its series (every version of it shares the lists of the
/// first), and lists of no survey, which are kept from before lists belonged to surveys.
/// </summary>
public static class ParticipantScope
{
    /// <summary>The first version of the survey's series: the survey a new list of it belongs to.</summary>
    public static async Task<int> SeriesOfAsync(SurveyDbContext db, int surveyId, CancellationToken cancellationToken = default)
    {
        var surveys = await db.Surveys.AsNoTracking().Select(s => new { s.Id, s.PreviousVersionId }).ToListAsync(cancellationToken);
        return Survey.Series(surveys.Select(s => (s.Id, s.PreviousVersionId))).GetValueOrDefault(surveyId, surveyId);
    }

    public static async Task<IQueryable<ParticipantList>> ListsOfSurveyAsync(SurveyDbContext db, int surveyId, CancellationToken cancellationToken = default)
    {
        var series = await SeriesOfAsync(db, surveyId, cancellationToken);
        return db.ParticipantLists.Where(l => l.SurveyId == series || l.SurveyId == null);
    }

    /// <summary>The participants a wave may invite or import answers for.</summary>
    public static async Task<IQueryable<Participant>> OfWaveAsync(SurveyDbContext db, int waveId, CancellationToken cancellationToken = default)
    {
        var surveyId = await db.Waves.Where(w => w.Id == waveId).Select(w => w.SurveyId).SingleAsync(cancellationToken);
        var lists = (await ListsOfSurveyAsync(db, surveyId, cancellationToken)).Select(l => l.Id);
        return db.Participants.Where(p => lists.Contains(p.ListId));
    }
}
