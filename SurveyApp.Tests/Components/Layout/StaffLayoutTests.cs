using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SurveyApp.Components.Layout;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components.Layout;

public sealed class StaffLayoutTests : StaffComponentContext
{
    private IRenderedComponent<StaffLayout> RenderAs(string role)
    {
        Authorization.SetAuthorized("anna@example.se").SetRoles(role);
        return Context.Render<StaffLayout>(ps => ps.Add(p => p.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Sidan</h1>"))));
    }

    private static string? MenuExpanded(IRenderedComponent<StaffLayout> layout) =>
        layout.Find("button.staff-menu-button").GetAttribute("aria-expanded");

    private static string[] NavLinks(IRenderedComponent<StaffLayout> layout) =>
        [.. layout.FindAll("nav[aria-label='Personal'] a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public void AnAdministratorIsOfferedEveryStaffPage()
    {
        var layout = RenderAs(StaffRoles.Admin);

        Assert.Equal(["/resultat", "/admin/enkater", "/admin/omgangar", "/admin/deltagare", "/admin/personal", "/admin/logg"], NavLinks(layout));
        Assert.Contains("anna@example.se", layout.Find(".staff-drawer__user").TextContent);
        Assert.Equal("Sidan", layout.Find("main#main h1").TextContent);
    }

    [Theory]
    [InlineData(false, "false", true)]
    [InlineData(true, "true", false)]
    public void ThePageSaysWhetherItIsLiveAndTheMenuWorksOnlyThen(bool interactive, string live, bool menuDisabled)
    {
        // links.js leaves a link to the browser while the page is not live (see that file).
        Context.SetRendererInfo(new RendererInfo("Server", interactive));

        var layout = RenderAs(StaffRoles.Analyst);

        Assert.Equal(live, layout.Find("main#main").GetAttribute("data-live"));
        Assert.Equal(menuDisabled, layout.Find("button.staff-menu-button").HasAttribute("disabled"));
    }

    [Fact]
    public void AnAnalystIsOfferedTheResultsOnly()
    {
        Assert.Equal(["/resultat"], NavLinks(RenderAs(StaffRoles.Analyst)));
    }

    [Fact]
    public void TheMenuButtonOpensAndClosesTheDrawerAndSaysSo()
    {
        var layout = RenderAs(StaffRoles.Analyst);
        var button = layout.Find("button.staff-menu-button");
        Assert.Equal("Meny", button.GetAttribute("aria-label"));
        Assert.Equal("staff-drawer", button.GetAttribute("aria-controls"));
        var before = button.GetAttribute("aria-expanded");

        button.Click();

        layout.WaitForAssertion(() => Assert.NotEqual(before, layout.Find("button.staff-menu-button").GetAttribute("aria-expanded")));
    }

    [Fact]
    public async Task EscapeClosesTheDrawerOverAPhonesPageAndReturnsToTheMenuButton()
    {
        var layout = RenderAs(StaffRoles.Analyst);
        var drawer = layout.FindComponent<MudDrawer>();
        await layout.InvokeAsync(() => drawer.Instance.OnBreakpointChanged.InvokeAsync(Breakpoint.Xs));
        layout.Find("button.staff-menu-button").Click();
        layout.WaitForAssertion(() => Assert.Equal("true", MenuExpanded(layout)));

        layout.Find("#staff-drawer").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        layout.WaitForAssertion(() => Assert.Equal("false", MenuExpanded(layout)));
        Assert.Contains("mud-drawer--closed", layout.Find("#staff-drawer").ClassName);
        Context.JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public async Task EscapeLeavesTheDrawerBesideAWideScreensPageOpen()
    {
        var layout = RenderAs(StaffRoles.Analyst);
        var drawer = layout.FindComponent<MudDrawer>();
        await layout.InvokeAsync(() => drawer.Instance.OnBreakpointChanged.InvokeAsync(Breakpoint.Lg));
        if (MenuExpanded(layout) != "true") layout.Find("button.staff-menu-button").Click();
        layout.WaitForAssertion(() => Assert.Equal("true", MenuExpanded(layout)));

        layout.Find("#staff-drawer").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Equal("true", MenuExpanded(layout));
        Assert.DoesNotContain(Context.JSInterop.Invocations, i => i.Identifier.EndsWith("focus", StringComparison.Ordinal));
    }
}
