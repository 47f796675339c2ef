namespace SurveyApp.Export;

/// <summary>
/// The Swedish texts of the per-question sheets (see <see cref="QuestionSheets"/>); like
/// <see cref="ExportTexts"/>, they belong in the resource files once the workbook is localized.
/// They match the results page's table (Results.* in Strings.resx).
/// </summary>
public static class QuestionSheetTexts
{
    public const string Answer = "Svar";
    public const string Count = "Antal";
    public const string ShareOfAnswered = "Andel av svarande";
    public const string ShareOfScale = "Andel av skalsvar";
    public const string OffScale = "Utanför skalan";
    public const string Item = "Delfråga";

    public const string Answered = "Besvarade";
    public const string Skipped = "Hoppade över";
    public const string NotShown = "Fick inte frågan";
    public const string ScaleAnswers = "Svar på skalan";
    public const string Median = "Median";
    public const string TopTwoShare = "Andel i de två översta stegen";
    public const string TopShare = "Andel i det översta steget ({0})";
    public const string Between = "mellan {0} och {1}";
    public const string MultiBase = "Flera svar var möjliga, så andelarna summerar till mer än 100 %.";
}
