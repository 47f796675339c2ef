using Bunit;
using SurveyApp.Administration;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Imports;

namespace SurveyApp.Tests.Administration.Imports;

public class ImportProblemListTests : LocalizedTestContext
{
    private IRenderedComponent<ImportProblemList> Render(params ImportProblem[] problems) =>
        Render<ImportProblemList>(ps => ps
            .Add(p => p.Problems, problems)
            .Add(p => p.Heading, $"Ingenting importerades: {problems.Length} fel."));

    [Fact]
    public void NoProblemsRenderNothing() =>
        Assert.Empty(Render().Markup.Trim());

    [Fact]
    public void OneProblemOfTheWholeFileIsTheHeadingAlone()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(new ImportProblem(0, "Välj en CSV-fil att importera."));

        Assert.Equal("Välj en CSV-fil att importera.", cut.Find("#error-summary h2").TextContent);
        Assert.Equal("alert", cut.Find("#error-summary").GetAttribute("role"));
        Assert.Empty(cut.FindAll("li"));
    }

    [Fact]
    public void ProblemsOfRowsAreListedWithTheirLinesAndMarkupStaysText()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(new ImportProblem(3, "okänd deltagare '<script>alert(1)</script>'"), new ImportProblem(7, "f1: svaret finns inte bland frågans alternativ"));

        Assert.Equal("Ingenting importerades: 2 fel.", cut.Find("h2").TextContent);
        Assert.Equal(["Rad 3: okänd deltagare '<script>alert(1)</script>'", "Rad 7: f1: svaret finns inte bland frågans alternativ"],
            cut.FindAll("li").Select(li => li.TextContent));
        Assert.Empty(cut.FindAll("li script"));
    }

    [Fact]
    public void AtMostAHundredAreListedAndTheRestCounted()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Enumerable.Range(2, 130).Select(line => new ImportProblem(line, "typ saknas")).ToArray());

        Assert.Equal(100, cut.FindAll("li").Count);
        Assert.Contains("… och 30 fel till.", cut.Find("#error-summary").TextContent);
    }
}
