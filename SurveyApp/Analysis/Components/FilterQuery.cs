namespace SurveyApp.Analysis.Components;

/// <summary>
/// Filters travel in the address (?typ=kommun&amp;kategori=3, or ?uppgift=län&amp;grupp=Uppsala%20län for a detail), so a
/// filtered view can be bookmarked and shared. See <see cref="ResultsFilter.FromQuery"/>.
/// </summary>
public static class FilterQuery
{
    public static string Url(string path, ResultsFilter filter, params (string Name, string Value)[] extra)
    {
        IEnumerable<(string, string)> groups = filter.Detail is null
            ? filter.Groups.Select(t => ("typ", t))
            : [("uppgift", filter.Detail), .. filter.Groups.Select(g => ("grupp", g))];
        var parts = groups
            .Concat(filter.CategoryId is { } c ? [("kategori", c.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [])
            .Concat(extra)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")
            .ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }
}
