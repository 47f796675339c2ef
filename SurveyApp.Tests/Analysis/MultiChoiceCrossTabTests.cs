using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>
/// A multi-choice question in a cross-tab: each column's base is the responses that answered it, counted once however
/// many options each ticked, as on the results page.
/// </summary>
public sealed class MultiChoiceCrossTabTests : IDisposable
{
    private readonly SurveyAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private const string Json = """
        {
          "key": "stod-enkat", "language": "sv", "title": "Stöd",
          "sections": [ { "key": "del1", "title": "Del 1", "questions": [
            { "key": "stod", "kind": "multi", "text": "Vilket stöd behöver ni?",
              "options": [ { "code": "natverk", "label": "Nätverk" }, { "code": "utbildning", "label": "Utbildning" }, { "code": "pengar", "label": "Pengar" } ] } ] } ]
        }
        """;

    [Fact]
    public async Task EachColumnCountsTheRespondentsNotTheTickedBoxes()
    {
        var (survey, problems) = await _app.Services.GetRequiredService<SurveyImporter>().ImportAsync(Encoding.UTF8.GetBytes(Json));
        Assert.True(survey is not null, string.Join("; ", problems));
        var (_, waveId) = await _app.Services.GetRequiredService<WaveAdministration>().CreateAsync("admin@example.org", survey!.Id, "Stöd 2026", null, null);
        var question = survey.FindQuestion("stod")!;
        // Six municipalities and five regions answer; in each group every response ticks two boxes but one, which ticks one.
        var ticked = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var db = _app.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            var list = new ParticipantList { Name = "Stödlistan", SurveyId = survey.Id, CreatedAt = now };
            var participants = Enumerable.Range(1, 6).Select(i => new Participant { List = list, Name = $"Kommun {i}", Type = "kommun" })
                .Concat(Enumerable.Range(1, 5).Select(i => new Participant { List = list, Name = $"Region {i}", Type = "region" })).ToList();
            db.Participants.AddRange(participants);
            await db.SaveChangesAsync();
            foreach (var (participant, index) in participants.Select((p, i) => (p, i)))
            {
                var invitation = new Invitation { WaveId = waveId!.Value, ParticipantId = participant.Id, TokenHash = $"hash-{index}", CreatedAt = now };
                db.Invitations.Add(invitation);
                await db.SaveChangesAsync();
                string[] codes = participant.Name.EndsWith(" 1", StringComparison.Ordinal) ? ["pengar"] : ["natverk", index % 2 == 0 ? "utbildning" : "pengar"];
                db.Responses.Add(new Response
                {
                    InvitationId = invitation.Id, WaveId = waveId.Value, ParticipantId = participant.Id, StartedAt = now, UpdatedAt = now, SubmittedAt = now,
                    Answers = [.. codes.Select((code, position) => new Answer { WaveId = waveId.Value, ParticipantId = participant.Id, QuestionId = question.Id, Code = code, Position = position })],
                });
                foreach (var code in codes) ticked[$"{participant.Type}/{code}"] = ticked.GetValueOrDefault($"{participant.Type}/{code}") + 1;
            }
            await db.SaveChangesAsync();
        }

        var table = (await _app.Services.GetRequiredService<CrossTabQuery>().GetAsync(waveId!.Value, "stod", null, ResultsFilter.None))!;

        var kommun = table.Columns.Single(c => c.Segment == "kommun");
        var region = table.Columns.Single(c => c.Segment == "region");
        Assert.False(kommun.Hidden || region.Hidden || table.Total.Hidden);
        Assert.Equal((6, 5, 11), (kommun.Answered, region.Answered, table.Total.Answered));
        foreach (var code in new[] { "natverk", "utbildning", "pengar" })
        {
            Assert.Equal(ticked.GetValueOrDefault($"kommun/{code}"), kommun.Counts.GetValueOrDefault(code));
            Assert.Equal(ticked.GetValueOrDefault($"region/{code}"), region.Counts.GetValueOrDefault(code));
        }
        // Eleven boxes ticked by six municipalities: the shares of a column add up to more than 100 %.
        Assert.Equal(11, kommun.Counts.Values.Sum());
        var results = (await _app.Services.GetRequiredService<WaveResultsQuery>().GetAsync(waveId.Value, ResultsFilter.None))!;
        Assert.Equal(results.Questions.Single(q => q.Question.Key == "stod").Main.Answered, table.Total.Answered);
    }
}
