using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SurveyApp.Administration.Surveys;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>/admin/enkater/{id}/redigera over the app's real database: the stored survey is opened, a save with problems lists them, a valid save is stored.</summary>
public sealed class SurveyEditorPageTests : AppPageContext
{
    // Saving checks the account afresh, so the signed-in administrator is a real account with its current security stamp.
    public override async Task InitializeAsync()
    {
        await App.CreateStaffAsync(Actor, StaffRoles.Admin);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(Actor))!;
        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(stampClaim, await users.GetSecurityStampAsync(user)));
    }

    private IRenderedComponent<SurveyEditorPage> RenderEditor()
    {
        RenderProviders();
        var page = Context.Render<SurveyEditorPage>(ps => ps.Add(p => p.SurveyId, 1));
        // Loaded once the fields are there (while loading, the heading already reads "Redigera enkät").
        page.WaitForAssertion(() => page.Find("#f-title"));
        return page;
    }

    private Task<EditableSurvey?> StoredAsync() => App.Services.GetRequiredService<SurveyEditing>().LoadAsync(1);

    // Found and clicked in one go on the renderer's thread: the page may redraw in between otherwise (it loads asynchronously).
    private static Task SaveAsync(IRenderedComponent<SurveyEditorPage> page) =>
        page.InvokeAsync(() => page.FindAll(".editor-actions button").Single(b => b.TextContent.Trim() == "Spara enkäten").Click());

    [Fact]
    public async Task TheEditorOpensTheStoredSurveyWithItsVersion()
    {
        var stored = (await StoredAsync())!;

        var page = RenderEditor();

        Assert.Equal($"Redigera {stored.Definition.Title}", page.Find("h1").TextContent);
        Assert.Equal("Version 1", page.Find(".lead").TextContent);
        Assert.Equal(stored.Definition.Title, page.Find("#f-title").GetAttribute("value"));
        Assert.Equal(stored.Definition.Sections![0].Questions![0].Text, page.Find("#f-sections-0-questions-0-text").GetAttribute("value"));
    }

    [Fact]
    public async Task ASaveWithProblemsListsThemLinkedToTheirFieldsTakesTheFocusThereAndStoresNothing()
    {
        var before = (await StoredAsync())!.Definition.Title;
        var page = RenderEditor();

        page.Find("#f-title").Input("");
        await SaveAsync(page);

        page.WaitForAssertion(() => Assert.Equal("Enkäten sparades inte: 1 fel att rätta.", page.Find(".editor-status").TextContent));
        var link = page.Find("#error-summary a");
        Assert.Equal("Titel: värde saknas", link.TextContent);
        Assert.EndsWith("#f-title", link.GetAttribute("href"));
        Assert.Equal("true", page.Find("#f-title").GetAttribute("aria-invalid"));
        Assert.Contains("f-title-fel", page.Find("#f-title").GetAttribute("aria-describedby"));
        Assert.Equal("Fel: värde saknas", page.Find("#f-title-fel").TextContent);
        page.WaitForAssertion(() =>
        {
            var focused = (ElementReference)Context.JSInterop.Invocations.Last(i => i.Identifier == "Blazor._internal.domWrapper.focus").Arguments[0]!;
            Assert.Equal(focused.Id, page.Find("#error-summary").GetAttribute("blazor:elementReference"));
        });
        Assert.Equal(before, (await StoredAsync())!.Definition.Title);
    }

    [Fact]
    public async Task AProblemFixedLeavesTheSummaryAndTheSummaryGoesWithTheLast()
    {
        var page = RenderEditor();
        page.Find("#f-title").Input("");
        page.Find("#f-sections-0-title").Input("");
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#error-summary li").Count));

        page.Find("#f-title").Input("Uppföljning");

        page.WaitForAssertion(() => Assert.Equal(["Enkäten sparades inte: 1 fel att rätta."], page.FindAll("#error-summary h2").Select(h => h.TextContent)));
        Assert.DoesNotContain(page.FindAll("#error-summary a"), a => a.TextContent == "Titel: värde saknas");
        Assert.Single(page.FindAll("#error-summary a"));

        page.Find("#f-sections-0-title").Input("Del 1");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#error-summary")));
    }

    [Fact]
    public async Task AWordingFixIsSavedOverTheSurvey()
    {
        var page = RenderEditor();

        page.Find("#f-sections-0-questions-0-text").Input("Hur väl fungerar samverkan i dag?");
        await SaveAsync(page);

        page.WaitForAssertion(() => Assert.Equal("Enkäten är sparad.", page.Find(".editor-status").TextContent));
        var stored = (await StoredAsync())!;
        Assert.Equal("Hur väl fungerar samverkan i dag?", stored.Definition.Sections![0].Questions![0].Text);
        Assert.Equal(1, stored.Version);
        Assert.Empty(page.FindAll("#error-summary"));
    }
}
