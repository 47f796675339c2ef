using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

public sealed class ImportPageTests : WavePagesContext
{
    private const string Header = "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod";

    private static string Row(string participant, string f1 = "nej") => $"{participant},{f1},,,,4,Strategi,3,3,4,Stöd,Prioritering,,,";

    private IRenderedComponent<ImportPage> RenderPage() => Context.Render<ImportPage>(ps => ps.Add(p => p.WaveId, 1));

    private static void Import(IRenderedComponent<ImportPage> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Importera").Click();

    [Fact]
    public async Task ImportingWithoutAFileAsksForOne()
    {
        var cut = RenderPage();

        Import(cut);

        cut.WaitForAssertion(() => Assert.Equal("Välj en CSV- eller Excel-fil att importera.", cut.Find("#error-summary h2").TextContent));
        Assert.Equal(0, await ReadAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task AValidFileIsImportedAndCounted()
    {
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join("\n", Header, Row("Arvika kommun"), Row("Botkyrka kommun")), "svar.csv"));
        cut.WaitForAssertion(() => Assert.Contains("Vald fil: svar.csv", cut.Find(".import-file").TextContent));
        Import(cut);

        cut.WaitForAssertion(() => Assert.Contains("2 svar importerades.", cut.Find(".import-done").TextContent));
        AssertSnackbar("2 svar importerades.");
        Assert.Empty(cut.FindAll("#error-summary"));
        Assert.Equal(2, await ReadAsync(db => db.Responses.CountAsync()));
        Assert.Equal([AuditActions.ResponsesImported], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AFileWithWrongRowsListsEveryProblemBesideItAndImportsNothing()
    {
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(string.Join("\n", Header,
            Row("Arvika kommun"), Row("<script>alert(1)</script>"), Row("Botkyrka kommun", f1: "kanske"))), "svar.csv"));
        Import(cut);

        cut.WaitForAssertion(() => Assert.Equal("Ingenting importerades: 2 fel.", cut.Find("#error-summary h2").TextContent));
        var problems = cut.FindAll("#error-summary tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["3", "participant", "", "okänd deltagare '<script>alert(1)</script>'", "<script>alert(1)</script>"], problems[0].Take(5));
        Assert.Equal(["4", "f1", "f1", "svaret finns inte bland frågans alternativ", "kanske"], problems[1].Take(5));
        Assert.NotNull(cut.Find(".import-result #error-summary"));
        Assert.Equal(0, await ReadAsync(db => db.Responses.CountAsync()));
        Assert.Empty(await AuditAsync());
    }
}
