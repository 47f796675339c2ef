using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>Answers saved by a respondent who has not submitted yet are not results.</summary>
public sealed class InProgressResponsesTests : IDisposable
{
    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnswersOfAResponseNotYetSubmittedAreNotCounted()
    {
        var results = _app.Services.GetRequiredService<WaveResultsQuery>();
        var wave = (await _app.Services.GetRequiredService<WaveListQuery>().ListAsync()).Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        using var client = _app.CreateRespondent();
        var tidaholm = _app.InvitationPaths()[13]; // one of the three that have not answered
        var saved = await client.PostFormAsync($"{tidaholm}/sida/1", "page", ("q.f1", "nej"), ("q.f2", "Ett utkast"), ("nav", "next"));
        Assert.Equal(System.Net.HttpStatusCode.Found, saved.Status);

        var f1 = (await results.GetAsync(wave, ResultsFilter.None))!.Questions.Single(q => q.Question.Key == "f1").Main;
        var filtered = (await results.GetAsync(wave, new ResultsFilter(["kommun"], null)))!.Questions.Single(q => q.Question.Key == "f2");

        Assert.Equal(17, f1.Answered);
        Assert.Equal(0, f1.Choices.Single(c => c.Code == "nej").Count);
        Assert.Equal(10, filtered.TextAnswers);
        var progress = await _app.Services.GetRequiredService<ParticipantProgressQuery>().ListAsync(wave);
        Assert.Equal(ParticipantStatus.Started, progress.Single(p => p.Name == "Tidaholms kommun").Status);
    }
}
