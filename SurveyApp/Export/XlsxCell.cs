using SurveyApp.Shared;

namespace SurveyApp.Export;

/// <summary>The looks a cell can have; the numbers are the cell formats of the workbook's styles part.</summary>
public enum XlsxStyle
{
    Default = 0,
    Header = 1,
    Percent = 2,
    /// <summary>Text Excel keeps as text even when the cell is edited (the apostrophe prefix, not shown).</summary>
    QuotedText = 3,
    DateTime = 4,
    Wrapped = 5,
    Title = 6,
}

public enum XlsxCellKind { Empty, Text, Number }

/// <summary>
/// One cell of a streamed row: text (an inline or a shared string, never a formula), a number, or nothing. Text that
/// <see cref="Repeats"/> down its column is written to the workbook's shared strings where they have room.
/// </summary>
public readonly record struct XlsxCell(XlsxCellKind Kind, string? Text, double Number, XlsxStyle Style, bool Repeats = false)
{
    public static readonly XlsxCell Empty = new(XlsxCellKind.Empty, null, 0, XlsxStyle.Default);

    public static XlsxCell String(string? text, XlsxStyle style = XlsxStyle.Default) =>
        text is null ? Empty
        : new(XlsxCellKind.Text, text, 0, CellText.IsFormulaLike(text) && style == XlsxStyle.Default ? XlsxStyle.QuotedText : style);

    /// <summary>Text that recurs in many rows (a label, a type, a question), written once in the shared strings.</summary>
    public static XlsxCell Repeated(string? text, XlsxStyle style = XlsxStyle.Default) =>
        String(text, style) is { Kind: XlsxCellKind.Text } cell ? cell with { Repeats = true } : Empty;

    public static XlsxCell Header(string text) => String(text, XlsxStyle.Header);

    public static XlsxCell Of(double number, XlsxStyle style = XlsxStyle.Default) => new(XlsxCellKind.Number, null, number, style);

    public static XlsxCell Percent(double share) => Of(share, XlsxStyle.Percent);

    public static XlsxCell DateTime(DateTime value) => Of(value.ToOADate(), XlsxStyle.DateTime);

    public static implicit operator XlsxCell(string? text) => String(text);

    public static implicit operator XlsxCell(double number) => Of(number);
}
