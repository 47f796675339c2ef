using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SurveyApp.Administration.Waves;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>Choosing invitees: a list, narrowed by type and by a further detail, then picked by hand.</summary>
public sealed class InviteDialogTests : StaffComponentContext
{
    private static readonly IReadOnlyList<InviteeList> Lists =
    [
        new(1, "Samlingen", [
            new(1, "1784", "Arvika kommun", "kommun", new Dictionary<string, string> { ["län"] = "Värmland" }, Active: true, Invited: false),
            new(2, "0127", "Botkyrka kommun", "kommun", new Dictionary<string, string> { ["län"] = "Stockholm" }, Active: true, Invited: false),
            new(3, null, "Region Värmland", "region", new Dictionary<string, string> { ["län"] = "Värmland" }, Active: true, Invited: false),
            new(4, null, "Karlstads kommun", "kommun", new Dictionary<string, string> { ["län"] = "Värmland" }, Active: false, Invited: false),
            new(5, null, "Kils kommun", "kommun", new Dictionary<string, string> { ["län"] = "Värmland" }, Active: true, Invited: true),
        ]),
        new(2, "Nätverket", [new(6, null, "Ale kommun", "kommun", new Dictionary<string, string>(), Active: true, Invited: false)]),
    ];

    private (IRenderedComponent<MudProviders> Providers, Task<DialogResult?> Result) Open(IReadOnlyList<InviteeList> lists)
    {
        var providers = RenderProviders();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var result = Context.Renderer.Dispatcher.InvokeAsync(async () =>
        {
            var dialog = await dialogs.ShowAsync<InviteDialog>("Bjud in", new DialogParameters<InviteDialog> { { d => d.Lists, lists } });
            return await dialog.Result;
        });
        return (providers, result);
    }

    private static IReadOnlyList<string> Shown(IRenderedComponent<MudProviders> providers) =>
        providers.FindAll(".invite-table tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();

    private static void Choose(IRenderedComponent<MudProviders> providers, string inputId, string item)
    {
        providers.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-popover-open .mud-list-item")));
        providers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == item).Click();
    }

    [Fact]
    public async Task TypeAndDetailNarrowTheListAndOnlyTickedInvitableParticipantsAreReturned()
    {
        var (providers, result) = Open(Lists);
        providers.WaitForAssertion(() => Assert.Equal(5, Shown(providers).Count));
        Assert.Contains("3 av 5 visade deltagare bjuds in.", providers.Find(".invite-count").TextContent);

        Choose(providers, "invite-attribute", "län");
        Choose(providers, "invite-attribute-value", "Värmland");
        providers.WaitForAssertion(() => Assert.Equal(["Arvika kommun", "Region Värmland", "Karlstads kommun", "Kils kommun"], Shown(providers)));
        Choose(providers, "invite-types", "kommun");
        providers.WaitForAssertion(() => Assert.Equal(["Arvika kommun", "Karlstads kommun", "Kils kommun"], Shown(providers)));
        Assert.Contains("1 av 3", providers.Find(".invite-count").TextContent);
        // The deactivated and the already invited are shown with why, not as choices.
        Assert.Equal(["Avstängd", "Har länk"], providers.FindAll(".invite-state").Select(s => s.TextContent.Trim()));

        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Bjud in 1").Click();

        var closed = await result;
        Assert.Equal([1], Assert.IsType<List<int>>(closed!.Data));
    }

    [Fact]
    public void UntickingEveryoneLeavesNothingToInviteAndAnotherListStartsAfresh()
    {
        var (providers, _) = Open(Lists);
        providers.WaitForAssertion(() => Assert.Equal(5, Shown(providers).Count));

        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Avmarkera alla").Click();
        providers.WaitForAssertion(() => Assert.True(providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Bjud in 0").HasAttribute("disabled")));
        Choose(providers, "invite-list", "Nätverket (1)");

        providers.WaitForAssertion(() => Assert.Equal(["Ale kommun"], Shown(providers)));
        Assert.Empty(providers.FindAll("#invite-attribute"));
        Assert.False(providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Bjud in 1").HasAttribute("disabled"));
    }

    [Fact]
    public void ASurveyWithoutAListIsSentToTheParticipantsPage()
    {
        var (providers, _) = Open([]);

        providers.WaitForAssertion(() => Assert.Contains("Enkäten har ingen deltagarlista än.", providers.Find(".invite-no-list").TextContent));
        Assert.Equal("/admin/deltagare", providers.Find(".invite-no-list a").GetAttribute("href"));
        Assert.True(providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Bjud in 0").HasAttribute("disabled"));
    }
}
