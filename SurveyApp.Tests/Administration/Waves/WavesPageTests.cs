using Bunit;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

public sealed class WavesPageTests : WavePagesContext
{
    private IRenderedComponent<WavesPage> RenderPage()
    {
        var cut = Context.Render<WavesPage>();
        cut.WaitForAssertion(() => Assert.Contains("Uppföljning december 2013", cut.Find("table").TextContent));
        return cut;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<WavesPage> cut, string wave) =>
        cut.FindAll("tbody tr").Single(r => r.QuerySelector(".wave-name")?.TextContent.Trim() == wave);

    [Fact]
    public void TheTableShowsEachWaveWithItsStatusAnswersAndALinkToItsInvitations()
    {
        var cut = RenderPage();

        var row = Row(cut, "Uppföljning december 2013");
        Assert.Equal("/admin/omgangar/1/inbjudningar", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Tar emot svar", row.QuerySelector(".wave-status")!.TextContent.Trim());
        Assert.Contains("0 av 20", row.TextContent);
        Assert.Equal("Alla omgångar", cut.Find("table").GetAttribute("aria-label"));
        Assert.Equal("Omgångar", cut.Find("h1").TextContent);
    }

    [Fact]
    public async Task ANamelessWaveIsRefusedAtTheFieldAndInTheSummary()
    {
        var cut = RenderPage();

        cut.Find("form.wave-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Ge omgången ett namn.", cut.Find("#error-summary").TextContent));
        Assert.Contains("Ge omgången ett namn.", cut.Find(".mud-input-helper-text").TextContent);
        Assert.Single(await ReadAsync(db => db.Waves.ToListAsync()));
    }

    [Fact]
    public async Task ACreatedWaveIsListedAtOnceAndReported()
    {
        var cut = RenderPage();

        cut.Find("#name").Change("Uppföljning 2027");
        cut.Find("form.wave-form").Submit();

        AssertSnackbar("Omgången Uppföljning 2027 är skapad.");
        // Nobody is invited yet: the row says so and leads to where invitations are made.
        cut.WaitForAssertion(() => Assert.Contains("Ingen inbjuden ännu – bjud in", Row(cut, "Uppföljning 2027").TextContent));
        var invite = Row(cut, "Uppföljning 2027").QuerySelector("a.no-invitees-link")!;
        Assert.Matches("^/admin/omgangar/\\d+/inbjudningar$", invite.GetAttribute("href"));
        Assert.Equal([AuditActions.WaveCreated], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal("", cut.Find("#name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void AfterAWaveIsCreatedTheFocusGoesToTheNewFormsName()
    {
        var cut = RenderPage();
        cut.Find("#name").Change("Uppföljning 2027");

        cut.Find("form.wave-form").Submit();

        AssertSnackbar("Omgången Uppföljning 2027 är skapad.");
        JSRuntimeInvocation focus = default;
        cut.WaitForAssertion(() => focus = Context.JSInterop.VerifyFocusAsyncInvoke());
        Assert.Equal(cut.Find("#name").GetAttribute("blazor:elementReference"), ((Microsoft.AspNetCore.Components.ElementReference)focus.Arguments[0]!).Id);
    }

    [Theory]
    [InlineData("opens-date", "Välj dag då omgången öppnar")]
    [InlineData("opens-time", "Välj klockslag då omgången öppnar")]
    [InlineData("closes-date", "Välj dag då omgången stänger")]
    [InlineData("closes-time", "Välj klockslag då omgången stänger")]
    public void EachPickerHasANamedOpenButtonThatTabReachesAndThatOpensIt(string field, string name)
    {
        var cut = RenderPage();
        var box = cut.Find($"#{field}").Closest(".picker-field")!;

        var button = Assert.Single(box.QuerySelectorAll("button:not([tabindex='-1'])"));
        Assert.Equal(name, button.GetAttribute("aria-label"));
        Assert.Empty(box.QuerySelectorAll("button.mud-input-adornment-icon-button"));
        button.Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-picker-popover-paper, .mud-picker-paper")));
    }

    [Fact]
    public async Task ClosingAWaveAsksFirstAndReopeningDoesNot()
    {
        var cut = RenderPage();

        Row(cut, "Uppföljning december 2013").QuerySelector("button[aria-label='Stäng Uppföljning december 2013']")!.Click();
        AnswerDialog(confirm: false);
        Assert.Empty(await AuditAsync());

        cut.Find("button[aria-label='Stäng Uppföljning december 2013']").Click();
        AnswerDialog(confirm: true);
        cut.WaitForAssertion(() => Assert.Equal("Stängd", Row(cut, "Uppföljning december 2013").QuerySelector(".wave-status")!.TextContent.Trim()));
        AssertSnackbar("Omgången Uppföljning december 2013 är stängd");

        cut.Find("button[aria-label='Öppna igen: Uppföljning december 2013']").Click();
        cut.WaitForAssertion(() => Assert.Equal("Tar emot svar", Row(cut, "Uppföljning december 2013").QuerySelector(".wave-status")!.TextContent.Trim()));
        Assert.Equal([AuditActions.WaveClosed, AuditActions.WaveOpened], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AFollowUpAppearsAtOnceAndItsLinksAreDownloadedOnce()
    {
        AcceptDownloads();
        var cut = RenderPage();

        cut.Find("button[aria-label='Skapa uppföljning av Uppföljning december 2013']").Click();
        Providers.WaitForAssertion(() => Providers.Find("#follow-up-name"));
        Providers.Find("#follow-up-name").Input("Uppföljning 2017");
        Providers.Find("#follow-up-form").Submit();

        Providers.WaitForAssertion(() => Assert.Single(Downloaded));
        var (fileName, text) = Downloaded[0];
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Deltagare;Typ;Länk", rows[0]);
        Assert.Equal(21, rows.Length);
        var waveId = await ReadAsync(db => db.Waves.Where(w => w.Name == "Uppföljning 2017").Select(w => w.Id).SingleAsync());
        Assert.Equal($"lankar-omgang-{waveId}.csv", fileName);
        AssertSnackbar("Uppföljningen Uppföljning 2017 skapades: 20 länkar laddades ner.");
        cut.WaitForAssertion(() => Assert.Contains("0 av 20", Row(cut, "Uppföljning 2017").TextContent));
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll("#follow-up-form")));
    }

    [Fact]
    public async Task AFollowUpWithATakenNameSaysSoInTheDialogAndMakesNothing()
    {
        AcceptDownloads();
        var cut = RenderPage();

        cut.Find("button[aria-label='Skapa uppföljning av Uppföljning december 2013']").Click();
        Providers.WaitForAssertion(() => Providers.Find("#follow-up-name"));
        Providers.Find("#follow-up-name").Input("Uppföljning december 2013");
        Providers.Find("#follow-up-form").Submit();

        Providers.WaitForAssertion(() => Assert.Contains("Det finns redan en omgång med det namnet", Providers.Find(".mud-dialog").TextContent));
        Assert.Empty(Downloaded);
        Assert.Single(await ReadAsync(db => db.Waves.ToListAsync()));
        Assert.Empty(await AuditAsync());
    }
}
