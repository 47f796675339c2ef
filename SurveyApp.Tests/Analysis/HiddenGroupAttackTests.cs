using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis.Coding;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>
/// The demo data with what an attacker's comparison needs: a participant type that is invited to every
/// wave but never answers (a group of 0 next to the small types), a further detail (<see cref="Detail"/>) that
/// divides the participants as their types do, so that every attack on the types is also one on a detail's
/// groups, and for every coded category whose
/// small groups matter a "twin": the same codings with one small group taken out. A view of a category
/// and the same view of its twin differ only in whether that small group holds 0 or 1–4 responses.
/// </summary>
public sealed class HiddenGroupFixture : IAsyncLifetime
{
    public const string ZeroType = "nolltyp";

    /// <summary>A detail every participant has, whose value is its type.</summary>
    public const string Detail = "huvudman";

    public SurveyAppFactory App { get; } = new(demoResponses: true);

    public HttpClient Analyst { get; private set; } = null!;

    public IReadOnlyList<WaveFacts> Waves { get; private set; } = [];

    /// <summary>One category of a wave, with its coded responses in that wave by participant type.</summary>
    public sealed record CategoryFacts(int Id, string Name, int QuestionId, IReadOnlyDictionary<string, int> ByType)
    {
        public int Total => ByType.Values.Sum();
    }

    /// <summary>A twin of <see cref="Original"/> without the responses of <see cref="Removed"/> (their count is 1–4).</summary>
    public sealed record Twin(CategoryFacts Original, int Id, string Name, IReadOnlySet<string> Removed, int RemovedCount);

