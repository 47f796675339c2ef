using System.Collections;
using System.Globalization;
using System.Resources;
using SurveyApp.Resources;
using Xunit;

namespace SurveyApp.Tests.Components.Layout;

/// <summary>Every text of the interface exists in both languages.</summary>
public sealed class StringsTests
{
    private static Dictionary<string, string> Texts(string culture)
    {
        var resources = new ResourceManager("SurveyApp.Resources.Strings", typeof(Strings).Assembly);
        // Only the culture's own file: falling back to Swedish would hide a missing English text.
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void SwedishAndEnglishHaveTheSameTexts()
    {
        var swedish = Texts("");
        var english = Texts("en");

        Assert.Equal("Resultat", swedish["Layout.Results"]);
        Assert.Equal("Results", english["Layout.Results"]);
        Assert.Empty(swedish.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Keys.Except(swedish.Keys).Order());
        Assert.Empty(swedish.Concat(english).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void ATextTakesTheSameArgumentsInBothLanguages()
    {
        var english = Texts("en");

        var differing = Texts("")
            .Where(t => english.ContainsKey(t.Key) && Placeholders(t.Value) != Placeholders(english[t.Key]))
            .Select(t => t.Key);

        Assert.Empty(differing);
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)").Select(m => m.Groups[1].Value).Distinct().Order());
}
