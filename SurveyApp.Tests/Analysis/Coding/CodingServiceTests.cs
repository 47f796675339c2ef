using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Coding;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Coding;

/// <summary>
/// Reading, searching and coding the demo data's open answers. The demo data is seeded once for the class
/// (<see cref="Fixture"/>). The tests that only read it, or whose change must be refused, share one app on it
/// (xUnit runs a class's tests one at a time); a test whose change goes through gets an app of its own on a copy
/// of the seeded database, so no test sees another's changes and the order they run in does not matter.
/// </summary>
public sealed class CodingServiceTests(CodingServiceTests.Fixture fixture) : IClassFixture<CodingServiceTests.Fixture>
{
    private const string Exchange = "Kunskaps- och erfarenhetsutbyte";
    private const string National = "Nationell nivå";
    private const string Research = "Ta del av forskning";

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Shared = new DemoApp(Seeded.CreateApp());
        }

        public SeededDatabase Seeded { get; } = new(demoResponses: true);

        /// <summary>The app for the tests that leave the demo data as seeded.</summary>
        public DemoApp Shared { get; }

        public void Dispose()
        {
            Shared.Dispose();
            Seeded.Dispose();
        }
    }

    /// <summary>An app on the demo data, its coding service and the two waves.</summary>
    public sealed class DemoApp : IDisposable
    {
        public DemoApp(SurveyAppFactory app)
        {
            App = app;
            Coding = App.Services.GetRequiredService<CodingService>();
            var waves = App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
            Wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
            Wave2015 = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)").WaveId;
        }

        public SurveyAppFactory App { get; }

        public CodingService Coding { get; }

        public int Wave2013 { get; }

        public int Wave2015 { get; }

        public async Task<CodingView> F2Async(string? search = null) =>
            await ViewAsync(Wave2013, "f2", search) ?? throw new InvalidOperationException("The 2013 wave has no f2 page.");

        /// <summary>The question's page with all its answers (that contain the search), read as the coding page reads them.</summary>
        public async Task<CodingView?> ViewAsync(int waveId, string questionKey, string? search = null)
        {
            if (await Coding.GetAsync(waveId, questionKey) is not { } page) return null;
            var answers = await App.Services.GetRequiredService<OpenAnswersQuery>()
                .PageAsync(waveId, page.QuestionId, new OpenAnswerRequest(0, 10_000, TextContains: search));
            Assert.Equal(answers.Items.Count, answers.Total);
            return new CodingView(page, answers.Items);
        }

        public async Task<int> CodingRowsAsync(long answerId, int categoryId)
        {
            await using var db = App.CreateDbContext();
            return await db.AnswerCategories.CountAsync(c => c.AnswerId == answerId && c.CategoryId == categoryId);
        }

        public void Dispose() => App.Dispose();
    }

    /// <summary>What the coding page shows of a question: its counts and the answers it lists.</summary>
    public sealed record CodingView(OpenAnswerPage Page, IReadOnlyList<OpenAnswer> Answers)
    {
        public int QuestionId => Page.QuestionId;
        public string QuestionKey => Page.QuestionKey;
        public int Responded => Page.Responded;
        public int TotalAnswers => Page.TotalAnswers;
        public IReadOnlyList<CategoryCount> Categories => Page.Categories;
        public int QuestionNumber => Page.QuestionNumber;
        public string SurveyTitle => Page.SurveyTitle;
    }

    private readonly DemoApp _shared = fixture.Shared;

    /// <summary>An app of the test's own, on a copy of the demo data as seeded.</summary>
    private DemoApp OwnApp() => new(fixture.Seeded.CreateApp());

    [Fact]
    public async Task TheAdvantagesOf2013HaveSeventeenAnswersAndTheReportsCategoryCounts()
    {
        var page = await _shared.F2Async();

        Assert.Equal("f2", page.QuestionKey);
        Assert.Equal(17, page.Responded);
        Assert.Equal(17, page.TotalAnswers);
        Assert.Equal(17, page.Answers.Count);
        Assert.Equal(Enumerable.Range(1, 17), page.Answers.Select(a => a.Number));
        Assert.Equal([(Exchange, 8), (National, 5), ("Stöd och legitimitet lokalt", 4), (Research, 3)], page.Categories.Select(c => (c.Name, c.Count)));
        // Only kommun (10 responses) reaches the minimum group of 5; the rarer types are not named.
        Assert.Equal(10, page.Answers.Count(a => a.ParticipantType == "kommun"));
        Assert.Equal(7, page.Answers.Count(a => a.ParticipantType is null));
    }

    [Fact]
    public async Task EachAnswerCarriesTheCategoriesItIsCodedInto()
    {
        var page = await _shared.F2Async();

        var exchange = CategoryId(page, Exchange);
        Assert.Equal(8, page.Answers.Count(a => a.CategoryIds.Contains(exchange)));
        Assert.Equal(20, page.Answers.Sum(a => a.CategoryIds.Count));
    }

    [Fact]
    public async Task TheFollowUpWaveCountsOnlyItsOwnCodings()
    {
        var page = await _shared.ViewAsync(_shared.Wave2015, "f2");

        Assert.NotNull(page);
        Assert.Equal(4, page.Categories.Count);
        Assert.All(page.Categories, c => Assert.Equal(0, c.Count));
    }

    [Fact]
    public async Task SearchingForForskningFindsTheThreeAnswersAboutResearchKeepingTheirNumbers()
    {
        var all = await _shared.F2Async();

        var page = await _shared.F2Async("forskning");

        Assert.Equal(3, page.Answers.Count);
        Assert.All(page.Answers, a => Assert.Contains("forskning", a.Text, StringComparison.Ordinal));
        Assert.Equal(all.Answers.Where(a => a.Text.Contains("forskning", StringComparison.Ordinal)).Select(a => (a.Id, a.Number)),
            page.Answers.Select(a => (a.Id, a.Number)));
        Assert.Equal(17, page.TotalAnswers);
        Assert.Equal(8, page.Categories.Single(c => c.Name == Exchange).Count);
    }

    [Theory]
    [InlineData("NATIONELL", 6)]
    [InlineData("  Nationell ", 6)]
    [InlineData("FÖRDEL", 2)]
    [InlineData("ERFARENHETSUTBYTET", 3)]
    public async Task SearchingIgnoresCaseAlsoForSwedishLetters(string search, int expected)
    {
        var page = await _shared.F2Async(search);

        Assert.Equal(expected, page.Answers.Count);
        Assert.All(page.Answers, a => Assert.Contains(search.Trim(), a.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ASearchThatMatchesNothingGivesNoAnswersButKeepsTheCounts()
    {
        var page = await _shared.F2Async("zyxw");

        Assert.Empty(page.Answers);
        Assert.Equal(8, page.Categories.Single(c => c.Name == Exchange).Count);
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("f5")]
    [InlineData("finns-inte")]
    public async Task OnlyOpenQuestionsHaveACodingPage(string questionKey)
    {
        Assert.Null(await _shared.ViewAsync(_shared.Wave2013, questionKey));
    }

    [Fact]
    public async Task AnUnknownWaveHasNoCodingPage()
    {
        Assert.Null(await _shared.ViewAsync(999_999, "f2"));
    }

    [Fact]
    public async Task TheObstaclesAreEachTextInResponseOrderThenPosition()
    {
        var page = await _shared.ViewAsync(_shared.Wave2013, "hinder");

        await using var db = _shared.App.CreateDbContext();
        var question = await db.Questions.SingleAsync(q => q.Key == "hinder");
        var expected = await db.Answers.Where(a => a.WaveId == _shared.Wave2013 && a.QuestionId == question.Id && a.Text != null)
            .OrderBy(a => a.ResponseId).ThenBy(a => a.Position).Select(a => a.Id).ToListAsync();
        Assert.NotNull(page);
        Assert.Equal(35, page.Answers.Count);
        Assert.Equal(expected, page.Answers.Select(a => a.Id));
        Assert.Equal(13, page.Responded);
    }

    [Fact]
    public async Task AnswersOfAResponseNotYetSubmittedAreLeftOut()
    {
        using var own = OwnApp();
        var answer = (await own.F2Async()).Answers[0];
        await using (var db = own.App.CreateDbContext())
        {
            var responseId = await db.Answers.Where(a => a.Id == answer.Id).Select(a => a.ResponseId).SingleAsync();
            await db.Responses.Where(r => r.Id == responseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, (DateTimeOffset?)null));
        }

        var page = await own.F2Async();

        Assert.Equal(16, page.Answers.Count);
        Assert.DoesNotContain(page.Answers, a => a.Id == answer.Id);
    }

    [Fact]
    public async Task ACreatedCategoryIsTrimmedAndStartsAtZero()
    {
        using var own = OwnApp();
        var page = await own.F2Async();

        var result = await own.Coding.CreateCategoryAsync(page.QuestionId, "  Inspiration  ");

        Assert.True(result.Succeeded);
        var created = (await own.F2Async()).Categories.Single(c => c.CategoryId == result.CategoryId);
        Assert.Equal(("Inspiration", 0), (created.Name, created.Count));
    }

    [Fact]
    public async Task TheCodingPagesChartAndItsDownloadShowTheSameCategoriesAlsoOneNotYetUsed()
    {
        using var own = OwnApp();
        var created = await own.Coding.CreateCategoryAsync((await own.F2Async()).QuestionId, "Inspiration");
        Assert.True(created.Succeeded);
        var categories = (await own.F2Async()).Categories;
        using var client = await own.App.SignedInClientAsync(StaffRoles.Analyst);

        var page = await client.GetStringAsync($"/resultat/{own.Wave2013}/fritext/f2");
        var figure = Regex.Match(page, "<figure class=\"chart\" id=\"diagram-[^\"]*-kategorier\">.*?</figure>", RegexOptions.Singleline).Value;
        var download = await client.GetStringAsync($"/resultat/{own.Wave2013}/diagram/f2.svg");

        // Both list every category, most used first, the one without answers last (labels may wrap between words).
        var expected = categories.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).Select(c => c.Name).ToList();
        Assert.Equal("Inspiration", expected[^1]);
        foreach (var svg in new[] { figure, download })
        {
            var text = string.Join(" ", Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()));
            var positions = expected.Select(name => text.IndexOf(name, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Theory]
    [InlineData("Nationell nivå")]
    [InlineData("NATIONELL NIVÅ")]
    [InlineData(" nationell nivå ")]
    public async Task ANameTheQuestionAlreadyHasIsRefusedWhateverItsCase(string name)
    {
        var page = await _shared.F2Async();

        var result = await _shared.Coding.CreateCategoryAsync(page.QuestionId, name);

        Assert.Equal(CodingResult.Fail(CodingErrors.NameTaken), result);
        Assert.Equal(4, (await _shared.F2Async()).Categories.Count);
    }

    [Theory]
    [InlineData("", CodingErrors.NameRequired)]
    [InlineData("   ", CodingErrors.NameRequired)]
    [InlineData(null, CodingErrors.NameTooLong)] // 201 characters, built below
    public async Task ABlankOrTooLongNameIsRefused(string? name, string expected)
    {
        var page = await _shared.F2Async();

        var result = await _shared.Coding.CreateCategoryAsync(page.QuestionId, name ?? new string('x', 201));

        Assert.Equal(CodingResult.Fail(expected), result);
        Assert.Equal(4, (await _shared.F2Async()).Categories.Count);
    }

    [Fact]
    public async Task ANameOfTwoHundredCharactersIsAccepted()
    {
        using var own = OwnApp();
        var page = await own.F2Async();

        var result = await own.Coding.CreateCategoryAsync(page.QuestionId, new string('x', 200));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task TheSameNameMayBeUsedForAnotherQuestion()
    {
        using var own = OwnApp();
        var hinder = (await own.ViewAsync(own.Wave2013, "hinder"))!;

        var result = await own.Coding.CreateCategoryAsync(hinder.QuestionId, National);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AClosedQuestionCannotHaveCategories()
    {
        await using var db = _shared.App.CreateDbContext();
        var f5 = await db.Questions.SingleAsync(q => q.Key == "f5");

        var result = await _shared.Coding.CreateCategoryAsync(f5.Id, "Något");

        Assert.Equal(CodingResult.Fail(CodingErrors.QuestionNotFound), result);
    }

    [Fact]
    public async Task RenamingKeepsTheCodings()
    {
        using var own = OwnApp();
        var research = CategoryId(await own.F2Async(), Research);

        var result = await own.Coding.RenameCategoryAsync(research, " Forskning ");

        Assert.True(result.Succeeded);
        var renamed = (await own.F2Async()).Categories.Single(c => c.CategoryId == research);
        Assert.Equal(("Forskning", 3), (renamed.Name, renamed.Count));
    }

    [Fact]
    public async Task RenamingToAnotherCategorysNameIsRefused()
    {
        var research = CategoryId(await _shared.F2Async(), Research);

        var result = await _shared.Coding.RenameCategoryAsync(research, "nationell NIVÅ");

        Assert.Equal(CodingResult.Fail(CodingErrors.NameTaken), result);
        Assert.Equal(Research, (await _shared.F2Async()).Categories.Single(c => c.CategoryId == research).Name);
    }

    [Fact]
    public async Task RenamingToTheSameNameInOtherCaseIsAllowed()
    {
        using var own = OwnApp();
        var national = CategoryId(await own.F2Async(), National);

        var result = await own.Coding.RenameCategoryAsync(national, "Nationell Nivå");

        Assert.True(result.Succeeded);
        Assert.Equal("Nationell Nivå", (await own.F2Async()).Categories.Single(c => c.CategoryId == national).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task RenamingToABlankNameIsRefused(string name)
    {
        var national = CategoryId(await _shared.F2Async(), National);

        Assert.Equal(CodingResult.Fail(CodingErrors.NameRequired), await _shared.Coding.RenameCategoryAsync(national, name));
    }

    [Fact]
    public async Task MergingMovesTheCodingsWithoutDuplicatesAndDeletesTheFirstCategory()
    {
        using var own = OwnApp();
        var before = await own.F2Async();
        var research = CategoryId(before, Research);
        var exchange = CategoryId(before, Exchange);
        // f2 takes one text per response, so answers stand for responses here.
        var inEither = before.Answers.Count(a => a.CategoryIds.Contains(research) || a.CategoryIds.Contains(exchange));
        var inBoth = before.Answers.Count(a => a.CategoryIds.Contains(research) && a.CategoryIds.Contains(exchange));
        Assert.True(inBoth > 0, "The demo data should code one answer into both, or this test proves nothing about duplicates.");

        var result = await own.Coding.MergeCategoriesAsync(research, exchange);

        Assert.True(result.Succeeded);
        var after = await own.F2Async();
        Assert.DoesNotContain(after.Categories, c => c.CategoryId == research);
        Assert.Equal(inEither, after.Categories.Single(c => c.CategoryId == exchange).Count);
        Assert.Equal(10, inEither);
        Assert.All(after.Answers, a => Assert.DoesNotContain(research, a.CategoryIds));
        await using var db = own.App.CreateDbContext();
        Assert.Equal(inEither, await db.AnswerCategories.CountAsync(c => c.CategoryId == exchange));
        Assert.Equal(0, await db.AnswerCategories.CountAsync(c => c.CategoryId == research));
    }

    [Fact]
    public async Task CategoriesOfDifferentQuestionsCannotBeMerged()
    {
        var f2 = await _shared.F2Async();
        var hinder = (await _shared.ViewAsync(_shared.Wave2013, "hinder"))!;
        var research = CategoryId(f2, Research);

        var result = await _shared.Coding.MergeCategoriesAsync(research, hinder.Categories[0].CategoryId);

        Assert.Equal(CodingResult.Fail(CodingErrors.OtherQuestion), result);
        Assert.Equal(3, (await _shared.F2Async()).Categories.Single(c => c.CategoryId == research).Count);
    }

    [Fact]
    public async Task ACategoryCannotBeMergedIntoItselfOrIntoOneThatIsGone()
    {
        var research = CategoryId(await _shared.F2Async(), Research);

        Assert.Equal(CodingResult.Fail(CodingErrors.SameCategory), await _shared.Coding.MergeCategoriesAsync(research, research));
        Assert.Equal(CodingResult.Fail(CodingErrors.CategoryNotFound), await _shared.Coding.MergeCategoriesAsync(research, 999_999));
        Assert.Equal(3, (await _shared.F2Async()).Categories.Single(c => c.CategoryId == research).Count);
    }

    [Fact]
    public async Task DeletingACategoryRemovesItsCodings()
    {
        using var own = OwnApp();
        var national = CategoryId(await own.F2Async(), National);

        var result = await own.Coding.DeleteCategoryAsync(national);

        Assert.True(result.Succeeded);
        var after = await own.F2Async();
        Assert.DoesNotContain(after.Categories, c => c.CategoryId == national);
        Assert.All(after.Answers, a => Assert.DoesNotContain(national, a.CategoryIds));
        await using var db = own.App.CreateDbContext();
        Assert.Equal(0, await db.AnswerCategories.CountAsync(c => c.CategoryId == national));
        Assert.Equal(15, await db.AnswerCategories.CountAsync(c => after.Categories.Select(x => x.CategoryId).Contains(c.CategoryId)));
    }

    [Fact]
    public async Task DeletingACategoryThatIsGoneSaysSo()
    {
        Assert.Equal(CodingResult.Fail(CodingErrors.CategoryNotFound), await _shared.Coding.DeleteCategoryAsync(999_999));
    }

    [Fact]
    public async Task SettingACodingTogglesItAndSettingItTwiceChangesNothing()
    {
        using var own = OwnApp();
        var before = await own.F2Async();
        var research = CategoryId(before, Research);
        var answer = before.Answers.First(a => !a.CategoryIds.Contains(research));

        Assert.True((await own.Coding.SetCodingAsync(answer.Id, research, true)).Succeeded);
        Assert.True((await own.Coding.SetCodingAsync(answer.Id, research, true)).Succeeded);
        var coded = await own.F2Async();
        Assert.Contains(research, coded.Answers.Single(a => a.Id == answer.Id).CategoryIds);
        Assert.Equal(4, coded.Categories.Single(c => c.CategoryId == research).Count);
        Assert.Equal(1, await own.CodingRowsAsync(answer.Id, research));

        Assert.True((await own.Coding.SetCodingAsync(answer.Id, research, false)).Succeeded);
        Assert.True((await own.Coding.SetCodingAsync(answer.Id, research, false)).Succeeded);
        var uncoded = await own.F2Async();
        Assert.DoesNotContain(research, uncoded.Answers.Single(a => a.Id == answer.Id).CategoryIds);
        Assert.Equal(3, uncoded.Categories.Single(c => c.CategoryId == research).Count);
        Assert.Equal(0, await own.CodingRowsAsync(answer.Id, research));
    }

    [Fact]
    public async Task ACategoryOfAnotherQuestionIsRefused()
    {
        var answer = (await _shared.F2Async()).Answers[0];
        var hinderCategory = (await _shared.ViewAsync(_shared.Wave2013, "hinder"))!.Categories[0].CategoryId;

        var result = await _shared.Coding.SetCodingAsync(answer.Id, hinderCategory, true);

        Assert.Equal(CodingResult.Fail(CodingErrors.OtherQuestion), result);
        Assert.Equal(0, await _shared.CodingRowsAsync(answer.Id, hinderCategory));
    }

    [Fact]
    public async Task AnUnknownAnswerOrCategoryIsRefused()
    {
        var page = await _shared.F2Async();

        Assert.Equal(CodingResult.Fail(CodingErrors.AnswerNotFound), await _shared.Coding.SetCodingAsync(999_999, page.Categories[0].CategoryId, true));
        Assert.Equal(CodingResult.Fail(CodingErrors.CategoryNotFound), await _shared.Coding.SetCodingAsync(page.Answers[0].Id, 999_999, true));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)> & \"citat\"")]
    public async Task StoredMarkupComesBackUnchanged(string text)
    {
        using var own = OwnApp();
        var answer = (await own.F2Async()).Answers[0];
        await using (var db = own.App.CreateDbContext())
        {
            await db.Answers.Where(a => a.Id == answer.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, text));
        }

        var page = await own.F2Async();
        var found = await own.F2Async(text[..8]);

        Assert.Equal(text, page.Answers.Single(a => a.Id == answer.Id).Text);
        Assert.Equal(text, Assert.Single(found.Answers).Text);
    }

    private static int CategoryId(CodingView page, string name) => page.Categories.Single(c => c.Name == name).CategoryId;

    [Fact]
    public async Task ATypeHiddenOnlySoThatASmallerOneCannotBeWorkedOutIsNotNamedEither()
    {
        using var own = OwnApp();
        // The two region respondents become landsting: landsting 6, regionförbund 1. The one regionförbund is
        // hidden, and so is landsting, or the total minus the types shown would give the regionförbund's answers.
        await using (var db = own.App.CreateDbContext())
        {
            await db.Participants.Where(p => p.Type == "region").ExecuteUpdateAsync(u => u.SetProperty(p => p.Type, "landsting"));
        }
        var hidden = await own.App.Services.GetRequiredService<ViewSuppression>().HiddenTypesAsync(own.Wave2013);
        Assert.Equal(["landsting", "regionförbund"], hidden.Order());

        var page = await own.F2Async();

        Assert.DoesNotContain(page.Answers, a => a.ParticipantType is "landsting" or "regionförbund");
        Assert.Contains(page.Answers, a => a.ParticipantType == "kommun");
        Assert.Contains(page.Answers, a => a.ParticipantType is null);
    }

    [Fact]
    public async Task ThePageNumbersItsQuestionAsTheReportDoes()
    {
        var page = await _shared.F2Async();

        Assert.Equal(2, page.QuestionNumber);
        Assert.Equal("Uppföljning av Samling för social hållbarhet", page.SurveyTitle);
    }
}
