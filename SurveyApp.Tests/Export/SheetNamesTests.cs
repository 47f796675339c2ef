using SurveyApp.Export;
using Xunit;

namespace SurveyApp.Tests.Export;

public sealed class SheetNamesTests
{
    [Fact]
    public void ALongNameIsCutToThirtyOneCharacters()
    {
        var name = new SheetNames().Add("Fråga 5: I vilken grad har ni gått vidare med rekommendationerna?");

        Assert.Equal(31, name.Length);
        Assert.StartsWith("Fråga 5- I vilken grad", name);
    }

    [Fact]
    public void CharactersExcelForbidsAreReplaced()
    {
        var name = new SheetNames().Add("a[b]c:d*e?f/g\\h");

        Assert.Equal("a-b-c-d-e-f-g-h", name);
    }

    [Fact]
    public void SwedishCharactersAreKept()
    {
        Assert.Equal("Svar (etiketter) åäö ÅÄÖ", new SheetNames().Add("Svar (etiketter) åäö ÅÄÖ"));
    }

    [Fact]
    public void RepeatedNamesAreNumberedIgnoringCase()
    {
        var names = new SheetNames();

        Assert.Equal("Svar", names.Add("Svar"));
        Assert.Equal("SVAR (2)", names.Add("SVAR"));
        Assert.Equal("Svar (3)", names.Add("Svar"));
    }

    [Fact]
    public void ANumberedLongNameStaysWithinTheLimit()
    {
        var names = new SheetNames();
        var wanted = new string('x', 40);

        var first = names.Add(wanted);
        var second = names.Add(wanted);

        Assert.Equal(31, first.Length);
        Assert.Equal(31, second.Length);
        Assert.EndsWith(" (2)", second);
        Assert.NotEqual(first, second, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void EmptyNamesApostrophesAndHistoryAreAvoided()
    {
        var names = new SheetNames();

        Assert.Equal("Blad", names.Add("  "));
        Assert.Equal("Svar", names.Add("'Svar'"));
        Assert.Equal("history (2)", names.Add("history"));
    }

    [Fact]
    public void ASurrogatePairIsNeverCutInTwo()
    {
        var name = new SheetNames().Add(new string('x', 30) + "😀");

        Assert.Equal(30, name.Length);
    }
}
