using System.Collections;
using System.Globalization;
using System.Resources;
using MudBlazor;
using SurveyApp.Components.Layout;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components.Layout;

public sealed class SwedishMudTextsTests
{
    // Every text MudBlazor ships, except the colour picker's, which no staff page uses.
    public static TheoryData<string> LibraryKeys()
    {
        var library = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);
        var keys = library.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => !k.StartsWith("MudColorPicker_")).Order();
        return [.. keys];
    }

    [Theory]
    [MemberData(nameof(LibraryKeys))]
    public void EachOfTheLibrarysTextsHasASwedishTranslation(string key)
    {
        using var _ = UiCulture.Swedish();

        var text = new SwedishMudTexts()[key];

        Assert.False(text.ResourceNotFound, key);
        Assert.NotEqual(key, text.Value);
    }

    [Fact]
    public void InEnglishTheLibrarysOwnTextsAreUsed()
    {
        using var _ = UiCulture.English();

        Assert.True(new SwedishMudTexts()["MudDataGridPager_RowsPerPage"].ResourceNotFound);
    }

    [Fact]
    public void ThePagersCountFormatsTheNumbersMudBlazorPasses()
    {
        using var _ = UiCulture.Swedish();

        // MudBlazor formats its own resource with string.Format: first item, last item, all items.
        Assert.Equal("26–50 av 77", new SwedishMudTexts()["MudDataGridPager_InfoFormat", 26, 50, 77].Value);
        Assert.Equal("Betyg 3", new SwedishMudTexts()["MudRatingItem_Label", 3].Value);
    }
}
