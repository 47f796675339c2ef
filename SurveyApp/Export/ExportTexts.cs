using SurveyApp.Domain;
using SurveyApp.Resources;

namespace SurveyApp.Export;

/// <summary>The workbook is in the language of the request that downloads it.</summary>
public static class ExportTexts
{
    public static string SheetFallback => Text.Get("Export.SheetFallback");

    /// <summary>Every printed page names the survey and the wave, and numbers itself, in the workbook's language.</summary>
    public static XlsxPrintSettings PrintSettings(Analysis.WaveSummary wave) => new()
    {
        Header = $"{wave.SurveyTitle} – {wave.WaveName}",
        PageNumber = Text.Get("Export.PageNumber"),
        PercentFormat = Text.Get("Export.PercentFormat"),
    };

    public static string SummarySheet => Text.Get("Export.SummarySheet");
    public static string ResponsesSheet => Text.Get("Export.ResponsesSheet");
    public static string ResponseLabelsSheet => Text.Get("Export.ResponseLabelsSheet");
    public static string CodebookSheet => Text.Get("Export.CodebookSheet");
    public static string OpenAnswersSheet => Text.Get("Export.OpenAnswersSheet");
    public static string Answer => Text.Get("Export.Answer");
    public static string Categories => Text.Get("Export.Categories");
    public static string TypeHidden => Text.Get("Export.TypeHidden");

    public static string ResponseNumber => Text.Get("Export.ResponseNumber");
    public static string ParticipantType => Text.Get("Export.ParticipantType");

    public static string SummaryTitle => Text.Get("Export.SummaryTitle");
    public static string Survey => Text.Get("Export.Survey");
    public static string Wave => Text.Get("Export.Wave");
    public static string Invited => Text.Get("Export.Invited");
    public static string Submitted => Text.Get("Export.Submitted");
    public static string ResponseRate => Text.Get("Export.ResponseRate");
    public static string Filters => Text.Get("Export.Filters");
    public static string NoFilters => Text.Get("Export.NoFilters");
    public static string RowsLeftOutForDetail => Text.Get("Export.RowsLeftOutForDetail");
    public static string TooManyRows => Text.Get("Export.TooManyRows");
    public static string OpenAnswersLeftOut => Text.Get("Export.OpenAnswersLeftOut");
    public static string InView => Text.Get("Export.InView");
    public static string MinGroupSize => Text.Get("Export.MinGroupSize");
    public static string Generated => Text.Get("Export.Generated");
    public static string PercentBase => Text.Get("Export.PercentBase");
    public static string PercentBaseText => Text.Get("Export.PercentBaseText");
    public static string Suppressed => Text.Get("Export.Suppressed");
    public static string SuppressedText => Text.Get("Export.SuppressedText");
    public static string Note => Text.Get("Export.Note");
    public static string Sheets => Text.Get("Export.Sheets");
    public static string SheetsText => Text.Get("Export.SheetsText");

    public static string CodebookColumn => Text.Get("Export.CodebookColumn");
    public static string CodebookQuestion => Text.Get("Export.CodebookQuestion");
    public static string CodebookQuestionText => Text.Get("Export.CodebookQuestionText");
    public static string CodebookKind => Text.Get("Export.CodebookKind");
    public static string CodebookItem => Text.Get("Export.CodebookItem");
    public static string CodebookCode => Text.Get("Export.CodebookCode");
    public static string CodebookLabel => Text.Get("Export.CodebookLabel");
    public static string CodebookValue => Text.Get("Export.CodebookValue");
    public static string CodebookOffScale => Text.Get("Export.CodebookOffScale");
    public static string Yes => Text.Get("Export.Yes");
    public static string No => Text.Get("Export.No");
    public static string OpenAnswer => Text.Get("Export.OpenAnswer");
    public static string ResponseNumberText => Text.Get("Export.ResponseNumberText");
    public static string ParticipantTypeText => Text.Get("Export.ParticipantTypeText");
    public static string TextNumber => Text.Get("Export.TextNumber");

    public static string Kind(QuestionKind kind) => Text.Get("Export.Kind." + kind);
}
