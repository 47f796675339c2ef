namespace SurveyApp.Administration.Surveys.Editor;

/// <summary>One entry of a <see cref="RowList{TItem}"/>: the entry, its position and its JSON path.</summary>
public sealed record RowContext<TItem>(TItem Item, int Index, string Path);
