using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>The app with the model survey and its 17 demo responses, shared by the read-only export tests.</summary>
public sealed class ExportFixture : IDisposable
{
    public SurveyAppFactory App { get; } = new(demoResponses: true);

    public ResponseExport Export => ActivatorUtilities.CreateInstance<ResponseExport>(App.Services);

    public int Wave2013 => WaveId(App, "Uppföljning december 2013");

    public static int WaveId(SurveyAppFactory app, string name) =>
        app.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult().Single(w => w.WaveName == name).WaveId;

    /// <summary>Downloads an export as an analyst, checks its type and keeps it as a file with the given extension.</summary>
    public async Task<string> DownloadAsync(string path, string contentType, string extension)
    {
        using var analyst = await App.SignedInClientAsync("analyst");
        using var response = await analyst.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var file = Path.Combine(App.Folder, $"download-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    public void Dispose() => App.Dispose();
}

/// <summary>The raw responses of the model survey's demo data as a workbook and as CSV.</summary>
public sealed class ResponseExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Arvika2 = "Utbyte av tankar med andra kommuner, landsting och regioner.";

    private async Task<(Workbook Workbook, ExportResult Result)> WorkbookAsync(ResultsFilter filter)
    {
        var stream = new MemoryStream();
        var result = await fixture.Export.WriteWorkbookAsync(fixture.Wave2013, filter, stream);
        return (new Workbook(stream), result!);
    }

    private async Task<(byte[] Bytes, ExportResult Result)> CsvAsync(ResultsFilter filter, char delimiter)
    {
        using var stream = new MemoryStream();
        var result = await fixture.Export.WriteCsvAsync(fixture.Wave2013, filter, stream, delimiter);
        return (stream.ToArray(), result!);
    }

    [Fact]
    public async Task AWaveLargerThanASheetGetsNoResponseRowsButSaysWhereTheyAreAndStaysAValidWorkbook()
    {
        // Excel's 1,048,576 rows, lowered to what the 2013 wave exceeds: 17 responses and 10 rows a sheet.
        var export = fixture.Export;
        export.SheetRows = 10;
        var stream = new MemoryStream();
        using (UiCulture.Swedish())
        {
            await export.WriteWorkbookAsync(fixture.Wave2013, ResultsFilter.None, stream);
        }
        using var workbook = new Workbook(stream);

        Assert.Empty(workbook.ValidationErrors());
        Assert.Single(workbook.Rows("Svar"));
        Assert.Single(workbook.Rows("Svar (etiketter)"));
        var summary = workbook.Rows("Sammanfattning").Select(r => string.Join("|", r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf))).ToList();
        Assert.Contains("Svar i urvalet|17", summary);
        Assert.Contains(summary, r => r.StartsWith("Obs|Urvalet har 17 svar, fler än ett Excel-blad rymmer (9 rader under rubriken)", StringComparison.Ordinal));
        // The question sheets count every response still.
        Assert.Equal("17", workbook.Text("f1 Hade ni tackat ja till att i", "B10"));
    }

    [Fact]
    public async Task OpenAnswersBeyondASheetAreCountedAndLeftToTheCsv()
    {
        var export = fixture.Export;
        var all = 0;
        using (var whole = new Workbook(await WriteAsync(export)))
        {
            all = whole.Rows("Fritext").Count - 1;
        }
        // Room for the responses (17) but not for every open answer.
        export.SheetRows = 20;
        Assert.True(all > 19, $"{all} open answers");
        using var workbook = new Workbook(await WriteAsync(export));

        Assert.Equal(20, workbook.Rows("Fritext").Count);
        Assert.Equal(18, workbook.Rows("Svar").Count);
        var summary = workbook.Rows("Sammanfattning").Select(r => string.Join("|", r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf))).ToList();
        Assert.Contains($"Obs|Fritext rymmer de första 19 öppna svaren; {all - 19} till finns i CSV-filen.", summary);

