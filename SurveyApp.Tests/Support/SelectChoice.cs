using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SurveyApp.Tests.Support;

/// <summary>
/// Picks one choice from a MudBlazor select as a user does: opens it, clicks the choice in the list that this select
/// controls (never a list another select left behind), and sees the select close. A click that lands while the list is
/// still being placed on screen is lost, as it would be for a user, who clicks again; so does this, at most twice more.
/// </summary>
public static class SelectChoice
{
    private const int Attempts = 3;

    /// <param name="box">The select's element with the combobox role.</param>
    /// <param name="choice">The choice's accessible name, whole unless <paramref name="exact"/> is false.</param>
    /// <param name="exact">False to take the first choice whose name contains <paramref name="choice"/>.</param>
    public static async Task ChooseAsync(ILocator box, string choice, bool exact = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await box.GetAttributeAsync("aria-expanded") != "true")
            {
                await box.ClickAsync();
            }
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
            var list = await box.GetAttributeAsync("aria-controls")
                ?? throw new InvalidOperationException("The open select names no list it controls (aria-controls).");
            var options = box.Page.Locator($"[id='{list}']").GetByRole(AriaRole.Option, new() { Name = choice, Exact = exact });
            await options.First.ClickAsync();
            try
            {
                await Expect(box).ToHaveAttributeAsync("aria-expanded", "false", new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < Attempts)
            {
            }
        }
    }
}
