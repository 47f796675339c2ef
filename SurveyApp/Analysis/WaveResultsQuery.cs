using Microsoft.EntityFrameworkCore;
using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// Computed by the database (GROUP BY over the answers in view, never a loop over every answer);
/// suppression is applied here, before any number leaves the server.
/// </summary>
public sealed class WaveResultsQuery(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, ViewSuppression suppression)
{
    public async Task<WaveResults?> GetAsync(int waveId, ResultsFilter filter, CancellationToken cancellationToken = default) =>
        await DecideAsync(waveId, filter, cancellationToken) is { } decision ? await CountAsync(decision, cancellationToken) : null;

    /// <summary>
    /// The view's wave, survey and size, and whether it may be shown (small-group suppression); null if the wave does
    /// not exist. An export decides first and counts while it reads the responses.
    /// </summary>
    public async Task<ViewDecision?> DecideAsync(int waveId, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var summary = await SummaryAsync(db, waveId, cancellationToken);
        if (summary is null) return null;
        var survey = (await catalog.GetAsync(summary.SurveyId, cancellationToken))!;

        var inView = filter.IsActive ? await ResponsesInView.Responses(db, waveId, filter).CountAsync(cancellationToken) : summary.Submitted;
        var allowed = await suppression.ViewAllowedAsync(db, waveId, filter, inView, summary.Submitted, cancellationToken);
        return new ViewDecision(summary, survey, filter, suppression.MinGroupSize, inView, Suppressed: !allowed);
    }

    /// <summary>The figures of a view as decided; a suppressed view gets none.</summary>
    public async Task<WaveResults> CountAsync(ViewDecision decision, CancellationToken cancellationToken = default)
    {
        var (summary, survey, filter, minGroupSize, inView, suppressed) = decision;
        if (suppressed) return new WaveResults(summary, survey, filter, minGroupSize, inView, true, []);
        var waveId = summary.WaveId;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // The wave's answers in view, read from the covering index, minus those of responses not yet
        // submitted: there are few of those at any time, so they are looked up by response and subtracted
        // rather than every answer of the wave being checked against its response.
        var all = ResponsesInView.Answers(db, waveId, filter);
        var unsubmitted = await db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt == null).Select(r => r.Id).ToListAsync(cancellationToken);
        var pending = unsubmitted.Count == 0 ? null : ResponsesInView.Answers(db, null, filter).Where(a => unsubmitted.Contains(a.ResponseId));
        var counts = Subtract(await GroupCountsAsync(all, cancellationToken), pending is null ? [] : await GroupCountsAsync(pending, cancellationToken));

        // Questions that take several rows per response need distinct responses for their base.
        var manyRowIds = survey.Questions.Where(q => q.Kind is QuestionKind.Multi or QuestionKind.Texts).Select(q => q.Id).ToList();
        var distinct = Subtract(await DistinctResponsesAsync(all, manyRowIds, cancellationToken),
            pending is null ? [] : await DistinctResponsesAsync(pending, manyRowIds, cancellationToken));

        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var categories = await CategoryCountsAsync(db, survey, names, all, cancellationToken);

