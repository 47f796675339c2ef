using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>
/// The results divided by a further detail of the participants, on the engine of the test run (the database unfolds
/// the details itself): the demo data with each organisation's part of Sweden (landsdel, as it is), a size given for
/// only some of them, and a detail whose name holds quotes, a dot and a bracket. Every figure is checked against the
/// same figure worked out here from the rows.
/// </summary>
public sealed class DetailFilterTests(DetailFilterTests.Data data) : IClassFixture<DetailFilterTests.Data>
{
    public const string Part = "landsdel";
    public const string Size = "storlek";
    public const string Odd = "indelning \"gammal\".x[1]";

    private static readonly string[] Götaland =
    [
        "Göteborgs stad", "Helsingborgs stad", "Linköpings kommun", "Malmö stad", "Regionförbundet Östsam", "Region Halland", "Region Skåne",
        "Tidaholms kommun", "Västra Götalandsregionen",
    ];

    private static readonly string[] Large = ["Göteborgs stad", "Malmö stad", "Region Skåne", "Västra Götalandsregionen", "Uppsala kommun", "Örebro kommun", "Botkyrka kommun"];

    private static string PartOf(string name) =>
        name == "Västerbottens läns landsting" ? "Norrland" : Götaland.Contains(name) ? "Götaland" : "Svealand";

    public sealed class Data : IAsyncLifetime
    {
        public SurveyAppFactory App { get; } = new(demoResponses: true);

        public int Wave { get; private set; }

        /// <summary>The wave's submitted responses: participant name and each detail's group.</summary>
        public IReadOnlyList<(int ResponseId, string Name, IReadOnlyDictionary<string, string> Groups)> Submitted { get; private set; } = [];

        /// <summary>Every invitee's groups, answered or not.</summary>
        public IReadOnlyList<IReadOnlyDictionary<string, string>> Invitees { get; private set; } = [];

        public HttpClient Analyst { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await using var db = App.CreateDbContext();
            Wave = await db.Waves.Where(w => w.Name == "Uppföljning december 2013").Select(w => w.Id).SingleAsync();
            foreach (var participant in await db.Participants.ToListAsync())
            {
                var details = new Dictionary<string, string> { [Part] = PartOf(participant.Name), [Odd] = participant.Name.Length % 2 == 0 ? "jämn" : "udda" };
                if (Large.Contains(participant.Name)) details[Size] = "stor";
                participant.Attributes = details;
            }
            // A participant of no list of this survey with a detail of its own: never offered for this wave.
            var elsewhere = new ParticipantList { Name = "Annan lista", CreatedAt = DateTimeOffset.UtcNow };
            db.ParticipantLists.Add(elsewhere);
            db.Participants.Add(new Participant { List = elsewhere, Name = "Någon annanstans", Type = "förening", Attributes = new() { ["medlemmar"] = "många" } });
            await db.SaveChangesAsync();

            Dictionary<string, string> Groups(Participant p) => new()
            {
                [""] = p.Type,
                [Part] = p.Attributes[Part],
                [Odd] = p.Attributes[Odd],
                [Size] = p.Attributes.GetValueOrDefault(Size) ?? "",
            };
            Submitted = (await db.Responses.Where(r => r.WaveId == Wave && r.SubmittedAt != null)
                    .Join(db.Participants, r => r.ParticipantId, p => p.Id, (r, p) => new { r.Id, Participant = p }).ToListAsync())
                .Select(x => (x.Id, x.Participant.Name, (IReadOnlyDictionary<string, string>)Groups(x.Participant))).ToList();
            Invitees = (await db.Invitations.Where(i => i.WaveId == Wave).Select(i => i.Participant!).ToListAsync())
                .Select(p => (IReadOnlyDictionary<string, string>)Groups(p)).ToList();
            Analyst = await App.SignedInClientAsync("analyst");
        }

        public Task DisposeAsync()
        {
            Analyst.Dispose();
            App.Dispose();
            return Task.CompletedTask;
        }

        public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

        /// <summary>Submitted responses by group of a dimension ("" for the types), every invitee's group included as 0.</summary>
        public Dictionary<string, int> Counts(string dimension)
        {
            var counts = Invitees.Select(g => g[dimension]).Distinct().ToDictionary(g => g, _ => 0, StringComparer.Ordinal);
            foreach (var response in Submitted) counts[response.Groups[dimension]]++;
            return counts;
        }
    }

