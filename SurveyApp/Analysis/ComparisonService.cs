using Microsoft.EntityFrameworkCore;
using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

public enum ComparisonTest { WilcoxonSignedRank, MannWhitneyU }

/// <summary>Unpaired answers are counted beside the test, not in it (docs/statistics.md).</summary>
public sealed record ScaleTest(ComparisonTest Test, int CountA, int CountB, int Pairs, double Statistic, double? PValue, PValueMethod? Method, string? Reason)
{
    public int UnpairedA => CountA - Pairs;

    public int UnpairedB => CountB - Pairs;
}

public sealed record ChoiceChange(string Code, string Label, bool IsOffScale, int CountA, double ShareA, int CountB, double ShareB)
{
    public double PercentagePoints => 100 * (ShareB - ShareA);
}

public sealed record QuestionComparison(Question Question, string? ItemCode, string? ItemText, Distribution A, Distribution B, IReadOnlyList<ChoiceChange> Changes, ScaleTest? Test);

public sealed record WaveComparison(WaveResults A, WaveResults B, IReadOnlyList<QuestionComparison> Questions)
{
    public bool Suppressed => A.Suppressed || B.Suppressed;
}

public sealed class ComparisonService(IDbContextFactory<SurveyDbContext> factory, WaveResultsQuery results)
{
    public async Task<WaveComparison?> CompareAsync(int waveA, int waveB, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        var a = await results.GetAsync(waveA, filter, cancellationToken);
        var b = await results.GetAsync(waveB, filter, cancellationToken);
        if (a is null || b is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var series = await WaveListQuery.SeriesAsync(db, cancellationToken);
        if (series[a.Wave.SurveyId] != series[b.Wave.SurveyId])
        {
            return null;
        }
        if (a.Suppressed || b.Suppressed)
        {
            return new WaveComparison(a, b, []);
        }
        var valuesA = await ScaleValuesAsync(db, waveA, filter, cancellationToken);
        var valuesB = await ScaleValuesAsync(db, waveB, filter, cancellationToken);

        // Questions pair by key: in one survey that is each question with itself; across versions of a survey,
        // a question is compared when it asks for the same answers in both (a question a version changed is left out).
        var inB = b.Questions.ToDictionary(q => q.Question.Key, StringComparer.Ordinal);
        var questions = new List<QuestionComparison>();
        foreach (var questionA in a.Questions.Where(q => q.Question.IsChoice))
        {
            if (!inB.TryGetValue(questionA.Question.Key, out var questionB) || !SameAnswers(questionA.Question, questionB.Question))
            {
                continue;
            }
            var distributionsB = questionB.Distributions.ToDictionary(d => d.ItemCode ?? "", StringComparer.Ordinal);
            foreach (var distA in questionA.Distributions)
            {
                if (!distributionsB.TryGetValue(distA.ItemCode ?? "", out var distB))
                {
                    continue;
                }
                var question = questionA.Question;
                var itemA = question.Items.SingleOrDefault(i => i.Code == distA.ItemCode)?.Id;
                var itemB = questionB.Question.Items.SingleOrDefault(i => i.Code == distB.ItemCode)?.Id;
                var changes = distA.Choices.Zip(distB.Choices).Select(p => new ChoiceChange(
                    p.First.Code, p.First.Label, p.First.IsOffScale,
                    p.First.Count, Share(question, distA, p.First), p.Second.Count, Share(question, distB, p.Second))).ToList();
                var test = question.IsScaled
                    ? Test(Values(valuesA, question.Id, itemA), Values(valuesB, questionB.Question.Id, itemB))
                    : null;
                questions.Add(new QuestionComparison(question, distA.ItemCode, distA.ItemText, distA, distB, changes, test));
            }
        }
        return new WaveComparison(a, b, questions);
    }

    // Only questions that offer the same answers in the same order, under the same labels, to the same
    // respondents (the same condition) have distributions that compare.
    private static bool SameAnswers(Question a, Question b) =>
        a.Kind == b.Kind
        && a.Choices().Select(c => (c.Code, c.Value, c.IsOffScale, c.Label)).SequenceEqual(b.Choices().Select(c => (c.Code, c.Value, c.IsOffScale, c.Label)))
        && a.ConditionQuestionKey == b.ConditionQuestionKey
        && a.ConditionValues.ToHashSet(StringComparer.Ordinal).SetEquals(b.ConditionValues);

    // Paired whenever anyone answered in both waves: those answers are dependent, and treating them as
    // independent would be wrong however few they are. Only with no pairs are the waves independent samples.
    public static ScaleTest Test(IReadOnlyDictionary<int, int> a, IReadOnlyDictionary<int, int> b)
    {
        var pairs = a.Keys.Where(b.ContainsKey).Select(p => (a[p], b[p])).ToList();
        if (pairs.Count > 0)
        {
            var w = WilcoxonSignedRank.Test(pairs);
            return new ScaleTest(ComparisonTest.WilcoxonSignedRank, a.Count, b.Count, pairs.Count, w.T, w.PValue, w.Method, w.Reason);
        }
        var u = MannWhitney.Test(a.Values.ToList(), b.Values.ToList());
        return new ScaleTest(ComparisonTest.MannWhitneyU, a.Count, b.Count, pairs.Count, u.U, u.PValue, u.Method, u.Reason);
    }

    // The same bases as the results page.
    private static double Share(Question question, Distribution distribution, ChoiceCount choice) =>
        question.IsScaled && !choice.IsOffScale ? distribution.ShareOfScale(choice) : distribution.ShareOfAnswered(choice);

    // A participant with several responses in a wave (several invitations) cannot be paired; its answers
    // are kept under negative keys that match nothing in the other wave.
    private static IReadOnlyDictionary<int, int> Values(List<ScaleValue> values, int questionId, int? itemId)
    {
        var result = new Dictionary<int, int>();
        var unpaired = 0;
        foreach (var group in values.Where(v => v.QuestionId == questionId && v.ItemId == itemId).GroupBy(v => v.ParticipantId))
        {
            if (group.Count() == 1)
            {
                result[group.Key] = group.First().Value;
            }
            else
            {
                foreach (var value in group)
                {
                    result[--unpaired] = value.Value;
                }
            }
        }
        return result;
    }

    private sealed record ScaleValue(int QuestionId, int? ItemId, int ParticipantId, int Value);

    // Off-scale answers have no value and stay out.
    private static Task<List<ScaleValue>> ScaleValuesAsync(SurveyDbContext db, int waveId, ResultsFilter filter, CancellationToken cancellationToken) =>
        db.Answers.Where(a => a.WaveId == waveId && a.Value != null)
            .Join(ResponsesInView.Responses(db, waveId, filter), a => a.ResponseId, r => r.Id,
                (a, r) => new ScaleValue(a.QuestionId, a.ItemId, r.ParticipantId, a.Value!.Value))
            .ToListAsync(cancellationToken);
}
