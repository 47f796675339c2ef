using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Staff;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Staff;

/// <summary>The staff page over the app's services, signed in as the only administrator.</summary>
public sealed class StaffPageTests : AppPageContext
{
    private const string AdminEmail = "chef@example.se";

    public StaffPageTests() : base(AdminEmail) => App.CreateStaffAsync(AdminEmail, StaffRoles.Admin).GetAwaiter().GetResult();

    private (IRenderedComponent<MudProviders> Providers, IRenderedComponent<StaffPage> Page) Render()
    {
        var providers = RenderProviders();
        var page = Context.Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Contains(AdminEmail, page.Find("tbody").TextContent));
        return (providers, page);
    }

    private static void Create(IRenderedComponent<StaffPage> page, string email)
    {
        page.Find("#new-email").Input(email);
        page.Find("form.staff-create").Submit();
    }

    [Fact]
    public async Task ANewAccountsPasswordIsShownOnceInADialog()
    {
        var (providers, page) = Render();

        Create(page, "ny@example.se");

        providers.WaitForAssertion(() => Assert.Matches("^[A-Za-z2-9]{20}$", providers.Find("code.password").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Kontot ny@example.se är skapat", providers.Markup);
        page.WaitForAssertion(() => Assert.Contains("ny@example.se", page.Find("tbody").TextContent));
        var password = providers.Find("code.password").TextContent;
        Assert.DoesNotContain(password, page.Markup);
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Klart").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("code.password")));
        Assert.Contains(await App.Services.GetRequiredService<StaffAdministration>().ListAsync(), a => a is { Email: "ny@example.se", Role: StaffRoles.Analyst });
    }

    [Fact]
    public void ABadAddressIsShownAtTheFieldAndNoAccountIsMade()
    {
        var (providers, page) = Render();

        Create(page, "inte-en-adress");

        page.WaitForAssertion(() => Assert.Contains("Skriv en giltig e-postadress", page.Find("[role=alert]").TextContent));
        Assert.Contains("Skriv en giltig e-postadress", page.Find(".mud-input-error").TextContent);
        Assert.Empty(providers.FindAll("code.password"));
        Assert.Single(page.FindAll("tbody tr"));
    }

    [Fact]
    public void YourOwnAccountOffersNeitherDeactivationNorARoleChange()
    {
        var (_, page) = Render();

        var row = page.Find("tbody tr");
        Assert.Contains("(du)", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("button"));
        Assert.NotNull(row.QuerySelector(".role-select .mud-disabled, .role-select.mud-disabled, .mud-disabled"));
    }

    [Fact]
    public async Task DeactivatingAnotherAccountAsksFirstAndReportsIt()
    {
        await App.Services.GetRequiredService<StaffAdministration>().CreateAsync(AdminEmail, "annan@example.se", StaffRoles.Analyst);
        var (providers, page) = Render();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Stäng av annan@example.se']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Stänga av kontot?", providers.Markup));
        providers.Find("button.confirm-button").Click();

        providers.WaitForAssertion(() => Assert.Contains("Kontot annan@example.se är avstängt.", providers.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Avstängt", page.FindAll("tbody tr").Single(r => r.TextContent.Contains("annan@example.se")).TextContent));
    }
}
