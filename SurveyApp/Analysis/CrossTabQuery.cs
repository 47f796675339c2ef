using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public sealed class CrossTabQuery(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, ViewSuppression suppression)
{
    public async Task<CrossTab?> GetAsync(int waveId, string questionKey, string? itemCode, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null) return null;
        var survey = (await catalog.GetAsync(wave.SurveyId, cancellationToken))!;
        var question = survey.FindQuestion(questionKey);
        if (question is not { IsChoice: true }) return null;
        var item = itemCode is null ? null : question.Items.SingleOrDefault(i => i.Code == itemCode);
        if (question.Kind == QuestionKind.Matrix && item is null) return null;

        var view = ResponsesInView.Responses(db, waveId, filter);
        var waveTotal = await db.Responses.CountAsync(r => r.WaveId == waveId && r.SubmittedAt != null, cancellationToken);
        // The columns are the groups of the filter's own dimension (the types, or one detail): one dimension at a time.
        var groups = ParticipantGroups.Of(db, filter.Detail);
        var inView = await view.Join(groups, r => r.ParticipantId, g => g.ParticipantId, (r, g) => g.Group).GroupBy(g => g)
            .Select(g => new { Group = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Group, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var total = inView.Values.Sum();
        var showTotal = await suppression.ViewAllowedAsync(db, waveId, filter, total, waveTotal, cancellationToken);
        // One column per group the filter selects (every group of the wave's invitees without one), empty
        // ones included, so the columns themselves never tell which groups answered.
        var columnGroups = filter.Groups.Count > 0 ? filter.Groups.Distinct() : await ParticipantGroups.OfWave(db, waveId, filter.Detail).ToListAsync(cancellationToken);
        var segments = columnGroups.ToDictionary(t => t, t => inView.GetValueOrDefault(t), StringComparer.Ordinal);
        var hidden = !showTotal ? segments.Keys.ToHashSet()
            : filter.CategoryId is null ? Suppression.HiddenSegments(segments, suppression.MinGroupSize)
            : Suppression.HiddenSegmentsOfSecretSize(segments, suppression.MinGroupSize);

        var itemId = item?.Id;
        var answers = db.Answers
            .Where(a => a.WaveId == waveId && a.QuestionId == question.Id && a.ItemId == itemId && a.Code != null)
            .Join(view, a => a.ResponseId, r => r.Id, (a, r) => new { a.Code, a.ResponseId, r.ParticipantId })
            .Join(groups, x => x.ParticipantId, g => g.ParticipantId, (x, g) => new { x.Code, x.ResponseId, Type = g.Group });
        var rows = await answers.GroupBy(x => new { x.Type, x.Code })
            .Select(g => new { g.Key.Type, g.Key.Code, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // The base is the responses that answered, counted once each: a multi-choice response ticks several codes.
        var answered = await answers.GroupBy(x => x.Type)
            .Select(g => new { Type = g.Key, Responses = g.Select(x => x.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Type, g => g.Responses, StringComparer.Ordinal, cancellationToken);

        CrossTabColumn Column(string segment, int responses, bool isHidden, Func<string, bool> inSegment)
        {
            if (isHidden)
            {
                return new CrossTabColumn(segment, responses, true, new Dictionary<string, int>(), 0);
            }
            var byCode = rows.Where(r => inSegment(r.Type)).GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
            return new CrossTabColumn(segment, responses, false, byCode, answered.Where(a => inSegment(a.Key)).Sum(a => a.Value));
        }

        var columns = segments.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => Column(s.Key, s.Value, hidden.Contains(s.Key), t => t == s.Key)).ToList();
        return new CrossTab(question, item?.Code, columns, Column("", total, !showTotal, _ => true), question.Choices());
    }
}
