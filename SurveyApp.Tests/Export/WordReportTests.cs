using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>
/// The Word report draft of the 2013 wave, read back by python-docx (Debian's python3-docx) as a report author's
/// tools would, and printed to PDF by LibreOffice; a filter too small to show gives a report without numbers.
/// </summary>
public sealed class WordReportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Python = "/usr/bin/python3";
    private const string Script = """
        import json, sys, docx
        from docx.shared import Emu
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(sys.argv[1])
        # Each table under the question heading it follows.
        tables, heading = [], None
        for element in d.element.body.iterchildren():
            if element.tag.endswith('}p') and Paragraph(element, d).style.name == "Heading 2":
                heading = Paragraph(element, d).text
            elif element.tag.endswith('}tbl'):
                tables.append({"question": heading, "rows": [[c.text for c in r.cells] for r in Table(element, d).rows]})
        def styled(name): return [p.text for p in d.paragraphs if p.style.name == name]
        shapes = []
        for s in d.inline_shapes:
            blip = s._inline.graphic.graphicData.pic.blipFill.blip
            image = d.part.related_parts[blip.embed].image
            shapes.append({"px": image.px_width, "inches": Emu(s.width).inches, "name": s._inline.docPr.get("descr")})
        print(json.dumps({
            "title": styled("Title"), "subtitle": styled("Subtitle"), "h1": styled("Heading 1"), "h2": styled("Heading 2"),
            "captions": styled("Caption"), "bases": styled("Base"),
            "tables": tables,
            "shapes": shapes,
            "text": "\n".join(p.text for p in d.paragraphs),
        }, ensure_ascii=False))
        """;

    [Fact]
    public async Task TheReportHasAHeadingPerSectionAndPerQuestionEachChartAt300DpiWithItsCaptionTableAndBase()
    {
        JsonElement read;
        using (UiCulture.Swedish())
        {
            read = await ReadAsync(await WriteAsync(ResultsFilter.None));
        }

        Assert.Equal(["Uppföljning av Samling för social hållbarhet"], Strings(read, "title"));
        Assert.Equal(["Uppföljning december 2013"], Strings(read, "subtitle"));
        Assert.Contains("17 av 20 har svarat (85 %)", read.GetProperty("text").GetString());
        var survey = (await fixture.App.Services.GetRequiredService<SurveyApp.Storage.SurveyCatalog>().GetAsync(1))!;
        Assert.Equal(survey.Sections.OrderBy(s => s.Position).Select(s => s.Title), Strings(read, "h1"));
        var h2 = Strings(read, "h2");
        Assert.Equal(survey.Questions.Count(), h2.Count);
        Assert.Equal("Fråga 9. I vilken grad har arbetet med Samlingen påverkat (eller kommer att påverka) prioriteringen av arbetet för social hållbarhet?", h2[8]);
        Assert.Equal(h2.Count, Strings(read, "bases").Count(b => b.StartsWith("Bas: ", StringComparison.Ordinal)));
        // Under a scale question's table, its median and the share at the top, as the page gives them: Fråga 9, 12 of 17 in the top two steps.
        Assert.Contains("Median: I hög grad (4). Andel i de två översta stegen: 71 %. Skalstatistiken bygger på 17 svar på skalan.",
            Strings(read, "bases").Select(b => b.Replace('\u00a0', ' ')));

        // One chart per question with something to draw, each with its caption, placed at 300 dpi.
        var shapes = read.GetProperty("shapes").EnumerateArray().ToList();
        var captions = Strings(read, "captions");
        Assert.Equal(shapes.Count, captions.Count);
        Assert.Equal(Enumerable.Range(1, captions.Count).Select(i => $"Figur {i}."), captions.Select(c => c.Split(' ')[0] + " " + c.Split(' ')[1]));
        Assert.All(shapes, s => Assert.InRange(s.GetProperty("px").GetInt32() / s.GetProperty("inches").GetDouble(), 295, 305));
        Assert.Contains(shapes, s => s.GetProperty("name").GetString()!.StartsWith("Fråga 9.", StringComparison.Ordinal));

        // The tables are Word tables with the page's figures: Fråga 9, I hög grad: 11 (65 %).
        var tables = read.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("question").GetString()!,
            t => t.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList());
        var f9 = tables[h2[8]];
        Assert.Equal(["Svar", "Antal", "Andel av svarande", "Andel av skalsvar"], f9[0]);
        Assert.Equal("11", f9.Single(r => r[0] == "I hög grad")[1]);
        Assert.Equal("65 %", f9.Single(r => r[0] == "I hög grad")[2].Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task LibreOfficePrintsTheReportWithEveryQuestion()
    {
        string docx;
        using (UiCulture.Swedish())
        {
            docx = await WriteAsync(ResultsFilter.None);
        }
        var pdf = await ExternalProgram.ToPdfAsync(docx);

        var pages = await ExternalProgram.PdfPagesAsync(pdf);
        var text = await ExternalProgram.RunAsync("/usr/bin/pdftotext", pdf, "-");
        Assert.InRange(pages, 3, 12);
        foreach (var number in Enumerable.Range(1, 12))
        {
            Assert.Contains($"Fråga {number}.", text);
        }
        Assert.Contains("Figur 1.", text);
    }

    [Fact]
    public async Task AViewTooSmallToShowGivesAReportWithoutNumbersAndTheDownloadIsLogged()
    {
        var path = await fixture.DownloadAsync($"/resultat/{fixture.Wave2013}/rapport.docx?typ=landsting",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

        var read = await ReadAsync(path);

        Assert.Empty(read.GetProperty("tables").EnumerateArray());
        Assert.Empty(read.GetProperty("shapes").EnumerateArray());
        Assert.Empty(Strings(read, "h2"));
        Assert.Contains("färre svar än minsta gruppstorlek (5)", read.GetProperty("text").GetString());
        Assert.Contains("Deltagartyp: landsting", read.GetProperty("text").GetString());
        await using var db = fixture.App.CreateDbContext();
        Assert.Contains(db.AuditLog.Where(e => e.Action == SurveyApp.Domain.AuditActions.ReportExported).Select(e => e.Details).ToList(), d => d == "typ=landsting; n=–");
    }

    private async Task<string> WriteAsync(ResultsFilter filter)
    {
        var folder = Directory.CreateTempSubdirectory("surveyapp-report-").FullName;
        var path = Path.Combine(folder, "rapport.docx");
        await using (var file = File.Create(path))
        {
            Assert.NotNull(await fixture.Export.WriteReportAsync(fixture.Wave2013, filter, file));
        }
        return path;
    }

    private static async Task<JsonElement> ReadAsync(string docx)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing.");
        var script = Path.Combine(Path.GetDirectoryName(docx)!, $"read-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        var output = await ExternalProgram.RunAsync(Python, script, docx);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement read, string name) =>
        read.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();
}
