using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// Every view of a wave (results, cross-tabs, comparisons, coding, exports) starts here, so that all
/// of them count the same responses.
/// </summary>
public static class ResponsesInView
{
    public static IQueryable<Response> Responses(SurveyDbContext db, int waveId, ResultsFilter filter, IQueryable<Response>? source = null)
    {
        var responses = (source ?? db.Responses).Where(r => r.WaveId == waveId && r.SubmittedAt != null);
        if (ParticipantsInGroups(db, filter) is { } participants)
        {
            responses = responses.Where(r => participants.Contains(r.ParticipantId));
        }
        if (CodedResponses(db, filter) is { } coded)
        {
            responses = responses.Where(r => coded.Contains(r.Id));
        }
        return responses;
    }

    // Submitted or not; any wave's for a null wave.
    public static IQueryable<Answer> Answers(SurveyDbContext db, int? waveId, ResultsFilter filter)
    {
        var answers = waveId is null ? db.Answers : db.Answers.Where(a => a.WaveId == waveId);
        if (ParticipantsInGroups(db, filter) is { } participants)
        {
            answers = answers.Where(a => participants.Contains(a.ParticipantId));
        }
        if (CodedResponses(db, filter) is { } coded)
        {
            answers = answers.Where(a => coded.Contains(a.ResponseId));
        }
        return answers;
    }

    private static IQueryable<int>? ParticipantsInGroups(SurveyDbContext db, ResultsFilter filter)
    {
        if (filter.Groups.Count == 0) return null;
        var groups = filter.Groups.ToList();
        return ParticipantGroups.Of(db, filter.Detail).Where(g => groups.Contains(g.Group)).Select(g => g.ParticipantId);
    }

    private static IQueryable<int>? CodedResponses(SurveyDbContext db, ResultsFilter filter) =>
        filter.CategoryId is { } categoryId
            ? db.AnswerCategories.Where(c => c.CategoryId == categoryId).Join(db.Answers, c => c.AnswerId, a => a.Id, (c, a) => a.ResponseId)
            : null;
}