        async Task<MemoryStream> WriteAsync(SurveyApp.Export.ResponseExport writer)
        {
            var stream = new MemoryStream();
            using (UiCulture.Swedish())
            {
                await writer.WriteWorkbookAsync(fixture.Wave2013, ResultsFilter.None, stream);
            }
            return stream;
        }
    }

    private static List<string[]> ParseCsv(byte[] bytes, char delimiter)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString(), HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    [Fact]
    public async Task TheWorkbookPassesTheOpenXmlValidator()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            workbook.AssertValid();
        }
    }

    [Fact]
    public async Task TheWorkbookHasTheSummaryQuestionSheetsResponsesOpenAnswersAndCodebook()
    {
        var (workbook, result) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            Assert.Equal(["Sammanfattning", "f1 Hade ni tackat ja till att i", "f5 I vilken grad har ni gått vi", "f7 Är innebörden av beslutet at", "f8 Har arbetet med Samlingen va", "f9 I vilken grad har arbetet me", "Svar", "Svar (etiketter)", "Fritext", "Kodbok"], workbook.SheetNames);
            Assert.Equal(workbook.SheetNames, result.Sheets);
        }
    }

    [Fact]
    public async Task SvarHasOneRowPerSubmittedResponseAndAColumnPerAnswer()
    {
        var (workbook, result) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            Assert.Equal(17, result.Responses);
            Assert.False(result.Suppressed);
            Assert.Equal(18, workbook.Rows("Svar").Count);
            Assert.Equal(18, workbook.Rows("Svar (etiketter)").Count);
            Assert.Equal(
                ["Svar nr", "Deltagartyp", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "framgangsfaktorer", "hinder.1", "hinder.2", "hinder.3", "skl-stod"],
                workbook.Row("Svar", 1).Values);
            Assert.Equal(Enumerable.Range(1, 17).Select(n => n.ToString(CultureInfo.InvariantCulture)),
                Enumerable.Range(2, 17).Select(r => workbook.Text("Svar", $"A{r}")));
        }
    }

    [Fact]
    public async Task TheWorkbookIsInTheLanguageOfTheRequest()
    {
        using var culture = SurveyApp.Tests.Support.UiCulture.English();

        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);

        using (workbook)
        {
            Assert.Equal(["Summary", "Responses", "Responses (labels)", "Open answers", "Codebook"], workbook.SheetNames.Where(n => !n.StartsWith('f')));
            Assert.Equal("Participant type", workbook.Text("Responses", "B1"));
        }
    }

    [Fact]
    public async Task FritextListsTheOpenAnswersWithTheirResponseNumberAndCategories()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            var rows = workbook.Rows("Fritext").Skip(1).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf).ToList()).ToList();

            Assert.Equal(17, rows.Count(r => r[2] == "f2"));
            var arvika = rows.First(r => r[2] == "f2" && r[4] == Arvika2);
            Assert.Equal(["1", "kommun"], arvika.Take(2));
            Assert.Equal("Kunskaps- och erfarenhetsutbyte", arvika[5]);
            Assert.Equal(13, rows.Where(r => r[2] == "hinder").Select(r => r[0]).Distinct().Count());
        }
    }

    [Fact]
    public async Task ParticipantTypesTooRareToShowAreNotNamed()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            var column = workbook.Column("Svar", "Deltagartyp");
            var types = Enumerable.Range(2, 17).Select(row => workbook.Text("Svar", column + row)).ToList();

            Assert.Equal(10, types.Count(t => t == "kommun"));
            Assert.Equal(7, types.Count(t => t == "–")); // landsting 4, region 2, regionförbund 1
            Assert.DoesNotContain("regionförbund", types);
        }
    }

    [Fact]
    public async Task TheFirstResponseCarriesArvikasCodesAsNumbersAndTexts()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            string At(string header) => workbook.Text("Svar", workbook.Column("Svar", header) + "2")!;

            Assert.Equal("kommun", At("Deltagartyp"));
            Assert.Equal("ja_helt_sakert", At("f1"));
            Assert.Equal(Arvika2, At("f2"));
            Assert.Equal(["3", "2", "2", "3"], new[] { "f5", "f7", "f8", "f9" }.Select(At));
            var f5 = workbook.Cell("Svar", workbook.Column("Svar", "f5") + "2")!;
            Assert.Null(f5.DataType); // a number, not text
            Assert.Equal("Begränsade ekonomiska resurser.", At("hinder.3"));
        }
    }

    [Fact]
    public async Task TheLabelsSheetShowsTheOptionsTextWithSwedishCharactersIntact()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            string At(string header) => workbook.Text("Svar (etiketter)", workbook.Column("Svar (etiketter)", header) + "2")!;

            Assert.Equal("Ja, helt säkert", At("f1"));
            Assert.Equal("Varken låg eller hög grad", At("f5"));
            Assert.Equal("Ja, i viss grad", At("f7"));
            Assert.Equal(Arvika2, At("f2"));
        }
    }

    [Fact]
    public async Task TheCodebookListsEveryCodeWithItsLabel()
    {
        var (workbook, _) = await WorkbookAsync(ResultsFilter.None);
        using (workbook)
        {
            var rows = workbook.Rows("Kodbok").Skip(1)
                .Select(r => Workbook.CellsOf(r)
                    .ToDictionary(c => new string(c.Reference.TakeWhile(char.IsLetter).ToArray()), c => workbook.TextOf(c.Cell)))
                .ToList();
            var f5 = rows.Where(r => r["A"] == "f5").ToList();

            Assert.Equal(["1", "2", "3", "4", "5", "ej_gatt_vidare"], f5.Select(r => r["F"]));
            Assert.Equal("Vi har ej gått vidare", f5[^1]["G"]);
            Assert.Equal("Ja", f5[^1]["I"]);
            Assert.Equal("I mycket hög grad", f5.Single(r => r["F"] == "5")["G"]);
            Assert.All(f5, r => Assert.StartsWith("Fråga 5. I vilken grad", r["C"]));
            Assert.Contains(rows, r => r["A"] == "hinder.3" && r["G"] == "(fritt svar)");
            Assert.Contains(rows, r => r["A"] == "Svar nr");
        }
    }

    [Fact]
    public async Task TheSummaryNamesTheSurveyWaveRateAndFilters()
    {
        var (workbook, _) = await WorkbookAsync(new ResultsFilter(["kommun"], null));
        using (workbook)
        {
            var summary = workbook.Rows("Sammanfattning").Skip(2).Select(r => workbook.Row("Sammanfattning", (int)r.RowIndex!.Value))
                .Where(r => r.ContainsKey("A")).ToDictionary(r => r["A"]!, r => r.GetValueOrDefault("B"));

            Assert.Equal("Uppföljning december 2013", summary["Omgång"]);
            Assert.Equal("20", summary["Inbjudna"]);
            Assert.Equal("17", summary["Inskickade svar"]);
            Assert.Equal(0.85, double.Parse(summary["Svarsfrekvens"]!, CultureInfo.InvariantCulture), 6);
            Assert.Equal("Deltagartyp: kommun", summary["Filter"]);
            Assert.Equal("10", summary["Svar i urvalet"]);
            Assert.Equal("5", summary["Minsta gruppstorlek"]);
            Assert.Contains("besvarat frågan", summary["Procentbas"]);
            Assert.Contains("Andel av skalsvar", summary["Procentbas"]);
        }
    }

    [Fact]
    public async Task ACategoryFilterIsNamedInTheSummary()
    {
        int categoryId;
        using (var db = fixture.App.CreateDbContext())
        {
            categoryId = db.Categories.Single(c => c.Name == "Kunskaps- och erfarenhetsutbyte").Id;
        }

        var (workbook, _) = await WorkbookAsync(new ResultsFilter([], categoryId));
        using (workbook)
        {
            var cells = workbook.Worksheet("Sammanfattning").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf);
            Assert.Contains("Kategori: Kunskaps- och erfarenhetsutbyte", cells);
        }
    }

    [Fact]
    public async Task AFilterKeepsOnlyTheResponsesInView()
    {
        var (workbook, result) = await WorkbookAsync(new ResultsFilter(["kommun"], null));
        using (workbook)
        {
            Assert.Equal(10, result.Responses);
            Assert.Equal(11, workbook.Rows("Svar").Count);
            Assert.All(Enumerable.Range(2, 10), r => Assert.Equal("kommun", workbook.Text("Svar", $"B{r}")));
        }
    }

    [Fact]
    public async Task AViewBelowTheMinimumGroupSizeExportsNoRowsAndSaysSo()
    {
        var (workbook, result) = await WorkbookAsync(new ResultsFilter(["landsting"], null));
        using (workbook)
        {
            workbook.AssertValid();
            Assert.True(result.Suppressed);
            Assert.Equal(0, result.Responses);
            Assert.Single(workbook.Rows("Svar"));
            Assert.Single(workbook.Rows("Svar (etiketter)"));
            var cells = workbook.Worksheet("Sammanfattning").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.TextOf).ToList();
            Assert.Contains("Dolt", cells);
            Assert.Contains(cells, c => c is not null && c.Contains("minsta gruppstorlek (5)", StringComparison.Ordinal));
            Assert.DoesNotContain("4", cells);
        }
    }

    [Fact]
    public async Task TheCsvStartsWithAByteOrderMarkAndHasAHeaderAndSeventeenRows()
    {
        var (bytes, result) = await CsvAsync(ResultsFilter.None, ';');

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        Assert.Equal(17, result.Responses);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(18, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var rows = ParseCsv(bytes, ';');
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.Equal(16, r.Length));
        Assert.Equal(["Svar nr", "Deltagartyp", "f1"], rows[0].Take(3));
    }

    [Fact]
    public async Task TheCsvHoldsTheSameCodesAsTheSvarSheetWithSwedishCharacters()
    {
        var (bytes, _) = await CsvAsync(ResultsFilter.None, ',');
        var rows = ParseCsv(bytes, ',');

        var first = rows[0].Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("1", first["Svar nr"]);
        Assert.Equal("kommun", first["Deltagartyp"]);
        Assert.Equal("3", first["f5"]);
        Assert.Equal(Arvika2, first["f2"]);
        Assert.Equal("Reselogistiken och tidsåtgången var ibland resurskrävande.", first["f3"]);
        Assert.Contains("\"" + Arvika2 + "\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task ASuppressedCsvHasTheHeaderOnly()
    {
        var (bytes, result) = await CsvAsync(new ResultsFilter(["region"], null), ';');

        Assert.True(result.Suppressed);
        Assert.Single(ParseCsv(bytes, ';'));
    }

    [Fact]
    public async Task AnUnknownWaveGivesNothing()
    {
        using var stream = new MemoryStream();

        Assert.Null(await fixture.Export.WriteWorkbookAsync(999_999, ResultsFilter.None, stream));
        Assert.Null(await fixture.Export.WriteCsvAsync(999_999, ResultsFilter.None, stream));
        Assert.Equal(0, stream.Length);
    }
}

/// <summary>An answer written to look like a formula stays text in both exports.</summary>
public sealed class HostileAnswerExportTests : IDisposable
{
    private const string Hostile = "=HYPERLINK(\"http://x\")";
    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public void Dispose() => _app.Dispose();

    private async Task<int> AddHostileResponseAsync()
    {
        var waveId = ExportFixture.WaveId(_app, "Uppföljning december 2013");
        await using var db = _app.CreateDbContext();
        var invitation = db.Invitations.Single(i => i.WaveId == waveId && i.Participant!.Name == "Tidaholms kommun");
        var f1 = db.Questions.Single(q => q.Key == "f1" && db.Sections.Any(s => s.Id == q.SectionId && db.Waves.Any(w => w.Id == waveId && w.SurveyId == s.SurveyId)));
        var f2 = db.Questions.Single(q => q.SectionId == f1.SectionId && q.Key == "f2");
        var now = DateTimeOffset.UtcNow;
        db.Responses.Add(new Response
        {
            InvitationId = invitation.Id, WaveId = waveId, ParticipantId = invitation.ParticipantId, StartedAt = now, UpdatedAt = now, SubmittedAt = now,
            Answers =
            [
                new Answer { WaveId = waveId, ParticipantId = invitation.ParticipantId, QuestionId = f1.Id, Code = "nej" },
                new Answer { WaveId = waveId, ParticipantId = invitation.ParticipantId, QuestionId = f2.Id, Text = Hostile },
            ],
        });
        await db.SaveChangesAsync();
        return waveId;
    }

    [Fact]
    public async Task AFormulaInAnAnswerIsAStringCellNeverAFormula()
    {
        var waveId = await AddHostileResponseAsync();
        var stream = new MemoryStream();

        var result = await ActivatorUtilities.CreateInstance<ResponseExport>(_app.Services).WriteWorkbookAsync(waveId, ResultsFilter.None, stream);

        using var workbook = new Workbook(stream);
        workbook.AssertValid();
        Assert.Equal(18, result!.Responses);
        var cell = workbook.Cell("Svar", workbook.Column("Svar", "f2") + "19")!;
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal(Hostile, workbook.TextOf(cell));
        Assert.Empty(workbook.Worksheet("Svar").Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
        Assert.Empty(workbook.Worksheet("Svar (etiketter)").Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
    }

    [Fact]
    public async Task AFormulaInAnAnswerGetsAnApostropheInTheCsv()
    {
        var waveId = await AddHostileResponseAsync();
        using var stream = new MemoryStream();

        await ActivatorUtilities.CreateInstance<ResponseExport>(_app.Services).WriteCsvAsync(waveId, ResultsFilter.None, stream, ',');

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n");
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=HYPERLINK", StringComparison.Ordinal));
    }
}
