namespace SurveyApp.Analysis.Statistics;

/// <summary>
/// Ranks with ties sharing the mean of the ranks they span, kept doubled so that every midrank
/// is an integer (a midrank is (first + last) / 2) and sums can be compared exactly.
/// </summary>
internal sealed class MidRanks
{
    private MidRanks(int[] doubledRanks, int[] tieSizes)
    {
        DoubledRanks = doubledRanks;
        TieSizes = tieSizes;
    }

    public int[] DoubledRanks { get; }

    public int[] TieSizes { get; }

    /// <summary>Σ (t³ − t) over the tie groups, the term both tests' variances subtract.</summary>
    public double TieTerm => TieSizes.Sum(t => (double)t * t * t - t);

    public static MidRanks Of(IReadOnlyList<int> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var doubled = new int[values.Count];
        var ties = new List<int>();
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            // Ranks are start+1 .. end+1; twice their mean is their sum of ends.
            var doubledMidrank = start + 1 + end + 1;
            for (var k = start; k <= end; k++)
            {
                doubled[order[k]] = doubledMidrank;
            }
            ties.Add(end - start + 1);
            start = end + 1;
        }
        return new MidRanks(doubled, ties.ToArray());
    }
}
