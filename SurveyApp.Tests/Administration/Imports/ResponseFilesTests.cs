using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Participants;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Imports;

/// <summary>
/// Responses as administrators have them: a workbook or a CSV file, participants named loosely, choices by code or
/// label, matrix items by key or text; every problem of a file listed with its place, nothing stored while one remains.
/// </summary>
public sealed class ResponseFilesTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    // grad (likert, required, own off-scale), omraden (matrix, required), igen (single), stod (multi, shown if grad is 4 or 5),
    // hinder (texts, 2 of at most 20 characters), datum (text).
    private static string SurveyJson(string language) => language == "sv"
        ? Survey("sv", "import-sv", ["I mycket låg grad", "I låg grad", "Varken låg eller hög grad", "I hög grad", "I mycket hög grad"], "Vet ej",
            "Vi har ej gått vidare", ("barn", "Barn och unga"), ("miljo", "Hållbara miljöer"), ["Ja", "Nej", "Vet ej"], ["Nätverk", "Utbildning"])
        : Survey("en", "import-en", ["To a very low degree", "To a low degree", "Neither low nor high", "To a high degree", "To a very high degree"], "Don't know",
            "We have not moved on", ("barn", "Children and young people"), ("miljo", "Sustainable environments"), ["Yes", "No", "Don't know"], ["Network", "Training"]);

    private static string Survey(string language, string key, string[] steps, string dontKnow, string notMoved, (string Code, string Text) item1,
        (string Code, string Text) item2, string[] again, string[] support) => $$"""
        {
          "key": "{{key}}", "language": "{{language}}", "title": "Import",
          "scales": [ { "key": "grad5", "steps": [
              { "value": 1, "label": "{{steps[0]}}" }, { "value": 2, "label": "{{steps[1]}}" }, { "value": 3, "label": "{{steps[2]}}" },
              { "value": 4, "label": "{{steps[3]}}" }, { "value": 5, "label": "{{steps[4]}}" } ],
            "offScale": [ { "code": "vet_ej", "label": "{{dontKnow}}" } ] } ],
          "sections": [
            { "key": "del1", "title": "Del 1", "questions": [
                { "key": "grad", "kind": "likert", "text": "Grad?", "required": true, "scale": "grad5",
                  "offScale": [ { "code": "ej_gatt_vidare", "label": "{{notMoved}}" } ] },
                { "key": "omraden", "kind": "matrix", "text": "Områden?", "required": true, "scale": "grad5",
                  "items": [ { "code": "{{item1.Code}}", "text": "{{item1.Text}}" }, { "code": "{{item2.Code}}", "text": "{{item2.Text}}" } ] },
                { "key": "igen", "kind": "single", "text": "Igen?", "options": [ { "code": "ja", "label": "{{again[0]}}" },
                  { "code": "nej", "label": "{{again[1]}}" }, { "code": "vet_ej", "label": "{{again[2]}}", "offScale": true } ] } ] },
            { "key": "del2", "title": "Del 2", "questions": [
                { "key": "stod", "kind": "multi", "text": "Stöd?", "showIf": { "question": "grad", "anyOf": ["4", "5"] },
                  "options": [ { "code": "natverk", "label": "{{support[0]}}" }, { "code": "utbildning", "label": "{{support[1]}}" } ] },
                { "key": "hinder", "kind": "texts", "text": "Hinder?", "maxAnswers": 2, "maxLength": 20 },
                { "key": "datum", "kind": "text", "text": "När?" } ] }
          ]
        }
        """;

    // The participant list of the survey WaveAsync made last.
    private int _listId;

    private static readonly string[] Header = ["participant", "grad", "omraden.barn", "omraden.miljo", "igen", "stod", "hinder.1", "hinder.2", "datum"];

    private async Task<int> WaveAsync(string language = "sv", string name = "Import")
    {
        var (survey, problems) = await _app.Services.GetRequiredService<SurveyImporter>().ImportAsync(Encoding.UTF8.GetBytes(SurveyJson(language)));
        Assert.True(survey is not null, string.Join("; ", problems));
        var (_, waveId) = await _app.Services.GetRequiredService<WaveAdministration>().CreateAsync("admin@example.org", survey!.Id, name, null, null);
        // The survey's own list holds the model survey's organisations, as an administrator would import them; a later
        // version of the survey (the same key imported again) has its first version's list.
        var participants = _app.Services.GetRequiredService<ParticipantAdministration>();
        var (refusal, listId) = await participants.CreateListAsync("admin@example.org", survey.Id, "Organisationer");
        await using var db = _app.CreateDbContext();
        if (refusal == ParticipantRefusal.ListNameTaken)
        {
            _listId = await db.ParticipantLists.Where(l => l.Name == "Organisationer").Select(l => l.Id).SingleAsync();
            return waveId!.Value;
        }
        _listId = listId!.Value;
        var rows = await db.Participants.Where(p => p.ListId == ModelSurvey.ListId).OrderBy(p => p.Id).Select(p => p.Name + "," + p.Type).ToListAsync();
        var imported = await participants.ImportAsync("admin@example.org", _listId, "organisationer.csv", Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend("name,type"))));
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        return waveId!.Value;
    }

    private static byte[] Csv(params string[][] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v)))));

    /// <summary>A workbook whose first sheet holds the rows; a cell set by <paramref name="cell"/> is left to it, the rest are text.</summary>
    private static byte[] Workbook(string[][] rows, Action<int, int, IXLCell>? cell = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Svar");
        workbook.AddWorksheet("Annat").Cell(1, 1).SetValue("inte det här bladet");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var target = sheet.Cell(r + 1, c + 1);
                if (rows[r][c].Length > 0)
                {
                    target.SetValue(rows[r][c]);
                    target.DataType = XLDataType.Text;
                }
                cell?.Invoke(r + 1, c + 1, target);
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private async Task<ImportResult> ImportAsync(int waveId, string fileName, byte[] content) =>
        await _app.Services.GetRequiredService<ResponseImporter>().ImportAsync(waveId, await ImportTable.ReadUploadAsync(fileName, content));

    private async Task<List<(string Participant, string Question, string? Item, string? Code, string? Text, int Position)>> AnswersAsync(int waveId)
    {
        await using var db = _app.CreateDbContext();
        var rows = await (from a in db.Answers
                          join q in db.Questions on a.QuestionId equals q.Id
                          join p in db.Participants on a.ParticipantId equals p.Id
                          where a.WaveId == waveId
                          select new { p.Name, q.Key, a.ItemId, a.Code, a.Text, a.Position }).ToListAsync();
        var items = await db.Set<QuestionItem>().ToDictionaryAsync(i => i.Id, i => i.Code);
        return rows.Select(a => (Participant: a.Name, Question: a.Key, Item: a.ItemId is { } id ? items[id] : null, Code: (string?)a.Code, Text: (string?)a.Text, a.Position))
            .OrderBy(a => a.Participant, StringComparer.Ordinal).ThenBy(a => a.Question, StringComparer.Ordinal).ThenBy(a => a.Item, StringComparer.Ordinal).ThenBy(a => a.Position).ToList();
    }

    private async Task<(int Responses, int Answers, int Invitations, int Audit)> StoredAsync()
    {
        await using var db = _app.CreateDbContext();
        return (await db.Responses.CountAsync(), await db.Answers.CountAsync(), await db.Invitations.CountAsync(), await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task AWorkbookImportsTheSameAsTheEquivalentCsv()
    {
        string[][] rows =
        [
            Header,
            ["Arvika kommun", "4", "3", "vet_ej", "ja", "natverk|utbildning", "Tid", "Pengar", "2024-03-01"],
            ["Botkyrka kommun", "2", "1", "5", "nej", "", "Resurser", "", ""],
            ["Göteborgs stad", "ej_gatt_vidare", "2", "2", "", "", "", "", "=SUMMA(A1:A2)"],
        ];
        var csvWave = await WaveAsync(name: "CSV");
        var xlsxWave = await WaveAsync(name: "Excel");

        var fromCsv = await ImportAsync(csvWave, "svar.csv", Csv(rows));
        // Numbers and a date as Excel keeps them: the importer reads what the cell shows.
        var fromXlsx = await ImportAsync(xlsxWave, "svar.xlsx", Workbook(rows, (r, c, cell) =>
        {
            if (r == 2 && c == 2) cell.SetValue(4).Style.NumberFormat.Format = "0.0";
            if (r == 3 && c is 3 or 4) cell.SetValue(c == 3 ? 1 : 5);
            if (r == 2 && c == 9) cell.SetValue(new DateTime(2024, 3, 1)).Style.DateFormat.Format = "yyyy-mm-dd";
        }));

        Assert.True(fromCsv.Succeeded, string.Join("; ", fromCsv.Problems));
        Assert.True(fromXlsx.Succeeded, string.Join("; ", fromXlsx.Problems));
        Assert.Equal((3, 3), (fromCsv.Imported, fromXlsx.Imported));
        var csvAnswers = await AnswersAsync(csvWave);
        Assert.Equal(csvAnswers, await AnswersAsync(xlsxWave));
        Assert.Contains(("Arvika kommun", "grad", null, "4", null, 0), csvAnswers);
        Assert.Contains(("Arvika kommun", "datum", null, null, "2024-03-01", 0), csvAnswers);
        Assert.Contains(("Göteborgs stad", "datum", null, null, "=SUMMA(A1:A2)", 0), csvAnswers);
        Assert.Contains(csvAnswers, a => a is ("Botkyrka kommun", "omraden", "miljo", "5", null, _));
    }

    [Theory]
    [InlineData("sv", "i  HÖG grad", "Barn och unga", "Vet ej", "  Vi har ej gått vidare ", "nej", "Nätverk; utbildning")]
    [InlineData("en", "to a high DEGREE", "Children and young people", "don't know", "We have not moved on", "No", "network|Training")]
    public async Task ChoicesAreReadAsCodesOrAsLabelsInTheSurveysLanguageAndMatrixItemsByTheirText(
        string language, string high, string childrenText, string dontKnow, string notMoved, string no, string support)
    {
        var waveId = await WaveAsync(language);

        var result = await ImportAsync(waveId, "svar.csv", Csv(
            ["participant", "grad", $"omraden.{childrenText.ToUpperInvariant()}", "omraden.miljo", "igen", "stod"],
            ["Arvika kommun", high, "5", dontKnow, no, support],
            ["Botkyrka kommun", notMoved, "4,0", "1", "", ""]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var answers = await AnswersAsync(waveId);
        Assert.Equal(
            [("grad", null, "4"), ("igen", null, "nej"), ("omraden", "barn", "5"), ("omraden", "miljo", "vet_ej"), ("stod", null, "natverk"), ("stod", null, "utbildning")],
            answers.Where(a => a.Participant == "Arvika kommun").Select(a => (a.Question, a.Item, a.Code)).OrderBy(a => a.Question).ThenBy(a => a.Item).ThenBy(a => a.Code));
        Assert.Contains(answers, a => a is ("Botkyrka kommun", "grad", null, "ej_gatt_vidare", null, _));
        Assert.Contains(answers, a => a is ("Botkyrka kommun", "omraden", "barn", "4", null, _));
    }

    [Fact]
    public async Task ParticipantsAreFoundByNameWhateverTheCaseAndSpacing()
    {
        var waveId = await WaveAsync();

        var result = await ImportAsync(waveId, "svar.csv", Csv(
            ["Deltagare", "grad", "omraden.barn", "omraden.miljo"],
            ["  arvika   KOMMUN ", "3", "3", "3"],
            ["Örebro\u00a0kommun", "3", "3", "3"]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(["Arvika kommun", "Örebro kommun"], (await AnswersAsync(waveId)).Select(a => a.Participant).Distinct());
    }

    [Fact]
    public async Task EveryProblemOfAFileIsListedWithItsLineColumnQuestionValueAndWhatIsAcceptedAndNothingIsStored()
    {
        var waveId = await WaveAsync();
        var before = await StoredAsync();

        var result = await ImportAsync(waveId, "svar.xlsx", Workbook(
        [
            [.. Header, "f99"],
            ["Arvika kommun", "4", "3", "kanske", "ja", "natverk|pengar", "Tid", "", "", ""],
            ["Finns inte kommun", "3", "3", "3", "", "", "", "", "", ""],
            ["Botkyrka kommun", "2", "", "3", "", "natverk", "en alldeles för lång text", "", "", ""],
            ["Arvika kommun", "3", "3", "3", "", "", "", "", "", ""],
        ]));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        var problems = result.Problems.Select(p => (p.Line, p.Column, p.Question, p.Value)).ToList();
        Assert.Equal(
        [
            (1, "f99", null, "f99"),
            (2, "omraden.miljo", "omraden.miljo", "kanske"),
            (2, "stod", "stod", "pengar"),
            (3, "participant", null, "Finns inte kommun"),
            (4, "omraden.barn", "omraden.barn", ""),
            (4, "stod", "stod", "natverk"),
            (4, "hinder.1", "hinder", "en alldeles för lång text"),
            (5, "participant", null, "Arvika kommun"),
        ], problems.OrderBy(p => p.Line).ThenBy(p => Array.IndexOf([.. Header, "f99"], p.Column)));
        var miljo = result.Problems.Single(p => p.Question == "omraden.miljo");
        Assert.Equal("svaret finns inte bland frågans alternativ", miljo.Message);
        Assert.Equal("1 (I mycket låg grad), 2 (I låg grad), 3 (Varken låg eller hög grad), 4 (I hög grad), 5 (I mycket hög grad), vet_ej (Vet ej)", miljo.Accepted);
        Assert.Equal("frågan måste besvaras", result.Problems.Single(p => p.Question == "omraden.barn").Message);
        Assert.Equal("tomt, utom när grad är 4, 5", result.Problems.Single(p => p is { Line: 4, Question: "stod" }).Accepted);
        Assert.Equal("högst 20 tecken", result.Problems.Single(p => p.Question == "hinder").Accepted);
        Assert.Contains("grad, omraden.barn, omraden.miljo, igen, stod, hinder.1, hinder.2, datum", result.Problems.Single(p => p.Column == "f99").Accepted);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ParticipantsNotYetInvitedAreInvitedSoTheResponseRateCountsThem()
    {
        var waveId = await WaveAsync();
        int[] ids;
        await using (var db = _app.CreateDbContext())
        {
            ids = await db.Participants.Where(p => p.ListId == _listId).OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToArrayAsync();
        }
        // Two invited: the first has opened the link without answering yet, the third never answers; the second was never invited.
        await _app.Services.GetRequiredService<InvitationService>().IssueAsync(waveId, [ids[0], ids[2]]);
        await StartOnlineAsync(waveId, ids[0], answer: false);

        var result = await ImportAsync(waveId, "svar.csv", Csv(
            ["participant", "grad", "omraden.barn", "omraden.miljo"],
            ["Arvika kommun", "3", "3", "3"],
            ["Botkyrka kommun", "3", "3", "3"]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var wave = (await _app.Services.GetRequiredService<WaveAdministration>().ListAsync()).Single(w => w.Id == waveId);
        Assert.Equal((3, 2), (wave.Invited, wave.Submitted));
        var analysed = (await _app.Services.GetRequiredService<SurveyApp.Analysis.WaveListQuery>().ListAsync()).Single(w => w.WaveId == waveId);
        Assert.Equal(2.0 / 3, analysed.ResponseRate, 6);
        await using var after = _app.CreateDbContext();
        var responses = await after.Responses.Where(r => r.WaveId == waveId).Include(r => r.Answers).ToListAsync();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.NotNull(r.SubmittedAt));
        // The empty online response is completed by the imported one.
        Assert.Equal(3, responses.Single(r => r.ParticipantId == ids[0]).Answers.Count);
        Assert.Equal(1, await after.Invitations.CountAsync(i => i.WaveId == waveId && i.ParticipantId == ids[1]));
    }

    [Fact]
    public async Task AnswersBegunThroughALinkAreNeverReplacedByAFile()
    {
        var waveId = await WaveAsync();
        int arvika;
        await using (var db = _app.CreateDbContext())
        {
            arvika = await db.Participants.Where(p => p.ListId == _listId && p.Name == "Arvika kommun").Select(p => p.Id).SingleAsync();
        }
        await _app.Services.GetRequiredService<InvitationService>().IssueAsync(waveId, [arvika]);
        await StartOnlineAsync(waveId, arvika, answer: true);

        var result = await ImportAsync(waveId, "svar.csv", Csv(
            ["participant", "grad", "omraden.barn", "omraden.miljo"],
            ["Arvika kommun", "3", "3", "3"],
            ["Botkyrka kommun", "3", "3", "3"]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "participant", "Arvika kommun"), (problem.Line, problem.Column, problem.Value));
        Assert.Contains("har börjat svara via sin länk", problem.Message);
        Assert.Equal(0, result.Imported);
        await using var after = _app.CreateDbContext();
        var response = await after.Responses.Include(r => r.Answers).SingleAsync(r => r.WaveId == waveId);
        Assert.Null(response.SubmittedAt);
        Assert.Equal(["ja"], response.Answers.Select(a => a.Code));
    }

    /// <summary>The participant opens their link; with <paramref name="answer"/>, they also answer one question before leaving.</summary>
    private async Task StartOnlineAsync(int waveId, int participantId, bool answer)
    {
        await using var db = _app.CreateDbContext();
        var invitation = await db.Invitations.SingleAsync(i => i.WaveId == waveId && i.ParticipantId == participantId);
        var response = new Response { InvitationId = invitation.Id, WaveId = waveId, ParticipantId = participantId, StartedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        if (answer)
        {
            var surveyId = await db.Waves.Where(w => w.Id == waveId).Select(w => w.SurveyId).SingleAsync();
            var again = await db.Questions.SingleAsync(q => q.Key == "igen" && db.Sections.Any(s => s.Id == q.SectionId && s.SurveyId == surveyId));
            response.Answers.Add(new Answer { QuestionId = again.Id, Code = "ja", WaveId = waveId, ParticipantId = participantId });
        }
        db.Responses.Add(response);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FormulaLookingAndMarkupValuesInAWorkbookStayText()
    {
        var waveId = await WaveAsync();
        const string formula = "=HYPERLINK(\"http://example.com\",\"x\")";
        const string markup = "<script>alert('x')</script>";

        var result = await ImportAsync(waveId, "svar.xlsx", Workbook(
        [
            ["participant", "grad", "omraden.barn", "omraden.miljo", "datum", "hinder.1"],
            ["Arvika kommun", "3", "3", "3", formula, "@SUM(1+1)"],
            ["Botkyrka kommun", "3", "3", "3", markup, "+1"],
        ]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var texts = (await AnswersAsync(waveId)).Where(a => a.Text is not null).Select(a => a.Text).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Contains(formula, texts);
        Assert.Contains(markup, texts);
        Assert.Contains("@SUM(1+1)", texts);
        Assert.Contains("+1", texts);
    }

    [Fact]
    public async Task AWorkbookRowWithValuesBeyondTheHeaderAndAMatrixItemNamedTwiceAreProblemsToo()
    {
        var waveId = await WaveAsync();
        var before = await StoredAsync();

        var result = await ImportAsync(waveId, "svar.xlsx", Workbook(
        [
            ["participant", "grad", "omraden.barn", "omraden.miljo", "omraden.barn och unga"],
            ["Arvika kommun", "3", "3", "3", ""],
            ["Botkyrka kommun", "3", "3", "3", "", "glömd"],
        ]));

        Assert.Equal(
        [
            (1, "omraden.barn och unga", "omraden.barn", "kolumnen 'omraden.barn och unga' gäller samma fråga som 'omraden.barn'"),
            (3, null, null, "raden har värden i kolumn 6 men rubrikraden har 5 kolumner"),
        ], result.Problems.Select(p => (p.Line, p.Column, p.Question, p.Message)));
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("svar.pdf", "csv", "måste vara en CSV-fil (.csv) eller en Excel-arbetsbok (.xlsx)")]
    [InlineData("svar.xlsx", "csv", "kunde inte läsas som en Excel-arbetsbok")]
    [InlineData("svar.csv", "binary", "ingen textfil")]
    [InlineData("svar.xlsx", "zip", "kunde inte läsas som en Excel-arbetsbok")]
    public async Task AFileOfTheWrongTypeIsRefusedWithAClearMessageAndChangesNothing(string fileName, string kind, string message)
    {
        var waveId = await WaveAsync();
        var before = await StoredAsync();
        var valid = Csv(["participant", "grad", "omraden.barn", "omraden.miljo"], ["Arvika kommun", "3", "3", "3"]);
        var content = kind switch
        {
            "binary" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "zip" => ZipOf("word/document.xml", "<w:document/>"),
            _ => valid,
        };

        var result = await ImportAsync(waveId, fileName, content);

        Assert.False(result.Succeeded);
        Assert.Contains(message, Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Problems[0].Line);
        Assert.Equal(before, await StoredAsync());
    }

    private static byte[] ZipOf(string entry, string text)
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write(text);
        }
        return stream.ToArray();
    }
}
