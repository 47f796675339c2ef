using SurveyApp.Domain;

namespace SurveyApp.Analysis.Components;

/// <summary>In percent; left of zero is negative.</summary>
public sealed record BarValue(string Category, double Value);

public sealed record DivergingSeries(string Label, string Colour, IReadOnlyList<BarValue> Values);

public sealed record LegendEntry(string Label, string Colour);

/// <summary>Where a chart's files are drawn: its SVG and PNG addresses.</summary>
public sealed record ChartDownload(string Svg, string Png);

/// <summary>
/// Steps below the middle go left of zero, steps above go right, an odd scale's middle step is split
/// evenly across zero (a one-sided scale stacks plainly). Series are listed from zero outwards, so that
/// stacking puts the extreme steps at the ends. Percentages are shares of the scale answers (valid n);
/// off-scale answers are never part of the bar.
/// </summary>
public static class DivergingLayout
{
    private static readonly Dictionary<int, string[]> Palettes = new()
    {
        [2] = ["#d6604d", "#4393c3"],
        [3] = ["#d6604d", "#bababa", "#4393c3"],
        [4] = ["#b2182b", "#ef8a62", "#67a9cf", "#2166ac"],
        [5] = ["#b2182b", "#ef8a62", "#bababa", "#67a9cf", "#2166ac"],
        [6] = ["#b2182b", "#d6604d", "#f4a582", "#92c5de", "#4393c3", "#2166ac"],
        [7] = ["#b2182b", "#d6604d", "#f4a582", "#bababa", "#92c5de", "#4393c3", "#2166ac"],
    };

    // A one-sided scale ("Nej / Ja, i viss grad / Ja, i hög grad") has no neutral middle: its steps get one
    // hue from light (lowest) to dark (highest), never the diverging palettes' grey.
    private static readonly string[] OneSided = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

    public static IReadOnlyList<LegendEntry> Legend(Scale scale) => Legend(scale.Bipolar, Ascending(scale).Select(s => s.Label).ToList());

    /// <summary>The legend of a scale whose step labels are given lowest first.</summary>
    public static IReadOnlyList<LegendEntry> Legend(bool bipolar, IReadOnlyList<string> steps)
    {
        var colours = Colours(bipolar, steps.Count);
        return steps.Select((s, i) => new LegendEntry(s, colours[i])).ToList();
    }

    public static IReadOnlyList<DivergingSeries> Series(Scale scale, IReadOnlyList<(string Category, Distribution Distribution)> bars)
    {
        var steps = Ascending(scale);

        double Share(Distribution distribution, ScaleStep step)
        {
            var choice = distribution.Choices.Single(c => c.Value == step.Value);
            return 100 * distribution.ShareOfScale(choice);
        }

        return Series(scale.Bipolar, steps.Select(s => s.Label).ToList(),
            bars.Select(b => (b.Category, (IReadOnlyList<double>)steps.Select(s => Share(b.Distribution, s)).ToList())).ToList());
    }

    /// <summary>The series of a scale whose step labels are given lowest first, from each bar's percentages in the same order.</summary>
    public static IReadOnlyList<DivergingSeries> Series(bool bipolar, IReadOnlyList<string> steps, IReadOnlyList<(string Category, IReadOnlyList<double> Percents)> bars)
    {
        var colours = Colours(bipolar, steps.Count);
        var middle = steps.Count / 2;
        var odd = steps.Count % 2 == 1;

        DivergingSeries Make(int index, double sign, double part) => new(steps[index], colours[index],
            bars.Select(b => new BarValue(b.Category, sign * part * b.Percents[index])).ToList());

        if (!bipolar)
        {
            // A one-sided scale has no negative side: its steps stack from zero, lowest first.
            return steps.Select((_, i) => Make(i, 1, 1)).ToList();
        }
        var series = new List<DivergingSeries>();
        if (odd)
        {
            series.Add(Make(middle, -1, 0.5));
        }
        for (var i = middle - 1; i >= 0; i--)
        {
            series.Add(Make(i, -1, 1));
        }
        if (odd)
        {
            series.Add(Make(middle, 1, 0.5));
        }
        for (var i = odd ? middle + 1 : middle; i < steps.Count; i++)
        {
            series.Add(Make(i, 1, 1));
        }
        return series;
    }

    private static List<ScaleStep> Ascending(Scale scale) => scale.Steps.OrderBy(s => s.Value).ToList();

    private static string[] Colours(bool bipolar, int count)
    {
        if (!bipolar)
        {
            // Spread over the light-to-dark range, so two steps are as far apart as seven.
            return Enumerable.Range(0, count)
                .Select(i => OneSided[count == 1 ? OneSided.Length - 1 : (int)Math.Round(i * (OneSided.Length - 1.0) / (count - 1))]).ToArray();
        }
        return Palettes.TryGetValue(count, out var palette) ? palette : Enumerable.Repeat("#4393c3", count).ToArray();
    }
}
