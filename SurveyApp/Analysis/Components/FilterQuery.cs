namespace SurveyApp.Analysis.Components;

/// <summary>Filters travel in the address (?typ=kommun&amp;kategori=3), so a filtered view can be bookmarked and shared.</summary>
public static class FilterQuery
{
    public static string Url(string path, ResultsFilter filter, params (string Name, string Value)[] extra)
    {
        var parts = filter.ParticipantTypes.Select(t => ("typ", t))
            .Concat(filter.CategoryId is { } c ? [("kategori", c.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [])
            .Concat(extra)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")
            .ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }
}
