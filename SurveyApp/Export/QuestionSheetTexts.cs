using SurveyApp.Resources;

namespace SurveyApp.Export;

/// <summary>These match the results page's table (Results.*).</summary>
public static class QuestionSheetTexts
{
    public static string Answer => Text.Get("Export.Question.Answer");

    public static string Title(int number, string text) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text.Get("Export.Question.Title"), number, text);
    public static string Count => Text.Get("Export.Question.Count");
    public static string ShareOfAnswered => Text.Get("Export.Question.ShareOfAnswered");
    public static string ShareOfScale => Text.Get("Export.Question.ShareOfScale");
    public static string OffScale => Text.Get("Export.Question.OffScale");
    public static string Item => Text.Get("Export.Question.Item");

    public static string Answered => Text.Get("Export.Question.Answered");
    public static string Skipped => Text.Get("Export.Question.Skipped");
    public static string NotShown => Text.Get("Export.Question.NotShown");
    public static string ScaleAnswers => Text.Get("Export.Question.ScaleAnswers");
    public static string Median => Text.Get("Export.Question.Median");
    public static string TopTwoShare => Text.Get("Export.Question.TopTwoShare");
    public static string TopShare => Text.Get("Export.Question.TopShare");
    public static string Between => Text.Get("Export.Question.Between");
    public static string MultiBase => Text.Get("Export.Question.MultiBase");
}
