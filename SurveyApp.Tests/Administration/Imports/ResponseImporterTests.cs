using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Imports;
using SurveyApp.Domain;

namespace SurveyApp.Tests.Administration.Imports;

/// <summary>Responses loaded from CSV: broken and hostile files are reported line by line and import nothing.</summary>
public sealed class ResponseImporterTests : IDisposable
{
    private const string Header = "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod";
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static string Row(string participant, string f1 = "nej", string f2 = "", string f5 = "4", string f6 = "Strategi") =>
        $"{participant},{f1},{f2},,,{f5},{f6},3,3,4,Stöd,Prioritering,,,";

    private async Task<(ImportResult Result, int Responses)> ImportAsync(byte[] file, Encoding? encoding = null)
    {
        int waveId;
        await using (var db = _app.CreateDbContext())
        {
            waveId = await db.Waves.Select(w => w.Id).SingleAsync();
        }
        using var reader = new StreamReader(new MemoryStream(file), encoding ?? new UTF8Encoding(false));
        var result = await _app.Services.GetRequiredService<ResponseImporter>().ImportAsync(waveId, reader);
        await using var after = _app.CreateDbContext();
        return (result, await after.Responses.CountAsync());
    }

    private static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    [Fact]
    public async Task AValidFileImportsEveryRowWithItsTextExactly()
    {
        var (result, responses) = await ImportAsync(Utf8(Header,
            Row("Arvika kommun", f2: "\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""),
            Row("Botkyrka kommun", f2: "<script>alert('x')</script>")));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(2, responses);
        await using var db = _app.CreateDbContext();
        var texts = await db.Answers.Where(a => a.Text != null).Select(a => a.Text).ToListAsync();
        Assert.Contains("=HYPERLINK(\"http://example.com\",\"x\")", texts);
        Assert.Contains("<script>alert('x')</script>", texts);
    }

    [Fact]
    public async Task ARowCutShortIsAProblemOnItsLineAndImportsNothing()
    {
        var (result, responses) = await ImportAsync(Utf8(Header, Row("Arvika kommun"), "Botkyrka kommun,nej"));

        Assert.False(result.Succeeded);
        Assert.Equal((3, "raden har 2 värden men rubrikraden har 15 kolumner"), (Assert.Single(result.Problems).Line, result.Problems[0].Message));
        Assert.Equal(0, responses);
    }

    [Fact]
    public async Task AFileInTheWrongEncodingIsRefusedAndImportsNothing()
    {
        var latin1 = Encoding.Latin1.GetBytes(string.Join("\n", Header, Row("Arvika kommun", f6: "Vi har tagit fram en strategi för jämlik hälsa")));

        var (result, responses) = await ImportAsync(latin1);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Line == 2 && p.Question == "f6" && p.Column == "f6" && p.Message.Contains("inte kunde läsas"));
        Assert.Equal(0, responses);
    }

    [Fact]
    public async Task UnknownCodesParticipantsColumnsAndDuplicateRowsAreReportedByLineAndNothingIsImported()
    {
        var (result, responses) = await ImportAsync(Utf8(Header + ",f99",
            Row("Arvika kommun") + ",x",
            Row("Botkyrka kommun", f1: "kanske") + ",",
            Row("<script>alert(1)</script>") + ",",
            Row("Arvika kommun") + ",",
            Row("Göteborgs stad", f5: "7") + ","));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Line == 1 && p.Message.Contains("f99"));
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Question == "f1" && p.Value == "kanske");
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Message.Contains("<script>alert(1)</script>"));
        Assert.Contains(result.Problems, p => p.Line == 5 && p.Message.Contains("Arvika kommun"));
        Assert.Contains(result.Problems, p => p.Line == 6 && p.Question == "f5" && p.Value == "7");
        Assert.Equal(0, responses);
    }

    [Fact]
    public async Task AFileWithoutAHeaderIsRefused()
    {
        var (result, responses) = await ImportAsync([]);

        Assert.False(result.Succeeded);
        Assert.Equal(0, responses);
    }

    [Fact]
    public async Task AParticipantIsFoundByItsCodeAndOnlyAmongTheSurveysLists()
    {
        await using (var db = _app.CreateDbContext())
        {
            (await db.Participants.SingleAsync(p => p.Name == "Arvika kommun")).Code = "1784";
            var other = new Survey { Key = "annan", Title = "En annan enkät" };
            db.Participants.Add(new Participant { List = new ParticipantList { Survey = other, Name = "Annan lista" }, Name = "Utomstående kommun", Type = "kommun" });
            await db.SaveChangesAsync();
        }

        var (refused, none) = await ImportAsync(Utf8(Header, Row("1784"), Row("Utomstående kommun")));
        var (result, responses) = await ImportAsync(Utf8(Header, Row(" 1784 "), Row("BOTKYRKA kommun")));

        Assert.Equal(0, none);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((3, "participant", "Utomstående kommun"), (problem.Line, problem.Column, problem.Value));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(2, responses);
        await using var after = _app.CreateDbContext();
        Assert.Equal(["Arvika kommun", "Botkyrka kommun"],
            await after.Responses.Join(after.Participants, r => r.ParticipantId, p => p.Id, (r, p) => p.Name).OrderBy(n => n).ToListAsync());
    }
}
