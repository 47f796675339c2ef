using SurveyApp.Domain;

namespace SurveyApp.Export;

/// <summary>
/// The workbook's Swedish texts, in one place for now. They belong in the resource files
/// (Resources/Strings.resx and Strings.en.resx) so that an English workbook can follow.
/// </summary>
public static class ExportTexts
{
    public const string SheetFallback = "Blad";

    public const string SummarySheet = "Sammanfattning";
    public const string ResponsesSheet = "Svar";
    public const string ResponseLabelsSheet = "Svar (etiketter)";
    public const string CodebookSheet = "Kodbok";
    public const string OpenAnswersSheet = "Fritext";
    public const string Answer = "Svar";
    public const string Categories = "Kodade kategorier";
    public const string TypeHidden = "–";

    public const string ResponseNumber = "Svar nr";
    public const string ParticipantType = "Deltagartyp";

    public const string SummaryTitle = "Export av enkätsvar";
    public const string Survey = "Enkät";
    public const string Wave = "Omgång";
    public const string Invited = "Inbjudna";
    public const string Submitted = "Inskickade svar";
    public const string ResponseRate = "Svarsfrekvens";
    public const string Filters = "Filter";
    public const string NoFilters = "Inga (alla inskickade svar)";
    public const string FilterParticipantTypes = "Deltagartyp: {0}";
    public const string FilterCategory = "Kategori: {0}";
    public const string InView = "Svar i urvalet";
    public const string MinGroupSize = "Minsta gruppstorlek";
    public const string Generated = "Skapad";
    public const string PercentBase = "Procentbas";
    public const string PercentBaseText =
        "Procent beräknas på antalet giltiga svar (n) på varje fråga eller delfråga. Svar utanför skalan (t.ex. Vet ej) redovisas separat och ingår inte i skalans procent.";
    public const string Suppressed = "Dolt";
    public const string SuppressedText =
        "Urvalet har färre svar än minsta gruppstorlek ({0}), eller resten av omgången har det, så inga svar exporteras.";
    public const string Note = "Obs";
    public const string Sheets = "Blad";
    public const string SheetsText =
        "Ett blad per sluten fråga med tabell och diagram. Svar: ett svar per rad, en kolumn per fråga eller delfråga, med koder (flerval åtskilda med |). Svar (etiketter): samma med svarsalternativens text. Fritext: de öppna svaren med deltagartyp och kodade kategorier. Kodbok: alla frågor, delfrågor, svarsalternativ och koder. Deltagartyper med färre svar än minsta gruppstorlek visas som –.";

    public const string CodebookColumn = "Kolumn";
    public const string CodebookQuestion = "Fråga";
    public const string CodebookQuestionText = "Frågetext";
    public const string CodebookKind = "Frågetyp";
    public const string CodebookItem = "Delfråga";
    public const string CodebookCode = "Kod";
    public const string CodebookLabel = "Etikett";
    public const string CodebookValue = "Skalvärde";
    public const string CodebookOffScale = "Utanför skalan";
    public const string Yes = "Ja";
    public const string No = "Nej";
    public const string OpenAnswer = "(fritt svar)";
    public const string ResponseNumberText = "Löpnummer för svaret i denna export (i svarens ordning)";
    public const string ParticipantTypeText = "Typ av deltagande organisation";
    public const string TextNumber = "Svar {0}";

    public static string Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.Likert => "Skala",
        QuestionKind.Matrix => "Matris",
        QuestionKind.Single => "Enval",
        QuestionKind.Multi => "Flerval (koder åtskilda med |)",
        QuestionKind.Text => "Fritext",
        QuestionKind.Texts => "Flera fritextsvar",
        _ => kind.ToString(),
    };
}
