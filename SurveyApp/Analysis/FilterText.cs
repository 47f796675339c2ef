using SurveyApp.Resources;

namespace SurveyApp.Analysis;

/// <summary>How a filter's groups are named wherever the filter is written out: page, cross-tab, chart, workbook.</summary>
public static class FilterText
{
    /// <summary>A group by its value; the group of those without the detail as "not given".</summary>
    public static string GroupName(string group) => group.Length == 0 ? Text.Get("Filter.NoValue") : group;

    /// <summary>"kommun, region" for types; "län: Uppsala län, Örebro län" for a detail; null when the filter names no group.</summary>
    public static string? Groups(ResultsFilter filter)
    {
        if (filter.Groups.Count == 0) return null;
        var names = string.Join(", ", filter.Groups.Select(GroupName));
        return filter.Detail is null ? names : $"{filter.Detail}: {names}";
    }

    /// <summary>
    /// The whole filter in words, as the page states it and the downloads print it: "Deltagartyp: kommun; Kategori:
    /// Tid" or "län: Uppsala län"; null for no filter.
    /// </summary>
    public static string? Describe(ResultsFilter filter, string? categoryName)
    {
        var parts = new List<string>();
        if (Groups(filter) is { } groups)
        {
            parts.Add(filter.Detail is null ? Text.Format("Filter.Describe.Types", groups) : groups);
        }
        if (filter.CategoryId is { } id)
        {
            parts.Add(Text.Format("Filter.Describe.Category", categoryName ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
