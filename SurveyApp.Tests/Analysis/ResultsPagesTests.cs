using System.Text.RegularExpressions;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using SurveyApp.Tests.Administration.Surveys;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Surveys;

namespace SurveyApp.Tests.Analysis;

/// <summary>What an analyst reads on the results, cross-tab and comparison pages of the demo waves, over HTTP.</summary>
public sealed class ResultsPagesTests(HiddenGroupFixture fixture) : IClassFixture<HiddenGroupFixture>
{
    private async Task<string> ReadAsync(string path)
    {
        var page = await fixture.Analyst.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return WebUtility.HtmlDecode(page.Main);
    }

    [Fact]
    public async Task EveryQuestionIsNumberedAsTheReportNumbersIt()
    {
        var main = await ReadAsync("/resultat/1");

        Assert.Matches("class=\"question-number\"[^>]*>Fråga 5</span> I vilken grad", main);
        Assert.Matches("class=\"question-number\"[^>]*>Fråga 9</span>", main);
    }

    [Fact]
    public async Task TheParticipantListIsNamedWithTheNumberOfParticipants()
    {
        var main = await ReadAsync("/resultat/1");

        Assert.DoesNotContain("{0}", main);
        Assert.Contains("aria-label=\"21 deltagare\"", main); // the 20 organisations and the type that never answers
        Assert.Contains("Vilka har svarat? (4 har inte skickat in)", main);
    }

    [Fact]
    public async Task TheCrossTabSharesOfScaleStepsUseTheAnswersOnTheScaleAsTheQuestionsTableDoes()
    {
        // In the 2015 wave one answer to Fråga 5 is off the scale ("Vi har ej gått vidare").
        var wave = fixture.Waves[1].WaveId;
        var f5 = (await fixture.App.Services.GetRequiredService<WaveResultsQuery>().GetAsync(wave, ResultsFilter.None))!
            .Questions.Single(q => q.Question.Key == "f5").Main;
        Assert.Contains(f5.Choices, c => c.IsOffScale && c.Count > 0);
        var step = f5.Choices.Where(c => !c.IsOffScale).MaxBy(c => c.Count)!;

        var main = await ReadAsync($"/resultat/{wave}/korstabell?fraga=f5");

        Assert.Contains("Fråga 5. I vilken grad", main);
        Assert.Contains("andel av gruppens svar på skalan", main);
        Assert.Contains($"n = {f5.Answered}, varav {f5.ScaleCount} på skalan", main);
        Assert.Contains($"{step.Count} ({Percent(step.Count, f5.ScaleCount)})", main);
        Assert.NotEqual(Percent(step.Count, f5.ScaleCount), Percent(step.Count, f5.Answered));
        Assert.DoesNotContain($"{step.Count} ({Percent(step.Count, f5.Answered)})", main);
    }

    [Fact]
    public async Task TheCrossTabSaysWhichFilterItCounts()
    {
        var exchange = fixture.Waves[0].Categories.First();
        var name = (await fixture.App.Services.GetRequiredService<CategoriesQuery>().ListAsync(1)).SelectMany(q => q.Categories).Single(c => c.Id == exchange.Id).Name;

        var filtered = await ReadAsync($"/resultat/1/korstabell?fraga=f8&typ=kommun&kategori={exchange.Id}");
        var whole = await ReadAsync("/resultat/1/korstabell?fraga=f8");

        Assert.Contains($"Urval: Deltagartyp: kommun; Kategori: {name}.", filtered);
        Assert.DoesNotContain("Urval:", whole);
    }

    [Fact]
    public async Task ACrossTabOfAnUnknownQuestionSaysSo()
    {
        var main = await ReadAsync("/resultat/1/korstabell?fraga=finns-inte");

        Assert.Contains("Frågan finns inte i enkäten", main);
        Assert.DoesNotContain("<table", main);
    }

    [Fact]
    public async Task ACrossTabOfAMatrixQuestionNamedWithoutAStatementShowsItsFirstStatement()
    {
        var (survey, _) = await fixture.App.Services.GetRequiredService<SurveyImporter>().ImportAsync(Encoding.UTF8.GetBytes(SurveyEdits.Json));
        var wave = await fixture.App.Services.GetRequiredService<WaveAdministration>().CreateAsync("admin@example.org", survey!.Id, "Matris", null, null);

        var main = await ReadAsync($"/resultat/{wave.WaveId}/korstabell?fraga=omraden");

        Assert.Contains("<caption>Fråga 2. I vilken grad arbetar ni med följande? – Barn och unga</caption>", main);
        // The closed list shows only the chosen statement: it names its statement first, then its question.
        Assert.Contains("value=\"Barn och unga (Fråga 2)\"", main);
    }

    [Fact]
    public async Task TheComparisonShowsSharesWithCountsChangesInPointsAndThePairsOfItsTest()
    {
        var main = await ReadAsync("/resultat/jamfor?a=1&b=2");

        Assert.Matches("class=\"question-number\"[^>]*>Fråga 5</span>", main);
        Assert.Contains(" p.e.</td>", main);
        Assert.Contains("deltagare som svarat i båda omgångarna", main);
        Assert.Contains("Utan motsvarighet och utanför testet", main);
        Assert.Contains("value=\"Uppföljning 2015 (fiktiv) (Uppföljning av Samling för social hållbarhet)\"", main);
        Assert.DoesNotContain("Mann–Whitney", main.Replace("Mann–Whitneys U-test när ingen deltagare svarat i båda", ""));
    }

    [Fact]
    public async Task WavesPickedTheWrongWayRoundAreComparedEarlierFirstWithTheBaseOfEachKindOfQuestion()
    {
        var reversed = await ReadAsync("/resultat/jamfor?a=2&b=1");
        var ordered = await ReadAsync("/resultat/jamfor?a=1&b=2");

        Assert.Contains("Uppföljning december 2013 (17 svar) jämförd med Uppföljning 2015 (fiktiv) (16 svar).", reversed);
        // The text that follows the wave pickers: every figure, label and test result.
        static string Results(string main) =>
            Regex.Replace(Regex.Replace(main[main.IndexOf("<p class=\"lead\"", StringComparison.Ordinal)..], "<!--.*?-->|<[^>]+>", " ", RegexOptions.Singleline), @"\s+", " ");
        Assert.Equal(Results(ordered), Results(reversed));
        // Fråga 1 is a single choice: its base names no scale.
        var f1 = reversed[reversed.IndexOf("id=\"h-jamfor-f1\"", StringComparison.Ordinal)..reversed.IndexOf("id=\"h-jamfor-f5\"", StringComparison.Ordinal)];
        Assert.Contains("Andelarna räknas på dem som svarat.", f1);
        Assert.DoesNotContain("Skalsteg", f1);
    }

    private static string Percent(int count, int total)
    {
        using var culture = UiCulture.Swedish();
        return SurveyApp.Analysis.Components.Format.Percent((double)count / total);
    }
}