    [Fact]
    public async Task TheFilterOffersTheTypesThenEachDetailOfTheWavesInviteesWithTheSmallGroupsHidden()
    {
        var dimensions = await data.Get<FilterDimensionsQuery>().DimensionsAsync(data.Wave);

        Assert.Equal([null, Odd, Part, Size], dimensions.Select(d => d.Detail));
        foreach (var dimension in dimensions)
        {
            var counts = data.Counts(dimension.Detail ?? "");
            Assert.Equal(counts.Keys.Order(StringComparer.Ordinal), dimension.Groups.Order(StringComparer.Ordinal));
            Assert.Equal(Suppression.HiddenSegments(counts, 5).Order(StringComparer.Ordinal), dimension.Hidden.Order(StringComparer.Ordinal));
        }
        // Norrland's one organisation is hidden, and with it the next smallest part, so that the rest never tells its size.
        var part = dimensions.Single(d => d.Detail == Part);
        Assert.Equal(["Götaland", "Norrland", "Svealand"], part.Groups);
        Assert.Contains("Norrland", part.Hidden);
        Assert.Contains("Götaland", part.Hidden);
        Assert.DoesNotContain("Svealand", part.Hidden);
        // Those without a size are a group of their own ("" , not given).
        Assert.Contains("", dimensions.Single(d => d.Detail == Size).Groups);
    }

    [Theory]
    [InlineData(Part, "Svealand")]
    [InlineData(Odd, "jämn")]
    [InlineData(Odd, "udda")]
    [InlineData(Size, "stor")]
    [InlineData(Size, "")]
    public async Task AViewOfADetailsGroupCountsItsResponsesOrIsHiddenByTheSameRuleAsTypes(string detail, string group)
    {
        var results = (await data.Get<WaveResultsQuery>().GetAsync(data.Wave, new ResultsFilter([group], null, detail)))!;

        var counts = data.Counts(detail);
        var total = counts.Values.Sum();
        var allowed = !Suppression.HiddenSegments(counts, 5).Contains(group) && Suppression.CanShowPart(counts[group], total, 5);
        Assert.Equal(!allowed, results.Suppressed);
        Assert.Equal(counts[group], results.InView);
        if (allowed)
        {
            Assert.Equal(counts[group], results.Questions.Single(q => q.Question.Key == "f1").Main.Answered + results.Questions.Single(q => q.Question.Key == "f1").Main.Skipped);
        }
        else
        {
            Assert.Empty(results.Questions);
        }
        // Rows are never read out under a detail, shown or not.
        Assert.False(results.RowsShown);
    }

    [Fact]
    public async Task AGroupThatNoInviteeHasOrANameTheWaveDoesNotKnowShowsNothing()
    {
        var query = data.Get<WaveResultsQuery>();

        Assert.True((await query.GetAsync(data.Wave, new ResultsFilter(["många"], null, "medlemmar")))!.Suppressed);
        Assert.True((await query.GetAsync(data.Wave, new ResultsFilter(["Svealand"], null, "finns inte")))!.Suppressed);
        Assert.True((await query.GetAsync(data.Wave, new ResultsFilter(["kommun"], null, Part)))!.Suppressed);
    }

