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
    public void ThePagersCountKeepsItsPlaceholders()
    {
        using var _ = UiCulture.Swedish();

        Assert.Equal("{first_item}–{last_item} av {all_items}", new SwedishMudTexts()["MudDataGridPager_InfoFormat"].Value);
    }
}
