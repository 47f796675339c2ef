using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Statistics;
using SurveyApp.Domain;
using SurveyApp.Export;
using Xunit;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using SheetNames = SurveyApp.Export.SheetNames;

namespace SurveyApp.Tests.Export;

/// <summary>The per-question sheets with their native charts, from the demo data and from made-up results.</summary>
public sealed partial class QuestionSheetsTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Python = "/usr/bin/python3";

    private async Task<WaveResults> Results2013Async() =>
        (await fixture.App.Services.GetRequiredService<WaveResultsQuery>().GetAsync(fixture.Wave2013, ResultsFilter.None))!;

    private static MemoryStream Write(WaveResults results, out IReadOnlyList<string> names)
    {
        var stream = new MemoryStream();
        using (var package = new XlsxPackageWriter(stream))
        {
            using (var first = package.AddWorksheet("Sammanfattning", new WorksheetLayout()))
            {
                first.WriteRow("x");
            }
            names = QuestionSheets.Write(package, results);
            package.Complete();
        }
        stream.Position = 0;
        return stream;
    }

    private async Task<(Workbook Workbook, IReadOnlyList<string> Names, WaveResults Results)> DemoAsync()
    {
        var results = await Results2013Async();
        var stream = Write(results, out var names);
        return (new Workbook(stream), names, results);
    }

    [Fact]
    public async Task TheWorkbookWithChartsPassesTheOpenXmlValidator()
    {
        var (workbook, _, _) = await DemoAsync();
        using (workbook)
        {
            workbook.AssertValid();
        }
    }

    [Fact]
    public async Task EveryChoiceQuestionGetsASheetNamedFromItsKeyAndText()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var choice = results.Questions.Where(q => q.Question.IsChoice).Select(q => q.Question).ToList();
            Assert.Equal(["f1", "f5", "f7", "f8", "f9"], choice.Select(q => q.Key));
            Assert.Equal(choice.Select(q => SheetNames.Clean($"{q.Key} {q.Text}")), names);
            Assert.Equal(["Sammanfattning", .. names], workbook.SheetNames);
            Assert.Equal("f5 I vilken grad har ni gått vi", names[1]);
            Assert.All(names, n => Assert.True(n.Length <= SheetNames.MaxLength, n));
        }
    }

    [Fact]
    public async Task TheF9TableHoldsCountsAndPercentStyledShares()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var sheet = names.Single(n => n.StartsWith("f9 ", StringComparison.Ordinal));
            var f9 = results.Questions.Single(q => q.Question.Key == "f9").Question;
            Assert.Equal($"Fråga 9. {f9.Text}", workbook.Text(sheet, "A1"));
            Assert.Equal(["Svar", "Antal", "Andel av svarande", "Andel av skalsvar"], workbook.Row(sheet, 3).Values);
            var row = workbook.Rows(sheet).Single(r => r.Elements<Cell>().Select(workbook.TextOf).FirstOrDefault() == "I hög grad");
            var cells = row.Elements<Cell>().ToList();
            Assert.Null(cells[1].DataType);
            Assert.Equal("11", cells[1].CellValue!.Text);
            foreach (var share in cells.Skip(2))
            {
                Assert.Null(share.DataType);
                Assert.Equal(11d / 17, double.Parse(share.CellValue!.Text, CultureInfo.InvariantCulture), 12);
                Assert.Equal(9u, Format(workbook, share).NumberFormatId!.Value);
            }
            var bold = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
                .ElementAt((int)Format(workbook, workbook.Cell(sheet, "A1")!).FontId!.Value);
            Assert.NotNull(bold.Bold);
        }
    }

    [Fact]
    public async Task TheBaseLinesFollowTheTable()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var sheet = names.Single(n => n.StartsWith("f9 ", StringComparison.Ordinal));
            var main = results.Questions.Single(q => q.Question.Key == "f9").Main;
            var lines = workbook.Rows(sheet).Select(r => r.Elements<Cell>().Select(workbook.TextOf).ToList()).Where(c => c.Count > 0).ToDictionary(c => c[0]!, c => c);
            Assert.Equal(main.Answered.ToString(CultureInfo.InvariantCulture), lines["Besvarade"][1]);
            Assert.Equal(main.Skipped.ToString(CultureInfo.InvariantCulture), lines["Hoppade över"][1]);
            Assert.Equal(main.NotShown > 0, lines.ContainsKey("Fick inte frågan"));
            Assert.Equal(main.Scale!.Median!.Value, double.Parse(lines["Median"][1]!, CultureInfo.InvariantCulture));
            Assert.Equal(main.Scale.TopTwoShare!.Value, double.Parse(lines["Andel i de två översta stegen"][1]!, CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public async Task EachQuestionSheetHasExactlyOneChartThroughItsDrawing()
    {
        var (workbook, names, _) = await DemoAsync();
        using (workbook)
        {
            foreach (var name in names)
            {
                var part = WorksheetPart(workbook, name);
                Assert.NotNull(part.Worksheet.GetFirstChild<Drawing>());
                Assert.Single(part.DrawingsPart!.ChartParts);
                Assert.Equal("application/vnd.openxmlformats-officedocument.drawing+xml", part.DrawingsPart.ContentType);
                Assert.Equal("application/vnd.openxmlformats-officedocument.drawingml.chart+xml", part.DrawingsPart.ChartParts.Single().ContentType);
            }
            Assert.Null(WorksheetPart(workbook, "Sammanfattning").DrawingsPart);
        }
    }

    [Fact]
    public async Task AScaleQuestionIsAStackedBarWithOneSeriesPerStep()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var sheet = names.Single(n => n.StartsWith("f9 ", StringComparison.Ordinal));
            var chart = Chart(workbook, sheet);
            var bar = chart.Descendants<C.BarChart>().Single();
            Assert.Equal(C.BarDirectionValues.Bar, bar.BarDirection!.Val!.Value);
            Assert.Equal(C.BarGroupingValues.PercentStacked, bar.BarGrouping!.Val!.Value);
            var series = bar.Elements<C.BarChartSeries>().ToList();
            var main = results.Questions.Single(q => q.Question.Key == "f9").Main;
            Assert.Equal(main.Choices.Where(c => !c.IsOffScale).Select(c => c.Label), series.Select(s => s.SeriesText!.StringReference!.StringCache!.Descendants<C.NumericValue>().Single().Text));
            var high = series.Single(s => s.SeriesText!.StringReference!.StringCache!.InnerText == "I hög grad");
            Assert.Equal($"'{sheet}'!$D$7", high.GetFirstChild<C.Values>()!.NumberReference!.Formula!.Text);
            Assert.Equal(11d / 17, double.Parse(high.GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Single().Text, CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public async Task ASingleChoiceQuestionIsAClusteredBarOfTheShareOfRespondentsWithEveryAnswerAsOnThePage()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var sheet = names.Single(n => n.StartsWith("f1 ", StringComparison.Ordinal));
            var bar = Chart(workbook, sheet).Descendants<C.BarChart>().Single();
            Assert.Equal(C.BarDirectionValues.Bar, bar.BarDirection!.Val!.Value);
            Assert.Equal(C.BarGroupingValues.Clustered, bar.BarGrouping!.Val!.Value);
            var series = bar.Elements<C.BarChartSeries>().Single();
            var choices = results.Questions.Single(q => q.Question.Key == "f1").Main.Choices;
            var onScale = choices.Count(c => !c.IsOffScale);
            // "Vet ej", listed under its own heading in the table, is a bar of the chart as on the results page.
            Assert.Equal(1, choices.Count(c => c.IsOffScale));
            Assert.Equal($"('{sheet}'!$A$4:$A${3 + onScale},'{sheet}'!$A${5 + onScale}:$A${5 + onScale})",
                series.GetFirstChild<C.CategoryAxisData>()!.StringReference!.Formula!.Text);
            Assert.Equal($"('{sheet}'!$C$4:$C${3 + onScale},'{sheet}'!$C${5 + onScale}:$C${5 + onScale})",
                series.GetFirstChild<C.Values>()!.NumberReference!.Formula!.Text);
            Assert.Equal(choices.Select(c => c.Label), series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.NumericValue>().Select(v => v.Text));
            Assert.Equal("Vet ej", workbook.Text(sheet, $"A{5 + onScale}"));
            Assert.Equal(["Svar", "Antal", "Andel av svarande"], workbook.Row(sheet, 3).Values);
        }
    }

    [Fact]
    public async Task EverySeriesFormulaPointsAtItsOwnSheetAndItsCacheMatchesTheCells()
    {
        var (workbook, names, _) = await DemoAsync();
        using (workbook)
        {
            foreach (var name in names) AssertSeriesMatchCells(workbook, name);
        }
    }

    [Fact]
    public void ASheetNameWithAnApostropheIsQuotedAndALongTextTrimmed()
    {
        var results = Made(Likert("f'2", "Kommunens 'egna' åtgärder för social hållbarhet i länet och regionen"));
        using var workbook = new Workbook(Write(results, out var names));

        workbook.AssertValid();
        var name = Assert.Single(names);
        Assert.Equal("f'2 Kommunens 'egna' åtgärder f", name);
        Assert.Equal(SheetNames.MaxLength, name.Length);
        var series = Chart(workbook, name).Descendants<C.BarChartSeries>().First();
        Assert.Equal("'f''2 Kommunens ''egna'' åtgärder f'!$D$4", series.GetFirstChild<C.Values>()!.NumberReference!.Formula!.Text);
        AssertSeriesMatchCells(workbook, name);
    }

    [Fact]
    public void AMatrixHasItemsAsRowsAndOneStackedBarPerItem()
    {
        var results = Made(Matrix());
        using var workbook = new Workbook(Write(results, out var names));

        workbook.AssertValid();
        var name = Assert.Single(names);
        Assert.Equal(["Antal", "Låg", "Mellan", "Hög", "Vet ej", "Besvarade", "Hoppade över", "Fick inte frågan"], workbook.Row(name, 3).Values);
        Assert.Equal(["Ledning", "2", "3", "5", "1", "11", "1", "2"], workbook.Row(name, 4).Values);
        Assert.Equal(["Andel av skalsvar", "Låg", "Mellan", "Hög", "Median", "Andel i det översta steget (Hög)", "Svar på skalan"], workbook.Row(name, 11).Values);
        Assert.Equal(0.5, double.Parse(workbook.Text(name, "D12")!, CultureInfo.InvariantCulture), 12);
        var bar = Chart(workbook, name).Descendants<C.BarChart>().Single();
        Assert.Equal(C.BarGroupingValues.PercentStacked, bar.BarGrouping!.Val!.Value);
        var series = bar.Elements<C.BarChartSeries>().ToList();
        Assert.Equal(3, series.Count);
        Assert.Equal($"'{name}'!$A$12:$A$13", series[0].GetFirstChild<C.CategoryAxisData>()!.StringReference!.Formula!.Text);
        Assert.Equal($"'{name}'!$D$12:$D$13", series[2].GetFirstChild<C.Values>()!.NumberReference!.Formula!.Text);
        AssertSeriesMatchCells(workbook, name);
    }

    [Fact]
    public void AMultiQuestionNotesThatSharesAddUpToMoreThanAll()
    {
        var results = Made(Multi());
        using var workbook = new Workbook(Write(results, out var names));

        workbook.AssertValid();
        var name = Assert.Single(names);
        var texts = workbook.Rows(name).SelectMany(r => r.Elements<Cell>()).Select(workbook.TextOf).ToList();
        Assert.Contains(QuestionSheetTexts.MultiBase, texts);
        Assert.Contains("Utanför skalan", texts);
        Assert.Contains("Fick inte frågan", texts);
        Assert.Equal(C.BarGroupingValues.Clustered, Chart(workbook, name).Descendants<C.BarChart>().Single().BarGrouping!.Val!.Value);
        AssertSeriesMatchCells(workbook, name);
    }

    [Fact]
    public void SuppressedResultsGetNoSheets()
    {
        var results = Made(Likert("f5", "Fråga")) with { Suppressed = true };
        using var workbook = new Workbook(Write(results, out var names));

        Assert.Empty(names);
        Assert.Equal(["Sammanfattning"], workbook.SheetNames);
    }

    [Fact]
    public async Task TheZipHoldsChartPartsLinkedFromTheDrawings()
    {
        var results = await Results2013Async();
        using var zip = new ZipArchive(Write(results, out _), ZipArchiveMode.Read);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Equal(5, entries.Count(e => ChartPath().IsMatch(e)));
        var types = Read(zip, "[Content_Types].xml");
        for (var sheet = 2; sheet <= 6; sheet++)
        {
            Assert.Contains($"../drawings/drawing{sheet}.xml", Read(zip, $"xl/worksheets/_rels/sheet{sheet}.xml.rels"), StringComparison.Ordinal);
            var target = Regex.Match(Read(zip, $"xl/drawings/_rels/drawing{sheet}.xml.rels"), @"Target=""\.\./charts/(chart\d+\.xml)""").Groups[1].Value;
            Assert.Contains($"xl/charts/{target}", entries);
            Assert.Contains($"/xl/charts/{target}", types, StringComparison.Ordinal);
            Assert.Contains($"/xl/drawings/drawing{sheet}.xml", types, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenpyxlAndPythonsZipfileSeeTheSheetsAndCharts()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; test.sh installs python3-openpyxl.");
        var results = await Results2013Async();
        var path = Path.Combine(fixture.App.Folder, $"questions-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            Write(results, out _).CopyTo(file);
        }
        const string script = """
            import json, re, sys, zipfile, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            name = [n for n in wb.sheetnames if n.startswith("f9 ")][0]
            ws = wb[name]
            row = [r for r in ws.iter_rows(min_row=4) if r[0].value == "I hög grad"][0]
            index = wb.sheetnames.index(name) + 1
            z = zipfile.ZipFile(sys.argv[1])
            sheet_rels = z.read("xl/worksheets/_rels/sheet%d.xml.rels" % index).decode()
            drawing = re.search(r'Target="\.\./drawings/(drawing\d+\.xml)"', sheet_rels).group(1)
            drawing_rels = z.read("xl/drawings/_rels/%s.rels" % drawing).decode()
            chart = re.search(r'Target="\.\./charts/(chart\d+\.xml)"', drawing_rels).group(1)
            xml = z.read("xl/charts/" + chart).decode()
            print(json.dumps({
                "count": row[1].value, "share": row[2].value, "format": row[2].number_format,
                "charts": len([n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]),
                "bar": 'c:barDir val="bar"' in xml, "stacked": 'c:grouping val="percentStacked"' in xml,
            }, ensure_ascii=False))
            """;
        var scriptPath = Path.Combine(fixture.App.Folder, $"charts-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, script);
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add(scriptPath);
        start.ArgumentList.Add(path);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);

        using var json = JsonDocument.Parse(output);
        var read = json.RootElement;
        Assert.Equal(11, read.GetProperty("count").GetInt32());
        Assert.Equal(11d / 17, read.GetProperty("share").GetDouble(), 12);
        Assert.Equal("0%", read.GetProperty("format").GetString());
        Assert.Equal(5, read.GetProperty("charts").GetInt32());
        Assert.True(read.GetProperty("bar").GetBoolean());
        Assert.True(read.GetProperty("stacked").GetBoolean());
    }

    // ---- Helpers ----

    [GeneratedRegex(@"^xl/charts/chart\d+\.xml$")]
    private static partial Regex ChartPath();

    [GeneratedRegex(@"^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$")]
    private static partial Regex Reference();

    private static string Read(ZipArchive zip, string path)
    {
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }

    private static CellFormat Format(Workbook workbook, Cell cell) =>
        workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static WorksheetPart WorksheetPart(Workbook workbook, string name)
    {
        var sheet = workbook.Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbook.Document.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static C.ChartSpace Chart(Workbook workbook, string sheet) =>
        WorksheetPart(workbook, sheet).DrawingsPart!.ChartParts.Single().ChartSpace;

    /// <summary>Every series' name, categories and values point at cells of this sheet, and the caches hold what the cells hold.</summary>
    private static void AssertSeriesMatchCells(Workbook workbook, string sheet)
    {
        var series = Chart(workbook, sheet).Descendants<C.BarChartSeries>().ToList();
        Assert.NotEmpty(series);
        foreach (var s in series)
        {
            foreach (var reference in new[] { s.SeriesText!.StringReference!, s.GetFirstChild<C.CategoryAxisData>()!.StringReference! })
            {
                var cells = Cells(workbook, sheet, reference.Formula!.Text);
                var cache = reference.StringCache!;
                Assert.Equal((uint)cells.Count, cache.PointCount!.Val!.Value);
                Assert.Equal(cells, cache.Elements<C.StringPoint>().Select(p => (string?)p.NumericValue!.Text));
            }
            var values = s.GetFirstChild<C.Values>()!.NumberReference!;
            var numbers = Cells(workbook, sheet, values.Formula!.Text);
            Assert.Equal((uint)numbers.Count, values.NumberingCache!.PointCount!.Val!.Value);
            Assert.Equal(
                numbers.Select(n => double.Parse(n!, CultureInfo.InvariantCulture)),
                values.NumberingCache.Elements<C.NumericPoint>().Select(p => double.Parse(p.NumericValue!.Text, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task ASegmentOfAStackedBarTooNarrowForItsLabelHasNone()
    {
        var (workbook, names, results) = await DemoAsync();
        using (workbook)
        {
            var sheet = names.Single(n => n.StartsWith("f5 ", StringComparison.Ordinal));
            var series = Chart(workbook, sheet).Descendants<C.BarChartSeries>().ToList();
            var f5 = results.Questions.Single(q => q.Question.Key == "f5").Main;
            foreach (var s in series)
            {
                var share = double.Parse(s.GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Single().Text, CultureInfo.InvariantCulture);
                var hidden = s.GetFirstChild<C.DataLabels>()?.Elements<C.DataLabel>().Where(l => l.GetFirstChild<C.Delete>()?.Val?.Value == true).ToList() ?? [];
                Assert.Equal(share < 0.05 ? 1 : 0, hidden.Count);
            }
            // The model wave's f5 has a step no one chose (0 %) beside one of 6 %: only the empty one loses its label.
            Assert.Contains(f5.Choices, c => !c.IsOffScale && c.Count == 0);
            Assert.Contains(series, s => s.GetFirstChild<C.DataLabels>() is null);
        }
    }

    /// <summary>
    /// The texts of the cells a one-column reference like 'Sheet'!$A$4:$A$8, or a list of them in brackets, names,
    /// after checking it names <paramref name="sheet"/>.
    /// </summary>
    private static List<string?> Cells(Workbook workbook, string sheet, string formula)
    {
        if (formula.StartsWith('(') && formula.EndsWith(')'))
        {
            return Regex.Split(formula[1..^1], @",(?=')").SelectMany(part => Cells(workbook, sheet, part)).ToList();
        }
        var match = Reference().Match(formula);
        Assert.True(match.Success, formula);
        Assert.Equal(sheet, match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        var column = match.Groups[2].Value;
        var first = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        var last = match.Groups[5].Success ? int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture) : first;
        if (match.Groups[4].Success) Assert.Equal(column, match.Groups[4].Value);
        return Enumerable.Range(first, last - first + 1).Select(row => workbook.Text(sheet, $"{column}{row}")).ToList();
    }

    private static Scale Scale3(bool bipolar) => new()
    {
        Key = "s3",
        Bipolar = bipolar,
        Steps = [new() { Value = 1, Label = "Låg", Position = 1 }, new() { Value = 2, Label = "Mellan", Position = 2 }, new() { Value = 3, Label = "Hög", Position = 3 }],
        OffScaleOptions = [new() { Code = "vetej", Label = "Vet ej", Position = 1 }],
    };

    private static Distribution ScaleDistribution(string? itemCode, string? itemText, int low, int mid, int high, int dontKnow, int skipped, int notShown)
    {
        var valid = low + mid + high;
        return new Distribution(itemCode, itemText, valid + dontKnow, skipped, notShown,
            [new("1", "Låg", 1, false, low), new("2", "Mellan", 2, false, mid), new("3", "Hög", 3, false, high), new("vetej", "Vet ej", null, true, dontKnow)],
            ScaleSummary.FromCounts(new Dictionary<int, int> { [1] = low, [2] = mid, [3] = high }, [1, 2, 3]));
    }

    private static QuestionResults Likert(string key, string text) =>
        new(new Question { Key = key, Text = text, Kind = QuestionKind.Likert, Scale = Scale3(bipolar: true) },
            [ScaleDistribution(null, null, 2, 3, 5, 1, 1, 0)], [], 0);

    /// <summary>Two statements on a three-step scale with "Vet ej" beside it; the second has no "Vet ej" and one skipped fewer.</summary>
    internal static QuestionResults Matrix() =>
        new(new Question
        {
            Key = "m1",
            Text = "Hur väl fungerar samverkan?",
            Kind = QuestionKind.Matrix,
            Scale = Scale3(bipolar: false),
            Items = [new() { Code = "a", Text = "Ledning", Position = 1 }, new() { Code = "b", Text = "=Politik", Position = 2 }],
        },
        [ScaleDistribution("a", "Ledning", 2, 3, 5, 1, 1, 2), ScaleDistribution("b", "=Politik", 0, 4, 4, 0, 0, 2)], [], 0);

    private static QuestionResults Multi() =>
        new(new Question { Key = "m2", Text = "Vilka stöd har ni använt?", Kind = QuestionKind.Multi },
            [new Distribution(null, null, 10, 2, 3,
                [new("a", "Handbok", null, false, 7), new("b", "Seminarier", null, false, 6), new("c", "Inget", null, true, 2)], null)], [], 0);

    private static WaveResults Made(params QuestionResults[] questions) =>
        new(new WaveSummary(1, "Omgång", 1, "Enkät", true, 20, 15),
            new Survey { Key = "s", Title = "Enkät" },
            ResultsFilter.None, 5, 15, false,
            [.. questions, new QuestionResults(new Question { Key = "fri", Text = "Fritext", Kind = QuestionKind.Text }, [], [], 3)]);
}
