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
}