    public sealed record WaveFacts(int WaveId, IReadOnlyList<string> Types, IReadOnlyDictionary<string, int> Submitted,
        IReadOnlyList<CategoryFacts> Categories, IReadOnlyList<Twin> Twins);

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await using var db = App.CreateDbContext();
        var waves = await db.Waves.OrderBy(w => w.Id).ToListAsync();
        var nobody = new Participant { ListId = ModelSurvey.ListId, Name = "Ingen svarar", Type = ZeroType };
        db.Participants.Add(nobody);
        foreach (var participant in await db.Participants.ToListAsync())
        {
            participant.Attributes = new Dictionary<string, string>(participant.Attributes) { [Detail] = participant.Type };
        }
        nobody.Attributes = new Dictionary<string, string> { [Detail] = ZeroType };
        foreach (var wave in waves)
        {
            db.Invitations.Add(new Invitation
            {
                WaveId = wave.Id,
                Participant = nobody,
                TokenHash = Convert.ToHexString(SHA256.HashData(RandomNumberGenerator.GetBytes(32))),
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();

        var codings = await (
                from c in db.AnswerCategories
                join a in db.Answers on c.AnswerId equals a.Id
                join r in db.Responses on a.ResponseId equals r.Id
                join p in db.Participants on r.ParticipantId equals p.Id
                select new { c.CategoryId, c.AnswerId, r.WaveId, ResponseId = r.Id, Submitted = r.SubmittedAt != null, p.Type })
            .ToListAsync();
        var categories = await db.Categories.AsNoTracking().ToListAsync();

        var facts = new List<WaveFacts>();
        foreach (var wave in waves)
        {
            var types = await db.Invitations.Where(i => i.WaveId == wave.Id).Select(i => i.Participant!.Type).Distinct().OrderBy(t => t).ToListAsync();
            var submitted = await db.Responses.Where(r => r.WaveId == wave.Id && r.SubmittedAt != null)
                .GroupBy(r => r.Invitation!.Participant!.Type).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
            var categoryFacts = categories.Select(c => new CategoryFacts(c.Id, c.Name, c.QuestionId,
                    codings.Where(x => x.CategoryId == c.Id && x.WaveId == wave.Id && x.Submitted)
                        .GroupBy(x => x.Type).ToDictionary(g => g.Key, g => g.Select(x => x.ResponseId).Distinct().Count())))
                .ToList();

            var twins = new List<Twin>();
            foreach (var category in categoryFacts)
            {
                // Take out all of the category, or one type's share of it, wherever that group is small.
                IEnumerable<HashSet<string>> removals = [[.. types], .. types.Select(t => new HashSet<string> { t })];
                foreach (var removed in removals)
                {
                    var count = category.ByType.Where(t => removed.Contains(t.Key)).Sum(t => t.Value);
                    if (count is < 1 or > 4) continue;
                    var twin = new Category { QuestionId = category.QuestionId, Name = $"Tvilling {twins.Count + 1} av {category.Id} i omgång {wave.Id}" };
                    db.Categories.Add(twin);
                    await db.SaveChangesAsync();
                    db.AnswerCategories.AddRange(codings
                        .Where(x => x.CategoryId == category.Id && !(x.WaveId == wave.Id && removed.Contains(x.Type)))
                        .Select(x => new AnswerCategory { AnswerId = x.AnswerId, CategoryId = twin.Id }));
                    await db.SaveChangesAsync();
                    twins.Add(new Twin(category, twin.Id, twin.Name, removed, count));
                }
            }
            facts.Add(new WaveFacts(wave.Id, types, submitted, categoryFacts.Where(c => c.Total > 0).ToList(), twins));
        }
        Waves = facts;
        Analyst = await App.SignedInClientAsync("analyst");
    }

    public Task DisposeAsync()
    {
        Analyst.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// An analyst who tries to learn whether a hidden group holds 0 or 1–4 responses, by comparing everything
/// the results show: the results page with its filter panel (which types are offered, enabled or
/// disabled, and what the note says), its numbers, the cross-tab, the CSV and the workbook. For every
/// view reachable from the filter panel (every combination of types, with and without every coded
/// category) each surface must read the same whether a small group has 0 or 1–4 responses.
/// </summary>
public sealed class HiddenGroupAttackTests(HiddenGroupFixture fixture) : IClassFixture<HiddenGroupFixture>
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _pages = [];

    /// <summary>The choice questions the cross-tab is tried on: one of each kind.</summary>
    private static readonly string[] CrossTabQuestions = ["f1", "f5", "f7", "f8"];

    public static IEnumerable<object[]> WaveIndexes() => [[0], [1]];

    /// <summary>Each wave, with the groups named as types (typ=) and as the values of a detail (uppgift=…&amp;grupp=).</summary>
    public static IEnumerable<object[]> WavesAndDimensions() => [[0, false], [1, false], [0, true], [1, true]];

    [Fact]
    public async Task NoSurfaceTellsASmallCodedGroupFromAnEmptyOne()
    {
        var wave = fixture.Waves[0];
        Assert.NotEmpty(wave.Twins);
        var failures = new List<string>();
        foreach (var twin in wave.Twins)
        {
            foreach (var types in Subsets(wave.Types))
            {
                var name = $"{Describe(types)} with category {twin.Original.Id} (small group {string.Join("+", twin.Removed.Order())}: {twin.RemovedCount}) vs its twin";
                var original = await StateAsync(wave, types, twin.Original.Id, crossTab: types.Count <= 1);
                var empty = (await StateAsync(wave, types, twin.Id, crossTab: types.Count <= 1)).WithCategory(twin.Id, twin.Original.Id);
                // A view of the whole category holds the small group itself: when it is large enough to be
                // shown, its size and answers change with the group's, and what must not change is which
                // controls, views and columns are shown.
                var holdsTheGroup = (types.Count == 0 || types.Count == wave.Types.Count) && twin.Removed.Count < wave.Types.Count;
                if (!holdsTheGroup)
                {
                    Compare(failures, name, original.All, empty.All);
                }
                else
                {
                    Compare(failures, name, original.Panel, empty.Panel);
                    if (original.Shown && empty.Shown) Compare(failures, name, original.Visibility, empty.Visibility);
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} views tell 0 from a small group:\n{string.Join("\n", failures.Take(15))}");
    }

    [Theory]
    [MemberData(nameof(WavesAndDimensions))]
    public async Task NoSurfaceTellsASmallParticipantTypeFromAnEmptyOne(int waveIndex, bool asDetail)
    {
        var wave = fixture.Waves[waveIndex];
        var zero = HiddenGroupFixture.ZeroType;
        var small = wave.Types.Where(t => wave.Submitted.GetValueOrDefault(t) is >= 1 and <= 4).ToList();
        Assert.NotEmpty(small);
        var failures = new List<string>();
        foreach (var type in small)
        {
            foreach (var others in Subsets(wave.Types.Where(t => t != type && t != zero).ToList()))
            {
                foreach (int? category in wave.Categories.Select(c => (int?)c.Id).Prepend(null))
                {
                    var name = $"{Describe([.. others, type])} vs the same with {zero}, category {category?.ToString() ?? "none"}";
                    var withType = await StateAsync(wave, [.. others, type], category, crossTab: others.Count == 0, asDetail);
                    // The view is the one asked for: divided by the detail, or by the types.
                    Assert.StartsWith($"dimension:{(asDetail ? HiddenGroupFixture.Detail : "Deltagartyp")};", withType.Panel);
                    Compare(failures, name, withType.Swapped(type, zero).All,
                        (await StateAsync(wave, [.. others, zero], category, crossTab: others.Count == 0, asDetail)).All);
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} views tell 0 from a small type:\n{string.Join("\n", failures.Take(15))}");
    }

    [Fact]
    public async Task TheFilterPanelOfAOneAnswerCategoryDoesNotPointAtItsAuthor()
    {
        // The case that was found: one coded answer, written by the only regionförbund.
        var wave = fixture.Waves[0];
        var lone = wave.Twins.First(t => t.Original.Total == 1 && t.Removed.Count > 1);

        var withAnswer = FilterPanel(await PageAsync($"/resultat/{wave.WaveId}?kategori={lone.Original.Id}"));
        var empty = FilterPanel(await PageAsync($"/resultat/{wave.WaveId}?kategori={lone.Id}"));

        Assert.Equal(empty, withAnswer);
    }

    [Theory]
    [MemberData(nameof(WaveIndexes))]
    public async Task TheCodingPageHidesTheTypesTheExportsHide(int waveIndex)
    {
        // An open answer's text on the coding page can be matched against the same text in the export, so a
        // type the export writes as "–" must not be named beside it here either.
        var wave = fixture.Waves[waveIndex];
        var csv = await PageAsync($"/resultat/{wave.WaveId}/svar.csv");
        var written = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')[1]).ToHashSet();
        var hidden = wave.Types.Where(t => !written.Contains(t)).ToList();
        Assert.Contains("–", written);

        foreach (var question in new[] { "f2", "hinder" })
        {
            // The coding page lists its answers a page at a time from this query; all of them are read here.
            var page = await fixture.App.Services.GetRequiredService<CodingService>().GetAsync(wave.WaveId, question);
            var answers = await fixture.App.Services.GetRequiredService<OpenAnswersQuery>()
                .PageAsync(wave.WaveId, page!.QuestionId, new OpenAnswerRequest(0, 10_000));
            Assert.Equal(page.TotalAnswers, answers.Items.Count);
            var shown = answers.Items.Select(a => a.ParticipantType ?? "visas inte (för få i gruppen)").ToHashSet();

            Assert.NotEmpty(shown);
            Assert.Empty(shown.Intersect(hidden));
            Assert.All(shown, t => Assert.True(written.Contains(t) || t.StartsWith("visas inte", StringComparison.Ordinal), $"{question}: {t}"));
        }
    }

    [Fact]
    public async Task TheWorkbookOfASmallCategoryReadsAsThatOfAnEmptyOne()
    {
        var wave = fixture.Waves[0];
        var lone = wave.Twins.First(t => t.Original.Total is >= 1 and <= 4 && t.Removed.Count > 1);

        var withAnswers = await WorkbookTextAsync($"/resultat/{wave.WaveId}/export.xlsx?kategori={lone.Original.Id}");
        var empty = await WorkbookTextAsync($"/resultat/{wave.WaveId}/export.xlsx?kategori={lone.Id}");

        Assert.Equal(Normalise(empty, lone), Normalise(withAnswers, lone));

        static string Normalise(string text, HiddenGroupFixture.Twin twin) =>
            Regex.Replace(text, @"(?m)^(Skapad|Created)\|.*$", "$1|TIME")
                .Replace(twin.Name, "CATEGORY").Replace(twin.Original.Name, "CATEGORY");
    }

    private static void Compare(List<string> failures, string name, string a, string b)
    {
        if (a != b)
        {
            failures.Add($"{name}: {FirstDifference(a, b)}");
        }
    }

    /// <summary>
    /// Everything the analyst sees of one view: the filter panel, the rest of the results page, the CSV and
    /// the cross-tabs; and apart from the numbers, which of these show anything.
    /// </summary>
    private sealed record ViewState(string Panel, string Page, string Csv, IReadOnlyList<CrossTabState> CrossTabs)
    {
        public string All => string.Join("\n", [Panel, Page, Csv, .. CrossTabs.Select(c => c.All)]);

        public bool Shown => !Page.Contains("class=\"notice\"");

        public string Visibility => string.Join("\n", CrossTabs.Select(c => c.Visibility));

        public ViewState WithCategory(int from, int to) =>
            this with { Page = Page.Replace($"kategori={from}", $"kategori={to}") };

        /// <summary>The same state with two type names exchanged, the filter panel's and cross-tab's order restored.</summary>
        public ViewState Swapped(string a, string b) => new(SwapPanel(Panel, a, b), Swap(Page, a, b), Swap(Csv, a, b), CrossTabs.Select(c => c.Swapped(a, b)).ToList());
    }

    private sealed record CrossTabState(string Heading, IReadOnlyList<(string Header, string Cells)> Columns)
    {
        public string All => Heading + "\n" + string.Join("\n", Columns.Select(c => $"{c.Header}|{c.Cells}"));

        public string Visibility => string.Join(";", Columns.Select(c => $"{Regex.Replace(c.Header, @"\d+", "#")}:{(c.Cells.Contains('–') ? "hidden" : "shown")}"));

        public CrossTabState Swapped(string a, string b) =>
            new(Swap(Heading, a, b), Columns.Select(c => (Swap(c.Header, a, b), Swap(c.Cells, a, b))).OrderBy(c => c.Item1, StringComparer.Ordinal).ToList());
    }

    private async Task<ViewState> StateAsync(HiddenGroupFixture.WaveFacts wave, IReadOnlyList<string> types, int? category, bool crossTab, bool asDetail = false)
    {
        IEnumerable<string> groups = asDetail
            ? [$"uppgift={HiddenGroupFixture.Detail}", .. types.Select(t => $"grupp={Uri.EscapeDataString(t)}")]
            : types.Select(t => $"typ={Uri.EscapeDataString(t)}");
        var query = string.Join("&", groups.Concat(category is null ? [] : [$"kategori={category}"]));
        var main = MainOf(await PageAsync($"/resultat/{wave.WaveId}?{query}"));
        main.QuerySelector(".participants")?.Remove();
        var panel = FilterPanel(main);
        main.QuerySelector(".filter-panel")?.Remove();
        var crossTabs = new List<CrossTabState>();
        if (crossTab)
        {
            foreach (var question in CrossTabQuestions)
            {
                crossTabs.Add(CrossTabPage(await PageAsync($"/resultat/{wave.WaveId}/korstabell?fraga={question}&{query}")));
            }
        }
        return new ViewState(panel, Clean(main.InnerHtml), await PageAsync($"/resultat/{wave.WaveId}/svar.csv?{query}"), crossTabs);
    }

    private async Task<string> PageAsync(string path)
    {
        if (_pages.TryGetValue(path, out var cached)) return cached;
        var page = await fixture.Analyst.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return _pages[path] = page.Html;
    }

    private async Task<string> WorkbookTextAsync(string path)
    {
        using var response = await fixture.Analyst.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new SurveyApp.Tests.Export.Workbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var text = new StringBuilder();
        foreach (var sheet in workbook.SheetNames)
        {
            text.AppendLine($"# {sheet}");
            foreach (var row in workbook.Rows(sheet))
            {
                text.AppendLine(string.Join("|", row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => workbook.TextOf(c))));
            }
        }
        return text.ToString();
    }

    private static string FilterPanel(string html) => FilterPanel(MainOf(html));

    /// <summary>Each type's checkbox state and the note on hidden types, in a fixed order; the category list is the same on every page.</summary>
    private static string FilterPanel(IElement main)
    {
        var form = main.QuerySelector(".filter-panel");
        if (form is null) return "(no filter panel)";
        var boxes = form.QuerySelectorAll("input[type=checkbox]")
            .Select(b => $"{b.Closest("label")?.TextContent.Trim()}:{(b.HasAttribute("disabled") ? "disabled" : "enabled")}:{(b.HasAttribute("checked") ? "checked" : "")}")
            .Order(StringComparer.Ordinal);
        var note = form.QuerySelector(".filter-panel__note")?.TextContent ?? "";
        var dimension = form.QuerySelector(".filter-panel__dimension input")?.GetAttribute("value") ?? "";
        return $"dimension:{dimension};" + string.Join(";", boxes) + " note:" + SortList(note);
    }

    /// <summary>The cross-tab's columns as header and cells, in a fixed order, with the caption and note.</summary>
    private static CrossTabState CrossTabPage(string html)
    {
        var main = MainOf(Regex.Replace(html, "<br ?/?>", "\n"));
        var table = main.QuerySelector("table");
        if (table is null) return new CrossTabState(Clean(main.TextContent), []);
        var rows = table.QuerySelectorAll("tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        var columns = Enumerable.Range(1, rows[0].Count - 1)
            .Select(i => (rows[0][i], string.Join("|", rows.Skip(1).Select(r => i < r.Count ? r[i] : ""))))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
        return new CrossTabState($"{table.QuerySelector("caption")?.TextContent}\n{main.QuerySelector("p.results-base")?.TextContent}", columns);
    }

    private static IElement MainOf(string html)
    {
        var document = Parser.ParseDocument(html);
        return document.QuerySelector("main") ?? document.Body!;
    }

    private static string Clean(string html) =>
        Regex.Replace(Regex.Replace(html, "<!--.*?-->", "", RegexOptions.Singleline), "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");

    /// <summary>The filter panel with two type names exchanged, its entries in order again.</summary>
    private static string SwapPanel(string panel, string a, string b)
    {
        var parts = Swap(panel, a, b).Split(" note:");
        var entries = parts[0].Split(';');
        return entries[0] + ";" + string.Join(";", entries.Skip(1).Order(StringComparer.Ordinal)) + " note:" + SortList(parts[1]);
    }

    /// <summary>Exchanges two type names, so a view of one can be compared with the same view of the other.</summary>
    private static string Swap(string text, string from, string to) =>
        Regex.Replace(text, $@"(?<![\p{{L}}-])({Regex.Escape(from)}|{Regex.Escape(to)})(?![\p{{L}}-])", m => m.Value == from ? to : from);

    private static string SortList(string note)
    {
        var match = Regex.Match(note, @"^(.*?:\s*)(.*?)(\.?)$", RegexOptions.Singleline);
        return match.Success
            ? match.Groups[1].Value + string.Join(", ", match.Groups[2].Value.Split(", ").Order(StringComparer.Ordinal)) + match.Groups[3].Value
            : note;
    }

    private static IEnumerable<List<string>> Subsets(IReadOnlyList<string> items) =>
        Enumerable.Range(0, 1 << items.Count).Select(mask => items.Where((_, i) => (mask & (1 << i)) != 0).ToList());

    private static string Describe(IReadOnlyList<string> types) => types.Count == 0 ? "all types" : string.Join("+", types);

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        static string Around(string s, int at) => s.Substring(Math.Max(0, at - 80), Math.Min(s.Length - Math.Max(0, at - 80), 200)).Replace("\n", "⏎");
        return $"\n    A: …{Around(a, i)}…\n    B: …{Around(b, i)}…";
    }
}
