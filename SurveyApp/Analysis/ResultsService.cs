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
        return await db.Waves.AsNoTracking()
            .OrderBy(w => w.SurveyId).ThenBy(w => w.Id)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ParticipantTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Participants.Select(p => p.Type).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

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
        var participants = await ProgressAsync(db, waveId, cancellationToken);

        var view = InView(db, waveId, filter);
        var inView = filter.IsActive ? await view.CountAsync(cancellationToken) : summary.Submitted;
        var suppressed = !Suppression.CanShowView(inView, summary.Submitted, Minimum) && (filter.IsActive || inView < Minimum);
        if (suppressed)
        {
            return new WaveResults(summary, survey, filter, Minimum, inView, true, participants, []);
        }

        var ids = view.Select(r => r.Id);
        var answers = db.Answers.Where(a => a.WaveId == waveId && ids.Contains(a.ResponseId));
        var counts = await answers.Where(a => a.Code != null)
            .GroupBy(a => new { a.QuestionId, a.ItemId, a.Code })
            .Select(g => new CodeCount(g.Key.QuestionId, g.Key.ItemId, g.Key.Code!, g.Count()))
            .ToListAsync(cancellationToken);
        var answered = await answers
            .GroupBy(a => new { a.QuestionId, a.ItemId })
            .Select(g => new AnsweredCount(g.Key.QuestionId, g.Key.ItemId, g.Select(a => a.ResponseId).Distinct().Count()))
            .ToListAsync(cancellationToken);
        var categories = await db.AnswerCategories
            .Join(answers, c => c.AnswerId, a => a.Id, (c, a) => new { c.CategoryId, a.ResponseId })
            .GroupBy(x => x.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Select(x => x.ResponseId).Distinct().Count() })
            .Join(db.Categories, g => g.CategoryId, c => c.Id, (g, c) => new { c.QuestionId, g.CategoryId, c.Name, g.Count })
            .ToListAsync(cancellationToken);

        var questions = survey.Questions.Select(question => new QuestionResults(
                question,
                Distributions(question, survey, counts, answered, inView),
                categories.Where(c => c.QuestionId == question.Id).OrderByDescending(c => c.Count).ThenBy(c => c.Name)
                    .Select(c => new CategoryCount(c.CategoryId, c.Name, c.Count)).ToList(),
                answered.Where(a => a.QuestionId == question.Id && !question.IsChoice).Sum(a => a.Count)))
            .ToList();
        return new WaveResults(summary, survey, filter, Minimum, inView, false, participants, questions);
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
        var segments = await view.GroupBy(r => r.Invitation!.Participant!.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        var waveTotal = await db.Responses.CountAsync(r => r.WaveId == waveId && r.SubmittedAt != null, cancellationToken);
        var total = segments.Values.Sum();
        var showTotal = Suppression.CanShowView(total, waveTotal, Minimum) || (!filter.IsActive && total >= Minimum);
        var hidden = Suppression.HiddenSegments(segments, Minimum);

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

    private sealed record CodeCount(int QuestionId, int? ItemId, string Code, int Count);

    private sealed record AnsweredCount(int QuestionId, int? ItemId, int Count);

    private static IReadOnlyList<Distribution> Distributions(Question question, Survey survey, List<CodeCount> counts, List<AnsweredCount> answered, int inView)
    {
        var notShown = inView - ShownCount(question, survey, counts, inView);
        IEnumerable<QuestionItem?> items = question.Kind == QuestionKind.Matrix ? question.Items.OrderBy(i => i.Position) : [null];
        return items.Select(item =>
        {
            var itemId = item?.Id;
            var n = answered.Where(a => a.QuestionId == question.Id && a.ItemId == itemId).Sum(a => a.Count);
            var choices = question.IsChoice
                ? question.Choices().Select(c => new ChoiceCount(c.Code, c.Label, c.Value, c.IsOffScale,
                    counts.Where(x => x.QuestionId == question.Id && x.ItemId == itemId && x.Code == c.Code).Sum(x => x.Count))).ToList()
                : [];
            var scale = question.IsScaled
                ? ScaleSummary.FromCounts(choices.Where(c => c.Value is not null).Select(c => (c.Value!.Value, c.Count)),
                    question.Scale!.Steps.Select(s => s.Value).ToList())
                : null;
            return new Distribution(item?.Code, item?.Text, n, Math.Max(0, inView - notShown - n), notShown, choices, scale);
        }).ToList();
    }

    /// <summary>How many responses in view were shown the question: all, unless a condition hid it.</summary>
    private static int ShownCount(Question question, Survey survey, List<CodeCount> counts, int inView)
    {
        if (question.ConditionQuestionKey is null || survey.FindQuestion(question.ConditionQuestionKey) is not { } source)
        {
            return inView;
        }
        // Conditions refer to single-answer choices here, so each response counts once.
        return counts.Where(c => c.QuestionId == source.Id && question.ConditionValues.Contains(c.Code)).Sum(c => c.Count);
    }

    internal static IQueryable<Response> InView(SurveyDbContext db, int waveId, ResultsFilter filter)
    {
        var responses = db.Responses.Where(r => r.WaveId == waveId && r.SubmittedAt != null);
        if (filter.ParticipantTypes.Count > 0)
        {
            var types = filter.ParticipantTypes.ToList();
            responses = responses.Where(r => types.Contains(r.Invitation!.Participant!.Type));
        }
        if (filter.CategoryId is { } categoryId)
        {
            responses = responses.Where(r => db.AnswerCategories.Any(c => c.CategoryId == categoryId && db.Answers.Any(a => a.Id == c.AnswerId && a.ResponseId == r.Id)));
        }
        return responses;
    }

    private static async Task<WaveSummary?> SummaryAsync(SurveyDbContext db, int waveId, CancellationToken cancellationToken) =>
        await db.Waves.AsNoTracking().Where(w => w.Id == waveId)
            .Select(w => new WaveSummary(w.Id, w.Name, w.SurveyId, w.Survey!.Title, w.IsClosed,
                db.Invitations.Count(i => i.WaveId == w.Id && i.RevokedAt == null),
                db.Responses.Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task<IReadOnlyList<ParticipantProgress>> ProgressAsync(SurveyDbContext db, int waveId, CancellationToken cancellationToken)
    {
        var rows = await db.Invitations.AsNoTracking().Where(i => i.WaveId == waveId && i.RevokedAt == null)
            .Select(i => new
            {
                i.Participant!.Name,
                i.Participant.Type,
                Started = db.Responses.Any(r => r.InvitationId == i.Id),
                Submitted = db.Responses.Any(r => r.InvitationId == i.Id && r.SubmittedAt != null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ParticipantProgress(r.Name, r.Type,
                r.Submitted ? ParticipantStatus.Submitted : r.Started ? ParticipantStatus.Started : ParticipantStatus.NotStarted))
            .OrderBy(p => p.Status).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
