using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Components.Layout;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components.Layout;

/// <summary>On a live page the address changes without a request; the language links must return to where the user is now.</summary>
public sealed class LanguageSwitchNavigationTests : StaffComponentContext
{
    [Fact]
    public void TheLinksFollowNavigationWithinTheApp()
    {
        using var _ = UiCulture.Swedish();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/resultat");
        var cut = Context.Render<LanguageSwitch>();
        Assert.Equal("/sprak/en?tillbaka=%2Fresultat", cut.Find("a[lang=en]").GetAttribute("href"));

        navigation.NavigateTo("/resultat/3?typ=kommun");

        cut.WaitForAssertion(() => Assert.Equal("/sprak/en?tillbaka=%2Fresultat%2F3%3Ftyp%3Dkommun", cut.Find("a[lang=en]").GetAttribute("href")));
    }
}
