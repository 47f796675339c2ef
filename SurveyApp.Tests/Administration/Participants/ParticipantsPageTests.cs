using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Participants;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>The participants page over the app's services and a seeded database of its own.</summary>
public sealed class ParticipantsPageTests : AppPageContext
{

    private async Task<Participant> ParticipantAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.Participants.AsNoTracking().SingleAsync(p => p.Name == name);
    }

    private (IRenderedComponent<MudProviders> Providers, IRenderedComponent<ParticipantsPage> Page) Render()
    {
        var providers = RenderProviders();
        var page = Context.Render<ParticipantsPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        return (providers, page);
    }

    private static void ClickButton(IRenderedComponent<MudProviders> providers, string text) =>
        providers.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public void TheGridShowsTheFirstPageAndTheSearchNarrowsIt()
    {
        var (_, page) = Render();

        Assert.Equal("Arvika kommun", page.Find("tbody tr td").TextContent.Trim());
        page.Find("#participant-search").Input("stad");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll("tbody tr"), row => Assert.Contains("stad", row.TextContent));
    }

    [Fact]
    public async Task ATakenNameIsShownAtItsFieldAndAFreeOneIsAddedAndReported()
    {
        var (providers, page) = Render();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Ny deltagare").Click();
        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#participant-name")));
        providers.Find("#participant-name").Input("Botkyrka kommun");
        providers.Find("#participant-type").Input("kommun");
        providers.Find("#participant-type").Blur();
        providers.Find("form#participant-form").Submit();

        providers.WaitForAssertion(() => Assert.Contains("Det finns redan en deltagare med det namnet i listan.", providers.Find(".mud-input-helper-text.mud-input-error, .mud-input-error").TextContent));
        Assert.NotNull(providers.Find("[role=alert]"));

        providers.Find("#participant-name").Input("Gotlands kommun");
        providers.Find("form#participant-form").Submit();

        providers.WaitForAssertion(() => Assert.Contains("Gotlands kommun är tillagd.", providers.Markup), TimeSpan.FromSeconds(10));
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#participant-form")));
        Assert.Equal("kommun", (await ParticipantAsync("Gotlands kommun")).Type);
    }

    [Fact]
    public async Task EveryProblemInTheDialogIsReportedAtOnceEachAtItsField()
    {
        var (providers, page) = Render();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Ny deltagare").Click();
        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#participant-name")));
        providers.Find("#participant-name").Input(new string('x', ParticipantAdministration.MaxNameLength + 1));
        providers.Find("form#participant-form").Submit();

        providers.WaitForAssertion(() => Assert.Equal(2, providers.FindAll(".participant-problems li").Count));
        Assert.Equal(["Namnet får vara högst 200 tecken.", "Typ saknas."],
            providers.FindAll(".participant-problems li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Namnet får vara högst 200 tecken.", FieldOf(providers, "participant-name").TextContent);
        Assert.Contains("Typ saknas.", FieldOf(providers, "participant-type").TextContent);
        await using var db = App.CreateDbContext();
        Assert.Equal(20, await db.Participants.CountAsync());
    }

    /// <summary>The MudBlazor field around an input: its label, the input and the text under it.</summary>
    private static AngleSharp.Dom.IElement FieldOf(IRenderedComponent<MudProviders> providers, string inputId) =>
        providers.Find($"#{inputId}").Closest(".mud-input-control")!;

    [Fact]
    public async Task DeactivatingAsksFirstAndCancellingChangesNothing()
    {
        var (providers, page) = Render();

        await page.InvokeAsync(() => page.Find("button[aria-label='Stäng av Arvika kommun']").Click());
        providers.WaitForAssertion(() => Assert.Contains("Stänga av deltagaren?", providers.Markup));
        ClickButton(providers, "Avbryt");
        providers.WaitForAssertion(() => Assert.DoesNotContain("Stänga av deltagaren?", providers.Markup));
        Assert.True((await ParticipantAsync("Arvika kommun")).IsActive);

        await page.InvokeAsync(() => page.Find("button[aria-label='Stäng av Arvika kommun']").Click());
        providers.WaitForAssertion(() => Assert.Contains("Stänga av deltagaren?", providers.Markup));
        providers.Find("button.confirm-button").Click();

        providers.WaitForAssertion(() => Assert.Contains("Arvika kommun är avstängd.", providers.Markup), TimeSpan.FromSeconds(10));
        Assert.False((await ParticipantAsync("Arvika kommun")).IsActive);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button[aria-label='Aktivera igen: Arvika kommun']")));
    }

    [Fact]
    public async Task ANewListIsCreatedForASurveyAndShownEmptyAndTheFirstListIsOneChoiceAway()
    {
        var (providers, page) = Render();
        Assert.Contains("Samlingens 20 organisationer (20)", page.Find("#participant-list").GetAttribute("value"));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Ny lista").Click();
        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#list-name")));
        providers.Find("#list-name").Input("Regionala nätverket");
        providers.Find("form#list-form").Submit();

        providers.WaitForAssertion(() => Assert.Contains("Listan Regionala nätverket är skapad.", providers.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Inga deltagare matchar.", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Importeras till listan Regionala nätverket.", page.Markup);
        await using var db = App.CreateDbContext();
        var list = await db.ParticipantLists.SingleAsync(l => l.Name == "Regionala nätverket");
        Assert.Equal(await db.Surveys.Select(s => s.Id).SingleAsync(), list.SurveyId);

        // A participant added to the new list joins it, and the list's size shown follows.
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Ny deltagare").Click();
        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#participant-name")));
        providers.Find("#participant-name").Input("Ale kommun");
        providers.Find("#participant-type").Input("kommun");
        providers.Find("#participant-type").Blur();
        providers.Find("#participant-email").Change("kansli@ale.se");
        providers.Find("form#participant-form").Submit();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Regionala nätverket (1)", page.Find("#participant-list").GetAttribute("value")));
        var ale = await db.Participants.AsNoTracking().SingleAsync(p => p.ListId == list.Id);
        Assert.Equal(("Ale kommun", "kansli@ale.se"), (ale.Name, ale.Email));

        page.Find("#participant-list").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-popover-open .mud-list-item")));
        providers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Samlingens 20 organisationer")).Click();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
    }
}
