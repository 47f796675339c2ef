namespace SurveyApp.Analysis.Statistics;

/// <summary>
/// Every figure but <see cref="ValidCount"/> is null when nobody answered on the scale. The higher step value
/// is the more positive end, whatever order the scale shows its steps in. The median is the ordinal median;
/// for even n, two middle observations in different steps give the midpoint of their values (e.g. 3.5). The
/// top-two share is a fraction (0..1).
/// </summary>
public sealed record ScaleSummary(int ValidCount, double? Median, double? TopTwoShare, double? Mean)
{
    /// <param name="countsByValue">Answers per step value; steps missing from it count as 0.</param>
    public static ScaleSummary FromCounts(IReadOnlyDictionary<int, int> countsByValue, IReadOnlyList<int> stepValues)
    {
        ArgumentNullException.ThrowIfNull(countsByValue);
        return FromCounts(countsByValue.Select(pair => (pair.Key, pair.Value)), stepValues);
    }

    /// <param name="counts">Answers per step value; a value may appear more than once and its counts add up.</param>
    public static ScaleSummary FromCounts(IEnumerable<(int Value, int Count)> counts, IReadOnlyList<int> stepValues)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(stepValues);
        if (stepValues.Count == 0)
        {
            throw new ArgumentException("A scale needs at least one step.", nameof(stepValues));
        }
        if (stepValues.Distinct().Count() != stepValues.Count)
        {
            throw new ArgumentException("Step values must be distinct.", nameof(stepValues));
        }

        var ascending = stepValues.Order().ToArray();
        var countByStep = ascending.ToDictionary(value => value, _ => 0L);
        foreach (var (value, count) in counts)
        {
            if (!countByStep.ContainsKey(value))
            {
                throw new ArgumentException($"Value {value} is not a step of the scale.", nameof(counts));
            }
            if (count < 0)
            {
                throw new ArgumentException($"Value {value} has a negative count ({count}).", nameof(counts));
            }
            countByStep[value] += count;
        }

        var n = countByStep.Values.Sum();
        if (n == 0)
        {
            return new ScaleSummary(0, null, null, null);
        }

        double median = n % 2 == 1
            ? ValueOfObservation(ascending, countByStep, (n + 1) / 2)
            : (ValueOfObservation(ascending, countByStep, n / 2) + ValueOfObservation(ascending, countByStep, n / 2 + 1)) / 2.0;
        var topTwo = ascending.TakeLast(2).Sum(value => countByStep[value]);
        var mean = ascending.Sum(value => (double)value * countByStep[value]) / n;

        return new ScaleSummary(checked((int)n), median, (double)topTwo / n, mean);
    }

    private static int ValueOfObservation(int[] ascending, Dictionary<int, long> countByStep, long position)
    {
        long cumulative = 0;
        foreach (var value in ascending)
        {
            cumulative += countByStep[value];
            if (cumulative >= position)
            {
                return value;
            }
        }
        throw new InvalidOperationException("Position beyond the number of observations.");
    }
}
