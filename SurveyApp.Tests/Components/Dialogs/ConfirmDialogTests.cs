using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SurveyApp.Components.Dialogs;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components.Dialogs;

public sealed class ConfirmDialogTests : StaffComponentContext
{
    private Task<bool> Ask()
    {
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        return Context.Renderer.Dispatcher.InvokeAsync(() => dialogs.ConfirmAsync("Ta bort?", "Det går inte att ångra.", "Ta bort"));
    }

    [Fact]
    public async Task ConfirmingAnswersYesAndCloses()
    {
        var providers = RenderProviders();
        var answer = Ask();
        providers.WaitForAssertion(() => Assert.Contains("Det går inte att ångra.", providers.Markup));

        Assert.Equal("Ta bort?", providers.Find("h2").TextContent);
        providers.Find("button.confirm-button").Click();

        Assert.True(await answer);
        providers.WaitForAssertion(() => Assert.DoesNotContain("Det går inte att ångra.", providers.Markup));
    }

    [Fact]
    public async Task CancellingAnswersNo()
    {
        var providers = RenderProviders();
        var answer = Ask();
        providers.WaitForAssertion(() => Assert.Contains("Avbryt", providers.Markup));

        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Avbryt").Click();

        Assert.False(await answer);
    }
}
