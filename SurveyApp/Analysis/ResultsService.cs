using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// A wave's results, computed by the database: distributions are GROUP BY queries over the answers
/// of the responses in view, never loops over every answer. Suppression is applied here, before any
/// number leaves the server.
/// </summary>
public sealed class ResultsService(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog, IOptions<AnalysisOptions> options)
{
    private int Minimum => options.Value.MinGroupSize;

    public async Task<IReadOnlyList<WaveSummary>> ListWavesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waves = await db.Waves.AsNoTracking()
            .OrderBy(w => w.SurveyId).ThenBy(w => w.Id)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .ToListAsync(cancellationToken);
        // Read after the waves, so that every wave's survey is in it.
        var series = await SeriesAsync(db, cancellationToken);
        return waves.Select(w => w with { SeriesId = series.GetValueOrDefault(w.SurveyId, w.SurveyId) }).ToList();
    }

    /// <summary>Each survey's series (its first version), from the version links of all surveys.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> SeriesAsync(SurveyDbContext db, CancellationToken cancellationToken) =>
        Survey.Series((await db.Surveys.AsNoTracking().Select(s => new { s.Id, s.PreviousVersionId }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.PreviousVersionId)));

    /// <summary>The participant types of the wave's invitees, whether or not they answered: what a filter may offer.</summary>
    public async Task<IReadOnlyList<string>> ParticipantTypesAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await WaveTypes(db, waveId).OrderBy(t => t).ToListAsync(cancellationToken);
    }

    private static IQueryable<string> WaveTypes(SurveyDbContext db, int waveId) =>
        db.Invitations.Where(i => i.WaveId == waveId).Select(i => i.Participant!.Type).Distinct();

    public async Task<IReadOnlyList<(Question Question, IReadOnlyList<Category> Categories)>> CategoriesAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        var survey = await catalog.GetAsync(surveyId, cancellationToken);
        if (survey is null) return [];
        var ids = survey.Questions.Select(q => q.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.QuestionId)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return survey.Questions.Where(q => categories.Any(c => c.QuestionId == q.Id))
            .Select(q => (q, (IReadOnlyList<Category>)categories.Where(c => c.QuestionId == q.Id).ToList())).ToList();
    }

    public async Task<WaveResults?> GetAsync(int waveId, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var summary = await SummaryAsync(db, waveId, cancellationToken);
        if (summary is null) return null;
        var survey = (await catalog.GetAsync(summary.SurveyId, cancellationToken))!;

        var inView = filter.IsActive ? await InView(db, waveId, filter).CountAsync(cancellationToken) : summary.Submitted;
        if (!await ViewAllowedAsync(db, waveId, filter, inView, summary.Submitted, cancellationToken))
        {
            return new WaveResults(summary, survey, filter, Minimum, inView, true, []);
        }

        // The wave's answers in view, read from the covering index, minus those of responses not yet
        // submitted: there are few of those at any time, so they are looked up by response and subtracted
        // rather than every answer of the wave being checked against its response.
        var all = AnswersInView(db, waveId, filter);
        var unsubmitted = await db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt == null).Select(r => r.Id).ToListAsync(cancellationToken);
        var pending = unsubmitted.Count == 0 ? null : AnswersInView(db, null, filter).Where(a => unsubmitted.Contains(a.ResponseId));
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
                categories.Where(c => names[c.Key].QuestionId == question.Id)
                    .Select(c => new CategoryCount(c.Key, names[c.Key].Name, c.Value))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
                question.IsChoice ? 0 : answered.GetValueOrDefault(((int?)null, question.Id)));
        }).ToList();
        return new WaveResults(summary, survey, filter, Minimum, inView, false, questions);
    }

    /// <summary>
    /// The participant types a filter may not name, nor the raw responses show, in the wave: too few
    /// responses (none included), or needed to keep the other small types' total from being worked out.
    /// Decided on the whole wave's counts, which the list of who has answered shows anyway, so it is the
    /// same whatever else the filter selects.
    /// </summary>
    public async Task<IReadOnlySet<string>> HiddenTypesAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return Suppression.HiddenSegments(await TypeCountsAsync(db, waveId, null, cancellationToken), Minimum);
    }

    /// <summary>
    /// Whether a view's numbers may be shown. Beyond the view's own size, no view may differ by a small
    /// (or empty) group from a view that is also shown: from the wave, from the same category's view or the
    /// same types' view. Types the wave hides may not be named; within a category each named type must
    /// itself reach the minimum, so that no two type filters of one category differ by a small group.
    /// Every test below is "at least the minimum", so 0 and 1 to minimum − 1 always give the same answer.
    /// </summary>
    private async Task<bool> ViewAllowedAsync(SurveyDbContext db, int waveId, ResultsFilter filter, int inView, int waveCount, CancellationToken cancellationToken)
    {
        var waveTypes = filter.ParticipantTypes.Count == 0 ? [] : await TypeCountsAsync(db, waveId, null, cancellationToken);
        // Naming every type of the wave narrows nothing: the view is the wave (or the category's view).
        var types = filter.ParticipantTypes.Distinct().ToList();
        if (types.Count > 0 && waveTypes.Keys.All(types.Contains) && types.All(waveTypes.ContainsKey)) types = [];

        if (types.Count == 0 && filter.CategoryId is null)
        {
            return Suppression.CanShowWave(inView, Minimum);
        }
        if (!Suppression.CanShowPart(inView, waveCount, Minimum))
        {
            return false;
        }
        if (types.Count == 0)
        {
            return true;
        }
        var hidden = Suppression.HiddenSegments(waveTypes, Minimum);
        if (types.Any(t => !waveTypes.ContainsKey(t) || hidden.Contains(t)))
        {
            return false;
        }
        if (filter.CategoryId is null)
        {
            return true;
        }
        var inCategory = await TypeCountsAsync(db, waveId, filter.CategoryId, cancellationToken);
        if (types.Any(t => inCategory[t] < Minimum))
        {
            return false;
        }
        var typesOnly = types.Sum(t => waveTypes[t]);
        return Suppression.CanShowPart(inView, inCategory.Values.Sum(), Minimum) && Suppression.CanShowPart(inView, typesOnly, Minimum);
    }

    /// <summary>Submitted responses per participant type of the wave's invitees (or within a category's responses), 0 included.</summary>
    private static async Task<Dictionary<string, int>> TypeCountsAsync(SurveyDbContext db, int waveId, int? categoryId, CancellationToken cancellationToken)
    {
        var counts = await InView(db, waveId, new ResultsFilter([], categoryId))
            .Join(db.Participants, r => r.ParticipantId, p => p.Id, (r, p) => p.Type)
            .GroupBy(t => t)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        foreach (var type in await WaveTypes(db, waveId).ToListAsync(cancellationToken))
        {
            counts.TryAdd(type, 0);
        }
        return counts;
    }

    /// <summary>Who has answered the wave and who has not, for the reminders.</summary>
    public async Task<IReadOnlyList<ParticipantProgress>> ProgressAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from i in db.Invitations.AsNoTracking()
                where i.WaveId == waveId && i.RevokedAt == null
                join r in db.Responses on i.Id equals r.InvitationId into responses
                from r in responses.DefaultIfEmpty()
                select new { i.Participant!.Name, i.Participant.Type, Started = r != null, Submitted = r != null && r.SubmittedAt != null })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ParticipantProgress(r.Name, r.Type,
                r.Submitted ? ParticipantStatus.Submitted : r.Started ? ParticipantStatus.Started : ParticipantStatus.NotStarted))
            .OrderBy(p => p.Status).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>One question (or matrix item) by participant type, with small types hidden.</summary>
    public async Task<CrossTab?> CrossTabAsync(int waveId, string questionKey, string? itemCode, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null) return null;
        var survey = (await catalog.GetAsync(wave.SurveyId, cancellationToken))!;
        var question = survey.FindQuestion(questionKey);
        if (question is not { IsChoice: true }) return null;
        var item = itemCode is null ? null : question.Items.SingleOrDefault(i => i.Code == itemCode);
        if (question.Kind == QuestionKind.Matrix && item is null) return null;

        var view = InView(db, waveId, filter);
        var waveTotal = await db.Responses.CountAsync(r => r.WaveId == waveId && r.SubmittedAt != null, cancellationToken);
        var inView = await view.GroupBy(r => r.Invitation!.Participant!.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        var total = inView.Values.Sum();
        var showTotal = await ViewAllowedAsync(db, waveId, filter, total, waveTotal, cancellationToken);
        // One column per type the filter selects (every type of the wave's invitees without one), empty
        // ones included, so the columns themselves never tell which types answered.
        var columnTypes = filter.ParticipantTypes.Count > 0 ? filter.ParticipantTypes.Distinct() : await WaveTypes(db, waveId).ToListAsync(cancellationToken);
        var segments = columnTypes.ToDictionary(t => t, t => inView.GetValueOrDefault(t), StringComparer.Ordinal);
        var hidden = !showTotal ? segments.Keys.ToHashSet()
            : filter.CategoryId is null ? Suppression.HiddenSegments(segments, Minimum)
            : Suppression.HiddenSegmentsOfSecretSize(segments, Minimum);

        var itemId = item?.Id;
        var rows = await db.Answers
            .Where(a => a.WaveId == waveId && a.QuestionId == question.Id && a.ItemId == itemId && a.Code != null)
            .Join(view, a => a.ResponseId, r => r.Id, (a, r) => new { a.Code, a.ResponseId, Type = r.Invitation!.Participant!.Type })
            .GroupBy(x => new { x.Type, x.Code })
            .Select(g => new { g.Key.Type, g.Key.Code, Count = g.Count(), Responses = g.Select(x => x.ResponseId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        CrossTabColumn Column(string segment, int responses, bool isHidden, Func<string, bool> inSegment)
        {
            if (isHidden)
            {
                return new CrossTabColumn(segment, responses, true, new Dictionary<string, int>(), 0);
            }
            var mine = rows.Where(r => inSegment(r.Type)).ToList();
            var byCode = mine.GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
            return new CrossTabColumn(segment, responses, false, byCode, mine.Sum(r => r.Responses));
        }

        var columns = segments.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => Column(s.Key, s.Value, hidden.Contains(s.Key), t => t == s.Key)).ToList();
        return new CrossTab(question, item?.Code, columns, Column("", total, !showTotal, _ => true), question.Choices());
    }

    private readonly record struct GroupKey(int QuestionId, int? ItemId, string? Code);

    /// <summary>
    /// Distinct submitted responses per category. Starts from the codings (few) and looks their answers
    /// up by key, rather than walking every answer of the wave to find the coded ones.
    /// </summary>
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

    /// <summary>
    /// How many responses answered each question (and matrix item): the row count for questions that
    /// store one row per response, distinct responses for multi and texts questions.
    /// </summary>
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

    /// <summary>How many responses in view were shown the question: all, unless a condition hid it.</summary>
    private static int ShownCount(Question question, Survey survey, Dictionary<GroupKey, int> counts, int inView)
    {
        if (question.ConditionQuestionKey is null || survey.FindQuestion(question.ConditionQuestionKey) is not { } source)
        {
            return inView;
        }
        // Conditions refer to single-answer choices here, so each response counts once.
        return counts.Where(c => c.Key.QuestionId == source.Id && c.Key.Code is not null && question.ConditionValues.Contains(c.Key.Code)).Sum(c => c.Value);
    }

    /// <summary>The submitted responses of the wave that the filter lets through, taken from <paramref name="source"/> (all responses by default).</summary>
    internal static IQueryable<Response> InView(SurveyDbContext db, int waveId, ResultsFilter filter, IQueryable<Response>? source = null)
    {
        var responses = (source ?? db.Responses).Where(r => r.WaveId == waveId && r.SubmittedAt != null);
        if (ParticipantsOfTypes(db, filter) is { } participants)
        {
            responses = responses.Where(r => participants.Contains(r.ParticipantId));
        }
        if (CodedResponses(db, filter) is { } coded)
        {
            responses = responses.Where(r => coded.Contains(r.Id));
        }
        return responses;
    }

    /// <summary>All the wave's answers that the filter lets through, submitted or not (any wave's, for a null wave).</summary>
    private static IQueryable<Answer> AnswersInView(SurveyDbContext db, int? waveId, ResultsFilter filter)
    {
        var answers = waveId is null ? db.Answers : db.Answers.Where(a => a.WaveId == waveId);
        if (ParticipantsOfTypes(db, filter) is { } participants)
        {
            answers = answers.Where(a => participants.Contains(a.ParticipantId));
        }
        if (CodedResponses(db, filter) is { } coded)
        {
            answers = answers.Where(a => coded.Contains(a.ResponseId));
        }
        return answers;
    }

    private static IQueryable<int>? ParticipantsOfTypes(SurveyDbContext db, ResultsFilter filter)
    {
        if (filter.ParticipantTypes.Count == 0) return null;
        var types = filter.ParticipantTypes.ToList();
        return db.Participants.Where(p => types.Contains(p.Type)).Select(p => p.Id);
    }

    private static IQueryable<int>? CodedResponses(SurveyDbContext db, ResultsFilter filter) =>
        filter.CategoryId is { } categoryId
            ? db.AnswerCategories.Where(c => c.CategoryId == categoryId).Join(db.Answers, c => c.AnswerId, a => a.Id, (c, a) => a.ResponseId)
            : null;

    private static async Task<WaveSummary?> SummaryAsync(SurveyDbContext db, int waveId, CancellationToken cancellationToken) =>
        await db.Waves.AsNoTracking().Where(w => w.Id == waveId)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .SingleOrDefaultAsync(cancellationToken);
}
