using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>A question's table and notes as the Word report and the slides give them.</summary>
public sealed class QuestionTableTests
{
    [Fact]
    public void AMatrixGivesEachStatementItsOwnBaseAnswersOutsideTheScaleAndSkipped()
    {
        using var culture = UiCulture.Swedish();
        var matrix = QuestionSheetsTests.Matrix();

        var table = QuestionTable.For(matrix)!;
        var notes = ResultsPresentation.Notes(matrix);

        Assert.Equal(["Delfråga", "Låg", "Mellan", "Hög", "Svar på skalan", "Vet ej", "Hoppade över"], table.Header);
        Assert.Equal(["Ledning", "20 %", "30 %", "50 %", "10", "1", "1"], table.Rows[0].Select(c => c.Replace('\u00a0', ' ')));
        Assert.Equal(["=Politik", "0 %", "50 %", "50 %", "8", "0", "0"], table.Rows[1].Select(c => c.Replace('\u00a0', ' ')));
        // No one base for the whole question: the first statement's would be read as every statement's.
        Assert.DoesNotContain(notes, n => n.StartsWith("Bas: 11", StringComparison.Ordinal));
        Assert.Contains("Bas: varje delfråga för sig; svaren på skalan, utanför den och de som hoppade över delfrågan står i tabellen.", notes);
    }

    [Fact]
    public void AnOpenQuestionNobodyHasCodedSaysWhereItsAnswersAreInsteadOfATable()
    {
        using var culture = UiCulture.Swedish();
        var question = new Question { Key = "fri", Text = "Beskriv ett gott exempel.", Kind = QuestionKind.Text };
        var uncoded = new QuestionResults(question, [new Distribution(null, null, 5, 2, 0, [], null)], [], 5);
        var coded = uncoded with { Categories = [new CategoryCount(1, "Samverkan", 3)] };

        Assert.Null(QuestionTable.For(uncoded));
        Assert.Contains("Svaren är inte kodade i kategorier än. De finns att läsa på bladet Fritext i arbetsboken och på kodningssidan.",
            ResultsPresentation.Notes(uncoded));
        Assert.Contains("Bas: 5 besvarade frågan, 2 hoppade över den.", ResultsPresentation.Notes(uncoded));
        Assert.NotNull(QuestionTable.For(coded));
        Assert.DoesNotContain(ResultsPresentation.Notes(coded), n => n.StartsWith("Svaren är inte kodade", StringComparison.Ordinal));
    }
}
