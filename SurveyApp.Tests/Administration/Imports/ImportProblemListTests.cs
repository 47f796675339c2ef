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
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void ProblemsOfRowsAreATableOfLineColumnQuestionProblemValueAndAcceptedAndMarkupStaysText()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(
            new ImportProblem(3, "okänd deltagare '<script>alert(1)</script>'")
                { Column = "participant", Value = "<script>alert(1)</script>", Accepted = "namnet på en deltagare" },
            new ImportProblem(7, "svaret finns inte bland frågans alternativ")
                { Column = "q1.Barn och unga", Question = "q1.b", Value = "kanske", Accepted = "1 (Låg), 2 (Hög)" },
            new ImportProblem(8, "frågan måste besvaras") { Column = "q2", Question = "q2", Value = "", Accepted = "ja (Ja), nej (Nej)" });

        Assert.Equal("Ingenting importerades: 3 fel.", cut.Find("h2").TextContent);
        Assert.Equal(["Rad", "Kolumn", "Fråga", "Fel", "Värde", "Godtas"], cut.FindAll("thead th").Select(th => th.TextContent));
        Assert.All(cut.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal(
        [
            ["3", "participant", "", "okänd deltagare '<script>alert(1)</script>'", "<script>alert(1)</script>", "namnet på en deltagare"],
            ["7", "q1.Barn och unga", "q1.b", "svaret finns inte bland frågans alternativ", "kanske", "1 (Låg), 2 (Hög)"],
            ["8", "q2", "q2", "frågan måste besvaras", "(tomt)", "ja (Ja), nej (Nej)"],
        ], cut.FindAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()));
        Assert.Empty(cut.FindAll("td script"));
        Assert.Equal("import-problems-title", cut.Find("table").GetAttribute("aria-labelledby"));
        Assert.Equal("0", cut.Find(".import-problems").GetAttribute("tabindex"));
    }

    [Fact]
    public void ColumnsNoProblemFillsAreLeftOut()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(new ImportProblem(2, "typ saknas"), new ImportProblem(4, "'Arvika kommun' finns redan"));

        Assert.Equal(["Rad", "Fel"], cut.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["2", "typ saknas"], cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void AtMostAHundredAreListedAndTheRestCounted()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render(Enumerable.Range(2, 130).Select(line => new ImportProblem(line, "typ saknas")).ToArray());

        Assert.Equal(100, cut.FindAll("tbody tr").Count);
        Assert.Contains("… och 30 fel till.", cut.Find("#error-summary").TextContent);
    }
}
