using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Analysis.Coding;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Coding;

/// <summary>The coding page over the app's services: open answers as respondents typed them, shown as text.</summary>
public sealed class OpenAnswersPageTests : AppPageContext
{
    private const string Markup = "<script>alert('x')</script> och <b>fetstil</b> <img src=x onerror=alert(1)>";

    [Fact]
    public async Task ASubmittedAnswerWithMarkupIsShownAsTextInTheGrid()
    {
        var links = App.InvitationPaths();
        using (var respondent = App.CreateRespondent())
        {
            await respondent.PostFormAsync($"{links[0]}/sida/1", "page", ("q.f1", "nej"), ("q.f2", Markup), ("nav", "next"));
            for (var number = 1; number < RespondentHttp.ModelAnswers.Length; number++)
            {
                await respondent.PostFormAsync($"{links[0]}/sida/{number + 1}", "page", RespondentHttp.ModelAnswers[number]);
            }
            Assert.Equal("/tack", (await respondent.PostFormAsync($"{links[0]}/granska", "submit")).Location);
        }
        // Five responses make the wave large enough to show.
        foreach (var link in links.Skip(1).Take(4))
        {
            using var respondent = App.CreateRespondent();
            await respondent.CompleteSurveyAsync(link);
        }
        int waveId;
        await using (var db = App.CreateDbContext())
        {
            waveId = await db.Waves.Select(w => w.Id).SingleAsync();
        }

        var page = Context.Render<OpenAnswersPage>(ps => ps.Add(p => p.WaveId, waveId).Add(p => p.QuestionKey, "f2"));

        page.WaitForAssertion(() => Assert.Contains(Markup, page.Find(".coding__answers").TextContent));
        var answers = page.Find(".coding__answers");
        Assert.Empty(answers.QuerySelectorAll("script"));
        Assert.Empty(answers.QuerySelectorAll("b"));
        Assert.Empty(answers.QuerySelectorAll("img"));
        Assert.DoesNotContain("<script>alert", WebUtility.HtmlDecode(answers.InnerHtml).Replace(Markup, ""));
    }
}
