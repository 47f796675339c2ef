using Bunit;
using SurveyApp.Responding.Components;
using Xunit;

namespace SurveyApp.Tests.Responding.Components;

public class ErrorSummaryTests : BunitContext
{
    [Fact]
    public void ProblemsAreAnnouncedUnderAHeadingEachLinkedToItsField()
    {
        var problems = new[]
        {
            new ErrorSummary.Entry("Fråga 1 måste besvaras.", "#q-f1-ja_helt_sakert"),
            new ErrorSummary.Entry("Fråga 5 måste besvaras.", "#q-f5-1"),
        };

        var cut = Render<ErrorSummary>(ps => ps
            .Add(p => p.Title, "Det finns problem på sidan")
            .Add(p => p.Problems, problems));

        var alert = cut.Find("[role=alert]");
        var heading = alert.QuerySelector("h2")!;
        Assert.Equal("Det finns problem på sidan", heading.TextContent);
        Assert.Equal(heading.Id, alert.GetAttribute("aria-labelledby"));
        var links = cut.FindAll("[role=alert] li > a");
        Assert.Equal(new[] { "#q-f1-ja_helt_sakert", "#q-f5-1" }, links.Select(a => a.GetAttribute("href")));
        Assert.Equal(new[] { "Fråga 1 måste besvaras.", "Fråga 5 måste besvaras." }, links.Select(a => a.TextContent));
    }

    [Fact]
    public void WithoutProblemsNothingIsRendered()
    {
        var cut = Render<ErrorSummary>(ps => ps.Add(p => p.Title, "Det finns problem på sidan"));

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.True(string.IsNullOrWhiteSpace(cut.Markup));
    }
}
