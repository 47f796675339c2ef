using Bunit;
using SurveyApp.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class ProgressIndicatorTests : LocalizedTestContext
{

    private IRenderedComponent<ProgressIndicator> Render(int current, int total) =>
        Render<ProgressIndicator>(ps => ps.Add(p => p.Current, current).Add(p => p.Total, total));

    [Fact]
    public void ShowsThePageNumberInSwedish()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(2, 5);

        Assert.Equal("Sida 2 av 5", cut.Find("#progress-text").TextContent);
    }

    [Fact]
    public void ShowsThePageNumberInEnglish()
    {
        using var culture = UiCulture.English();

        var cut = Render(2, 5);

        Assert.Equal("Page 2 of 5", cut.Find("#progress-text").TextContent);
    }

    [Fact]
    public void TheBarIsFilledInProportionAndHiddenFromAssistiveTechnology()
    {
        var cut = Render(2, 5);

        var bar = cut.Find(".progress__bar");
        Assert.Equal("true", bar.GetAttribute("aria-hidden"));
        Assert.Equal("width: 40%", bar.QuerySelector("span")!.GetAttribute("style"));
    }
}
