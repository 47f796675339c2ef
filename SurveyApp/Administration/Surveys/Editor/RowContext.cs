namespace SurveyApp.Administration.Surveys.Editor;

public sealed record RowContext<TItem>(TItem Item, int Index, string Path);
