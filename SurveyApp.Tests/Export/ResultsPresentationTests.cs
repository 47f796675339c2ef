using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Tests.Support;
using Xunit;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace SurveyApp.Tests.Export;

/// <summary>
/// The 2013 wave's results as a PowerPoint file: read back with the Open XML SDK (and its schema validator), printed to
/// PDF by LibreOffice Impress; a filter too small to show gives slides without numbers.
/// </summary>
public sealed class ResultsPresentationTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Slides = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private sealed record ReadSlide(IReadOnlyList<string> Texts, IReadOnlyList<IReadOnlyList<string>> Table, IReadOnlyList<double> PictureDpi);

    [Fact]
    public async Task ATitleSlideThenOneSlidePerQuestionWithItsChartAt300DpiItsTableAndItsBase()
    {
        string path;
        using (UiCulture.Swedish())
        {
            path = await WriteAsync(ResultsFilter.None);
        }

        var slides = Read(path, out var errors);

        Assert.Empty(errors);
        var survey = (await fixture.App.Services.GetRequiredService<SurveyApp.Storage.SurveyCatalog>().GetAsync(1))!;
        Assert.Equal(1 + survey.Questions.Count(), slides.Count);
        Assert.Equal(["Uppföljning av Samling för social hållbarhet", "Uppföljning december 2013", "17 av 20 har svarat (85 %)", "Inga (alla inskickade svar)"],
            slides[0].Texts.Select(t => t.Replace('\u00a0', ' ')));
        var f9 = slides[9];
        Assert.Equal("Fråga 9. I vilken grad har arbetet med Samlingen påverkat (eller kommer att påverka) prioriteringen av arbetet för social hållbarhet?", f9.Texts[0]);
        Assert.Equal(["Svar", "Antal", "Andel av svarande", "Andel av skalsvar"], f9.Table[0]);
        Assert.Equal(["I hög grad", "11", "65 %", "65 %"], f9.Table.Single(r => r[0] == "I hög grad").Select(c => c.Replace('\u00a0', ' ')));
        Assert.Contains("Bas: 17 besvarade frågan, 0 hoppade över den.", f9.Texts);
        Assert.Contains("Andel av svaren på skalan (n = 17)", f9.Texts);
        // Under them, the median and the top share, worded as the results page words them.
        Assert.Equal("Median: I hög grad (4). Andel i de två översta stegen: 71 %. Skalstatistiken bygger på 17 svar på skalan.",
            f9.Texts[^1].Replace('\u00a0', ' '));
        // Every question with something to draw has its chart, placed at 300 dpi (or more, where a tall one is shrunk).
        Assert.Equal(survey.Questions.Count(q => q.IsChoice) + 2, slides.Count(s => s.PictureDpi.Count == 1));
        Assert.All(slides.SelectMany(s => s.PictureDpi), dpi => Assert.InRange(dpi, 299, 900));
        Assert.Contains(slides, s => s.PictureDpi.Count == 1 && Math.Abs(s.PictureDpi[0] - 300) < 1);
    }

    [Fact]
    public async Task OnEverySlideTheChartAndTableStandAboveTheNotesAndTheNotesOnTheSlide()
    {
        string path;
        using (UiCulture.Swedish())
        {
            path = await WriteAsync(ResultsFilter.None);
        }

        using var document = PresentationDocument.Open(path, false);
        var presentation = document.PresentationPart!;
        var height = presentation.Presentation.SlideSize!.Cy!.Value;
        var checkedSlides = 0;
        foreach (var id in presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Skip(1))
        {
            var tree = ((SlidePart)presentation.GetPartById(id.RelationshipId!)).Slide.CommonSlideData!.ShapeTree!;
            var notes = tree.Elements<P.Shape>().Single(s => s.NonVisualShapeProperties!.NonVisualDrawingProperties!.Name == "Notes");
            var (notesTop, notesHeight) = (notes.ShapeProperties!.Transform2D!.Offset!.Y!.Value, notes.ShapeProperties.Transform2D.Extents!.Cy!.Value);
            var lines = notes.TextBody!.Elements<A.Paragraph>().Select(p => p.InnerText).ToList();
            // Room for every line, a long one counted as the lines it wraps to, and nothing below the slide's edge.
            Assert.True(notesHeight >= SlideDeckLines(lines) * 12 * 12700, $"{notesHeight} EMU for {lines.Count} lines");
            Assert.True(notesTop + notesHeight <= height);
            foreach (var picture in tree.Elements<P.Picture>())
            {
                Assert.True(picture.ShapeProperties!.Transform2D!.Offset!.Y!.Value + picture.ShapeProperties.Transform2D.Extents!.Cy!.Value <= notesTop);
            }
            foreach (var frame in tree.Elements<P.GraphicFrame>())
            {
                Assert.True(frame.Transform!.Offset!.Y!.Value + frame.Transform.Extents!.Cy!.Value <= notesTop);
            }
            checkedSlides++;
        }
        Assert.Equal(12, checkedSlides);
    }

    [Fact]
    public void ALongNoteIsGivenTheLinesItWrapsTo()
    {
        Assert.Equal(1, SlideDeckLines(["Bas: 17 besvarade frågan, 0 hoppade över den."]));
        Assert.Equal(3, SlideDeckLines([new string('x', 150), "kort"]));
    }

    private static int SlideDeckLines(IReadOnlyList<string> notes) => SurveyApp.Export.SlideDeck.NotesLines(notes);

    [Fact]
    public async Task LibreOfficePrintsEverySlide()
    {
        string path;
        using (UiCulture.Swedish())
        {
            path = await WriteAsync(ResultsFilter.None);
        }

        var pdf = await ExternalProgram.ToPdfAsync(path);

        Assert.Equal(13, await ExternalProgram.PdfPagesAsync(pdf));
        var text = await ExternalProgram.RunAsync("/usr/bin/pdftotext", pdf, "-");
        Assert.Contains("Uppföljning av Samling för social hållbarhet", text);
        Assert.Contains("Fråga 12.", text);
        Assert.Contains("I hög grad", text);
    }

    [Fact]
    public async Task AViewTooSmallToShowGivesSlidesWithoutNumbersAndTheDownloadIsLogged()
    {
        var path = await fixture.DownloadAsync($"/resultat/{fixture.Wave2013}/presentation.pptx?typ=landsting", Slides, "pptx");

        var slides = Read(path, out var errors);

        Assert.Empty(errors);
        Assert.Equal(2, slides.Count);
        Assert.Contains("Filter: Deltagartyp: landsting", slides[0].Texts);
        Assert.All(slides, s => Assert.Empty(s.Table));
        Assert.All(slides, s => Assert.Empty(s.PictureDpi));
        Assert.Contains(slides[1].Texts, t => t.Contains("färre svar än minsta gruppstorlek (5)", StringComparison.Ordinal));
        await using var db = fixture.App.CreateDbContext();
        Assert.Contains(db.AuditLog.Where(e => e.Action == SurveyApp.Domain.AuditActions.PresentationExported).Select(e => e.Details).ToList(), d => d == "typ=landsting; n=–");
    }

    [Fact]
    public async Task AComparisonGivesASlidePerQuestionWithBothWavesTheChangeAndTheTest()
    {
        var later = ExportFixture.WaveId(fixture.App, "Uppföljning 2015 (fiktiv)");
        // The waves in either order are compared earlier first, as on the comparison page.
        var path = await fixture.DownloadAsync($"/resultat/jamfor/presentation.pptx?a={later}&b={fixture.Wave2013}", Slides, "pptx");

        var slides = Read(path, out var errors);

        Assert.Empty(errors);
        var comparison = (await fixture.App.Services.GetRequiredService<ComparisonService>().CompareAsync(fixture.Wave2013, later, ResultsFilter.None))!;
        Assert.Equal(1 + comparison.Questions.Count, slides.Count);
        Assert.Contains($"Uppföljning december 2013 (17 svar) jämförd med Uppföljning 2015 (fiktiv) ({comparison.B.InView} svar).", slides[0].Texts);
        Assert.Equal(16, comparison.B.InView);
        var f5 = slides.Single(s => s.Texts[0].StartsWith("Fråga 5.", StringComparison.Ordinal));
        Assert.Equal(["Svar", "Uppföljning december 2013", "Uppföljning 2015 (fiktiv)", "Förändring"], f5.Table[0]);
        Assert.Single(f5.PictureDpi);
        Assert.Contains(f5.Texts, t => t.StartsWith("Wilcoxons teckenrangtest, 15 deltagare som svarat i båda omgångarna", StringComparison.Ordinal));
        var change = comparison.Questions.Single(q => q.Question.Key == "f5").Changes[0];
        Assert.Equal($"{SurveyApp.Analysis.Components.Format.Points(change.PercentagePoints)} p.e.", f5.Table[1][3]);
        await using var db = fixture.App.CreateDbContext();
        Assert.Contains(db.AuditLog.Where(e => e.Action == SurveyApp.Domain.AuditActions.PresentationExported).Select(e => e.Subject).ToList(),
            s => s == $"Uppföljning december 2013 ({fixture.Wave2013}) – Uppföljning 2015 (fiktiv) ({later})");
    }

    private async Task<string> WriteAsync(ResultsFilter filter)
    {
        var folder = Directory.CreateTempSubdirectory("surveyapp-slides-").FullName;
        var path = Path.Combine(folder, "presentation.pptx");
        await using (var file = File.Create(path))
        {
            Assert.NotNull(await fixture.Export.WritePresentationAsync(fixture.Wave2013, filter, file));
        }
        return path;
    }

    // Each slide's paragraphs outside tables, its table's cells, and each picture's resolution as placed.
    private static List<ReadSlide> Read(string path, out IReadOnlyList<string> errors)
    {
        using var document = PresentationDocument.Open(path, false);
        errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        var presentation = document.PresentationPart!;
        var slides = new List<ReadSlide>();
        foreach (var id in presentation.Presentation.SlideIdList!.Elements<P.SlideId>())
        {
            var part = (SlidePart)presentation.GetPartById(id.RelationshipId!);
            var tree = part.Slide.CommonSlideData!.ShapeTree!;
            var texts = tree.Elements<P.Shape>().SelectMany(s => s.TextBody!.Elements<A.Paragraph>()).Select(p => p.InnerText).ToList();
            var table = tree.Descendants<A.Table>().SelectMany(t => t.Elements<A.TableRow>())
                .Select(r => (IReadOnlyList<string>)r.Elements<A.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            var dpi = tree.Elements<P.Picture>().Select(picture =>
            {
                var image = (ImagePart)part.GetPartById(picture.BlipFill!.Blip!.Embed!);
                using var stream = image.GetStream();
                var header = new byte[24];
                stream.ReadExactly(header);
                var pixels = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4));
                var inches = picture.ShapeProperties!.Transform2D!.Extents!.Cx!.Value / 914400.0;
                return pixels / inches;
            }).ToList();
            slides.Add(new ReadSlide(texts, table, dpi));
        }
        return slides;
    }
}