        var questions = survey.Questions.Select(question =>
        {
            var answered = Answered(question, counts, distinct);
            return new QuestionResults(
                question,
                Distributions(question, survey, counts, answered, inView),
                // Every category of the question, also one no answer in view is coded with, as the coding page lists them.
                names.Values.Where(c => c.QuestionId == question.Id)
                    .Select(c => new CategoryCount(c.Id, c.Name, categories.GetValueOrDefault(c.Id)))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
                question.IsChoice ? 0 : answered.GetValueOrDefault(((int?)null, question.Id)));
        }).ToList();
        return new WaveResults(summary, survey, filter, minGroupSize, inView, false, questions);
    }

    private readonly record struct GroupKey(int QuestionId, int? ItemId, string? Code);

    // Starts from the codings (few) and looks their answers up by key, rather than walking every
    // answer of the wave to find the coded ones.
    private static async Task<Dictionary<int, int>> CategoryCountsAsync(SurveyDbContext db, Survey survey, Dictionary<int, Category> names,
        IQueryable<Answer> inView, CancellationToken cancellationToken)
    {
        var questionIds = survey.Questions.Select(q => q.Id).ToHashSet();
        var categoryIds = names.Values.Where(c => questionIds.Contains(c.QuestionId)).Select(c => c.Id).ToList();
        if (categoryIds.Count == 0) return [];
        var codings = await db.AnswerCategories.AsNoTracking().Where(c => categoryIds.Contains(c.CategoryId)).ToListAsync(cancellationToken);
        var answerIds = codings.Select(c => c.AnswerId).Distinct().ToList();
        var responses = await inView.Where(a => answerIds.Contains(a.Id))
            .Join(db.Responses.Where(r => r.SubmittedAt != null), a => a.ResponseId, r => r.Id, (a, r) => new { a.Id, a.ResponseId })
            .ToDictionaryAsync(a => a.Id, a => a.ResponseId, cancellationToken);
        return codings.Where(c => responses.ContainsKey(c.AnswerId))
            .GroupBy(c => c.CategoryId)
            .ToDictionary(g => g.Key, g => g.Select(c => responses[c.AnswerId]).Distinct().Count());
    }

    private static async Task<Dictionary<GroupKey, int>> GroupCountsAsync(IQueryable<Answer> answers, CancellationToken cancellationToken) =>
        (await answers.GroupBy(a => new { a.QuestionId, a.ItemId, a.Code })
            .Select(g => new { g.Key.QuestionId, g.Key.ItemId, g.Key.Code, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => new GroupKey(g.QuestionId, g.ItemId, g.Code), g => g.Count);

    private static async Task<Dictionary<GroupKey, int>> DistinctResponsesAsync(IQueryable<Answer> answers, List<int> questionIds, CancellationToken cancellationToken) =>
        questionIds.Count == 0 ? [] : (await answers.Where(a => questionIds.Contains(a.QuestionId))
            .GroupBy(a => new { a.QuestionId, a.ItemId })
            .Select(g => new { g.Key.QuestionId, g.Key.ItemId, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => new GroupKey(g.QuestionId, g.ItemId, null), g => g.Count);

    private static Dictionary<GroupKey, int> Subtract(Dictionary<GroupKey, int> all, Dictionary<GroupKey, int> pending) =>
        all.ToDictionary(c => c.Key, c => c.Value - pending.GetValueOrDefault(c.Key));

    private static Dictionary<(int? ItemId, int QuestionId), int> Answered(Question question, Dictionary<GroupKey, int> counts, Dictionary<GroupKey, int> distinct)
    {
        var result = new Dictionary<(int?, int), int>();
        foreach (var (key, count) in counts.Where(c => c.Key.QuestionId == question.Id))
        {
            if (question.Kind is not (QuestionKind.Multi or QuestionKind.Texts))
            {
                result[(key.ItemId, question.Id)] = result.GetValueOrDefault((key.ItemId, question.Id)) + count;
            }
        }
        foreach (var (key, count) in distinct.Where(c => c.Key.QuestionId == question.Id))
        {
            result[(key.ItemId, question.Id)] = count;
        }
        return result;
    }

    private static IReadOnlyList<Distribution> Distributions(Question question, Survey survey, Dictionary<GroupKey, int> counts, Dictionary<(int? ItemId, int QuestionId), int> answered, int inView)
    {
        var notShown = inView - ShownCount(question, survey, counts, inView);
        IEnumerable<QuestionItem?> items = question.Kind == QuestionKind.Matrix ? question.Items.OrderBy(i => i.Position) : [null];
        return items.Select(item =>
        {
            var itemId = item?.Id;
            var n = answered.GetValueOrDefault((itemId, question.Id));
            var choices = question.IsChoice
                ? question.Choices().Select(c => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale,
                    counts.GetValueOrDefault(new GroupKey(question.Id, itemId, c.Code)))).ToList()
                : [];
            var scale = question.IsScaled
                ? ScaleSummary.FromCounts(choices.Where(c => c.Value is not null).Select(c => (c.Value!.Value, c.Count)),
                    question.Scale!.Steps.Select(s => s.Value).ToList())
                : null;
            return new Distribution(item?.Code, item?.Text, n, Math.Max(0, inView - notShown - n), notShown, choices, scale);
        }).ToList();
    }

    private static int ShownCount(Question question, Survey survey, Dictionary<GroupKey, int> counts, int inView)
    {
        if (question.ConditionQuestionKey is null || survey.FindQuestion(question.ConditionQuestionKey) is not { } source)
        {
            return inView;
        }
        // Conditions refer to single-answer choices here, so each response counts once.
        return counts.Where(c => c.Key.QuestionId == source.Id && c.Key.Code is not null && question.ConditionValues.Contains(c.Key.Code)).Sum(c => c.Value);
    }

    private static async Task<WaveSummary?> SummaryAsync(SurveyDbContext db, int waveId, CancellationToken cancellationToken) =>
        await db.Waves.AsNoTracking().Where(w => w.Id == waveId)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .SingleOrDefaultAsync(cancellationToken);
}
