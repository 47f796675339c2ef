using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>
/// The workbook read by a second, independent reader: openpyxl (Debian's python3-openpyxl, which
/// test.sh installs). It sees what Excel would: sheets, frozen header, filter, strings, numbers, percentages.
/// </summary>
public sealed class OpenpyxlTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const string Hostile = "=HYPERLINK(\"http://x\")";
    private const string Script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        svar = wb["Svar"]
        header = [c.value for c in svar[1]]
        f2 = header.index("f2") + 1
        f5 = header.index("f5") + 1
        last = svar.max_row
        summary = {row[0].value: row[1] for row in wb["Sammanfattning"].iter_rows(min_row=3) if row[0].value}
        rate = summary["Svarsfrekvens"]
        print(json.dumps({
            "sheets": wb.sheetnames,
            "rows": svar.max_row,
            "freeze": svar.freeze_panes,
            "filter": svar.auto_filter.ref,
            "hostile": svar.cell(row=last, column=f2).value,
            "hostileType": svar.cell(row=last, column=f2).data_type,
            "f5": svar.cell(row=2, column=f5).value,
            "f3": svar.cell(row=2, column=header.index("f3") + 1).value,
            "rate": rate.value,
            "rateFormat": rate.number_format,
            "labelsRows": wb["Svar (etiketter)"].max_row,
            "print": {ws.title: {
                "orientation": ws.page_setup.orientation,
                "paper": str(ws.page_setup.paperSize),
                "wide": str(ws.page_setup.fitToWidth),
                "tall": str(ws.page_setup.fitToHeight),
                "fit": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                "titles": ws.print_title_rows or "",
                "header": ws.oddHeader.left.text or "",
                "footer": (ws.oddFooter.left.text or "") + "|" + (ws.oddFooter.right.text or ""),
                "merged": [str(r) for r in ws.merged_cells.ranges],
            } for ws in wb.worksheets},
        }, ensure_ascii=False))
        """;

    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OpenpyxlReadsTheWorkbookAsWritten()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; test.sh installs python3-openpyxl.");
        var waveId = ExportFixture.WaveId(_app, "Uppföljning december 2013");
        await AddResponseAsync(waveId);
        var path = Path.Combine(_app.Folder, "export.xlsx");
        await using (var file = File.Create(path))
        {
            await ActivatorUtilities.CreateInstance<ResponseExport>(_app.Services).WriteWorkbookAsync(waveId, ResultsFilter.None, file);
        }
        var script = Path.Combine(_app.Folder, "read.py");
        await File.WriteAllTextAsync(script, Script);

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);

        using var json = JsonDocument.Parse(output);
        var read = json.RootElement;
        Assert.Equal(["Sammanfattning", "f1 Hade ni tackat ja till att i", "f5 I vilken grad har ni gått vi", "f7 Är innebörden av beslutet at", "f8 Har arbetet med Samlingen va", "f9 I vilken grad har arbetet me", "Svar", "Svar (etiketter)", "Fritext", "Kodbok"], read.GetProperty("sheets").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(19, read.GetProperty("rows").GetInt32());
        Assert.Equal(19, read.GetProperty("labelsRows").GetInt32());
        Assert.Equal("A2", read.GetProperty("freeze").GetString());
        Assert.Equal("A1:P19", read.GetProperty("filter").GetString());
        Assert.Equal(Hostile, read.GetProperty("hostile").GetString());
        Assert.Equal("s", read.GetProperty("hostileType").GetString());
        Assert.Equal(3, read.GetProperty("f5").GetInt32());
        Assert.Equal("Reselogistiken och tidsåtgången var ibland resurskrävande.", read.GetProperty("f3").GetString());
        Assert.Equal(0.9, read.GetProperty("rate").GetDouble(), 6);
        // Swedish puts a space before the per cent sign.
        Assert.Equal("0\\ %", read.GetProperty("rateFormat").GetString());

        // Every sheet prints on A4 scaled to one page wide, with the survey and wave at the top and the sheet and page
        // number at the bottom; a question sheet on one landscape page; a table sheet repeats its header row on every page.
        var print = read.GetProperty("print");
        foreach (var sheet in print.EnumerateObject())
        {
            var p = sheet.Value;
            var question = sheet.Name.StartsWith('f');
            var table = sheet.Name is "Svar" or "Svar (etiketter)" or "Fritext" or "Kodbok";
            Assert.Equal((sheet.Name, "9", "1", question ? "1" : "0", true), (sheet.Name, p.GetProperty("paper").GetString(), p.GetProperty("wide").GetString(), p.GetProperty("tall").GetString(), p.GetProperty("fit").GetBoolean()));
            Assert.Equal((sheet.Name, sheet.Name == "Sammanfattning" ? "portrait" : "landscape"), (sheet.Name, p.GetProperty("orientation").GetString()));
            Assert.Equal((sheet.Name, table ? "$1:$1" : ""), (sheet.Name, p.GetProperty("titles").GetString()));
            Assert.Equal("Uppföljning av Samling för social hållbarhet – Uppföljning december 2013", p.GetProperty("header").GetString());
            Assert.Equal("&A|Sida &P av &N", p.GetProperty("footer").GetString());
        }
        // A question's title runs over its table's columns.
        Assert.Equal(["A1:D1"], print.GetProperty("f1 Hade ni tackat ja till att i").GetProperty("merged").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task AddResponseAsync(int waveId)
    {
        await using var db = _app.CreateDbContext();
        var invitation = db.Invitations.Single(i => i.WaveId == waveId && i.Participant!.Name == "Tidaholms kommun");
        var f2 = db.Questions.Where(q => q.Key == "f2").OrderBy(q => q.Id).First();
        var now = DateTimeOffset.UtcNow;
        db.Responses.Add(new Response
        {
            InvitationId = invitation.Id, WaveId = waveId, ParticipantId = invitation.ParticipantId, StartedAt = now, UpdatedAt = now, SubmittedAt = now,
            Answers = [new Answer { WaveId = waveId, ParticipantId = invitation.ParticipantId, QuestionId = f2.Id, Text = Hostile }],
        });
        await db.SaveChangesAsync();
    }
}