    [Fact]
    public async Task TheCrossTabsColumnsAreTheDetailsGroupsWithTheSmallOnesHiddenAndTheirCountsMatchTheRows()
    {
        var table = (await data.Get<CrossTabQuery>().GetAsync(data.Wave, "f1", null, new ResultsFilter([], null, Size)))!;

        var counts = data.Counts(Size);
        var hidden = Suppression.HiddenSegments(counts, 5);
        Assert.Equal(counts.Keys.Order(StringComparer.Ordinal), table.Columns.Select(c => c.Segment));
        Assert.All(table.Columns, c => Assert.Equal(hidden.Contains(c.Segment), c.Hidden));
        Assert.All(table.Columns.Where(c => c.Hidden), c => Assert.Empty(c.Counts));
        await using var db = data.App.CreateDbContext();
        var f1 = await db.Questions.Where(q => q.Key == "f1" && db.Sections.Any(s => s.Id == q.SectionId && db.Waves.Any(w => w.Id == data.Wave && w.SurveyId == s.SurveyId)))
            .Select(q => q.Id).SingleAsync();
        var answers = await db.Answers.Where(a => a.WaveId == data.Wave && a.QuestionId == f1 && a.Code != null).Select(a => new { a.ResponseId, a.Code }).ToListAsync();
        foreach (var column in table.Columns.Where(c => !c.Hidden))
        {
            var mine = data.Submitted.Where(r => r.Groups[Size] == column.Segment).Select(r => r.ResponseId).ToHashSet();
            var expected = answers.Where(a => mine.Contains(a.ResponseId)).GroupBy(a => a.Code!).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key), column.Counts.Where(c => c.Value > 0).OrderBy(e => e.Key));
        }
    }

    [Fact]
    public async Task TheResultsPageDividedByADetailOffersItsGroupsTheWorkbookButNoRowsToDownload()
    {
        var page = await data.Analyst.GetPageAsync($"/resultat/{data.Wave}?uppgift={Uri.EscapeDataString(Part)}&grupp=Svealand");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var main = new HtmlParser().ParseDocument(page.Html).QuerySelector("main")!;
        Assert.Equal(Part, main.QuerySelector(".filter-panel__dimension input")!.GetAttribute("value"));
        Assert.Equal(["Götaland:disabled", "Norrland:disabled", "Svealand:checked"],
            main.QuerySelectorAll(".filter-panel__type input").Select(b => $"{b.GetAttribute("data-group")}:{(b.HasAttribute("checked") ? "checked" : "")}{(b.HasAttribute("disabled") && b.GetAttribute("data-group") != "Svealand" ? "disabled" : "")}"));
        Assert.Contains($"export.xlsx?uppgift={Uri.EscapeDataString(Part)}&amp;grupp=Svealand", page.Html);
        Assert.DoesNotContain("svar.csv", page.Html);
        // The workbook is offered for what it holds: the questions' tables and charts.
        Assert.Contains("Ladda ner Excel (tabeller och diagram)", main.QuerySelector(".results-downloads")!.TextContent);
        Assert.Contains("Svaren rad för rad laddas inte ner", main.QuerySelector(".results-rows-note")!.TextContent);
        // The cross-tab is linked by the dimension alone: its columns are every part of Sweden, not just the one ticked.
        Assert.Contains($"korstabell?uppgift={Uri.EscapeDataString(Part)}&amp;fraga=", page.Html);
        Assert.DoesNotContain("korstabell?uppgift=landsdel&amp;grupp", page.Html);
    }

    [Fact]
    public async Task TheWorkbookOfADetailsGroupHasItsTablesButNoResponseRowsAndSaysWhy()
    {
        using var response = await data.Analyst.GetAsync($"/resultat/{data.Wave}/export.xlsx?uppgift={Uri.EscapeDataString(Part)}&grupp=Svealand");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new SurveyApp.Tests.Export.Workbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        var summary = workbook.Rows("Sammanfattning").Select(r => string.Join("|", r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf))).ToList();
        Assert.Contains("Filter|landsdel: Svealand", summary);
        Assert.Contains($"Svar i urvalet|{data.Counts(Part)["Svealand"]}", summary);
        Assert.Contains(summary, r => r.StartsWith("Obs|Svaren rad för rad ingår inte", StringComparison.Ordinal));
        Assert.Single(workbook.Rows("Svar"));
        Assert.Single(workbook.Rows("Svar (etiketter)"));

        var csv = await data.Analyst.GetStringAsync($"/resultat/{data.Wave}/svar.csv?uppgift={Uri.EscapeDataString(Part)}&grupp=Svealand");
        Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task TheCrossTabPageDividesByTheDetailChosenAndNamesTheGroupOfThoseWithoutIt()
    {
        var page = await data.Analyst.GetPageAsync($"/resultat/{data.Wave}/korstabell?uppgift={Uri.EscapeDataString(Size)}&fraga=f1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var main = new HtmlParser().ParseDocument(page.Html).QuerySelector("main")!;
        Assert.Equal(Size, main.QuerySelector(".crosstab__dimension input")!.GetAttribute("value"));
        Assert.Equal("Korstabell per storlek", main.QuerySelector("h1")!.TextContent.Trim());
        var headers = main.QuerySelectorAll("thead th").Skip(1).Select(h => h.ChildNodes[0].TextContent.Trim()).ToList();
        Assert.Equal(["(uppgift saknas)", "stor", "Totalt"], headers);
    }
}
