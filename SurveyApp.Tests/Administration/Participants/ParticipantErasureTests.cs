using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Participants;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Participants;

/// <summary>
/// Erasing a participant on the demo data (two waves, coded open answers): everything of theirs goes, in one
/// transaction, nobody else's data moves, the results no longer count them and the audit log keeps no name of theirs.
/// </summary>
public sealed class ParticipantErasureTests : IDisposable
{
    private const string Actor = "admin@example.se";
    private readonly FailingDelete _failure = new();
    private readonly SurveyAppFactory _app;

    public ParticipantErasureTests() => _app = new SurveyAppFactory(demoResponses: true, services: s => s.AddSingleton<IInterceptor>(_failure));

    public void Dispose() => _app.Dispose();

    private ParticipantErasure Erasure => _app.Services.GetRequiredService<ParticipantErasure>();

    private ParticipantAdministration Participants => _app.Services.GetRequiredService<ParticipantAdministration>();

    /// <summary>Rows per table, split into the participant's and everybody else's.</summary>
    private sealed record Rows(int Participants, int Responses, int Answers, int AnswerCategories, int Invitations);

    private async Task<(Rows Theirs, Rows Others)> CountAsync(int participantId)
    {
        await using var db = _app.CreateDbContext();
        var theirResponses = db.Responses.Where(r => r.ParticipantId == participantId).Select(r => r.Id);
        var theirAnswers = db.Answers.Where(a => theirResponses.Contains(a.ResponseId)).Select(a => a.Id);
        var theirs = new Rows(
            await db.Participants.CountAsync(p => p.Id == participantId),
            await theirResponses.CountAsync(),
            await theirAnswers.CountAsync(),
            await db.AnswerCategories.CountAsync(c => theirAnswers.Contains(c.AnswerId)),
            await db.Invitations.CountAsync(i => i.ParticipantId == participantId));
        var all = new Rows(await db.Participants.CountAsync(), await db.Responses.CountAsync(), await db.Answers.CountAsync(),
            await db.AnswerCategories.CountAsync(), await db.Invitations.CountAsync());
        return (theirs, new Rows(all.Participants - theirs.Participants, all.Responses - theirs.Responses, all.Answers - theirs.Answers,
            all.AnswerCategories - theirs.AnswerCategories, all.Invitations - theirs.Invitations));
    }

    /// <summary>A participant who submitted in more than one wave and has coded answers: the most there is to erase.</summary>
    private async Task<Participant> CodedInTwoWavesAsync()
    {
        await using var db = _app.CreateDbContext();
        var coded = db.AnswerCategories.Select(c => c.AnswerId);
        var id = await db.Responses.Where(r => r.SubmittedAt != null)
            .GroupBy(r => r.ParticipantId)
            .Where(g => g.Select(r => r.WaveId).Distinct().Count() > 1)
            .Select(g => g.Key)
            .Where(p => db.Answers.Any(a => a.ParticipantId == p && coded.Contains(a.Id)))
            .OrderBy(p => p)
            .FirstAsync();
        return await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task ErasingAParticipantRemovesEverythingOfTheirsInEveryWaveAndNothingElse()
    {
        var participant = await CodedInTwoWavesAsync();
        var (theirs, others) = await CountAsync(participant.Id);
        Assert.True(theirs is { Responses: >= 2, AnswerCategories: > 0, Invitations: >= 2 }, $"{theirs}");
        await using (var db = _app.CreateDbContext())
        {
            var waves = await db.Responses.Where(r => r.ParticipantId == participant.Id).Select(r => r.WaveId).Distinct().CountAsync();
            Assert.Equal(new ErasureScope(participant.Id, participant.Name, theirs.Responses, waves, theirs.Invitations), await Erasure.ScopeAsync(participant.Id));
        }

        var result = await Erasure.EraseAsync(Actor, participant.Id);

        Assert.Equal(new ErasureResult(ErasureRefusal.None, theirs.Responses, theirs.Answers, theirs.Invitations), result);
        var (left, othersAfter) = await CountAsync(participant.Id);
        Assert.Equal(new Rows(0, 0, 0, 0, 0), left);
        Assert.Equal(others, othersAfter);
        await using var check = _app.CreateDbContext();
        Assert.False(await check.Answers.AnyAsync(a => a.ParticipantId == participant.Id));
        Assert.Null(await Erasure.ScopeAsync(participant.Id));
    }

    [Fact]
    public async Task TheResultsOfEveryWaveNoLongerCountTheErasedParticipant()
    {
        var participant = await CodedInTwoWavesAsync();
        var results = _app.Services.GetRequiredService<WaveResultsQuery>();
        List<(int Wave, int Question, string Code)> chosen;
        await using (var db = _app.CreateDbContext())
        {
            var answers = await db.Answers
                .Where(a => a.ParticipantId == participant.Id && a.Code != null && a.ItemId == null
                    && db.Responses.Any(r => r.Id == a.ResponseId && r.SubmittedAt != null))
                .Select(a => new { a.WaveId, a.QuestionId, a.Code })
                .ToListAsync();
            chosen = answers.Select(a => (a.WaveId, a.QuestionId, a.Code!)).ToList();
        }
        var waves = chosen.Select(c => c.Wave).Distinct().ToList();
        Assert.True(waves.Count > 1);
        var before = new Dictionary<int, WaveResults>();
        foreach (var wave in waves) before[wave] = (await results.GetAsync(wave, ResultsFilter.None))!;

        await Erasure.EraseAsync(Actor, participant.Id);

        foreach (var wave in waves)
        {
            var after = (await results.GetAsync(wave, ResultsFilter.None))!;
            Assert.False(after.Suppressed);
            Assert.Equal(before[wave].InView - 1, after.InView);
            foreach (var (_, question, code) in chosen.Where(c => c.Wave == wave))
            {
                int Count(WaveResults r) => r.Questions.Single(q => q.Question.Id == question).Main.Choices.Single(c => c.Code == code).Count;
                int Answered(WaveResults r) => r.Questions.Single(q => q.Question.Id == question).Main.Answered;
                Assert.Equal(Count(before[wave]) - chosen.Count(c => c.Wave == wave && c.Question == question && c.Code == code), Count(after));
                Assert.Equal(Answered(before[wave]) - 1, Answered(after));
            }
        }
    }

    [Fact]
    public async Task OneEntryRecordsTheErasureAndNoEntryKeepsTheParticipantsNames()
    {
        var participant = await CodedInTwoWavesAsync();
        var other = await OtherAsync(participant.Id);
        const string Renamed = "Omdöpt kommun";
        Assert.Equal(ParticipantRefusal.None, await Participants.UpdateAsync(Actor, participant.Id, Renamed, participant.Type));
        Assert.Equal(ParticipantRefusal.None, await Participants.SetActiveAsync(Actor, participant.Id, false));
        Assert.Equal(ParticipantRefusal.None, await Participants.SetActiveAsync(Actor, other.Id, false));
        var (theirs, _) = await CountAsync(participant.Id);
        var earlier = await AuditAsync();
        Assert.Contains(earlier, e => e.Subject.Contains(participant.Name) || e.Details?.Contains(participant.Name) == true);

        await Erasure.EraseAsync(Actor, participant.Id);

        var log = await AuditAsync();
        var erasure = Assert.Single(log, e => e.Action == AuditActions.ParticipantErased);
        Assert.Equal(earlier.Count + 1, log.Count);
        Assert.Equal((Actor, "#" + participant.Id, $"responses={theirs.Responses}; answers={theirs.Answers}; invitations={theirs.Invitations}; messages=0", participant.Id),
            (erasure.Actor, erasure.Subject, erasure.Details, erasure.ParticipantId));
        foreach (var name in new[] { participant.Name, Renamed })
        {
            Assert.DoesNotContain(log, e => e.Subject.Contains(name) || e.Details?.Contains(name) == true);
        }
        // Earlier entries about them keep who did what and when; the one about someone else keeps its name.
        Assert.Equal(
            earlier.Select(e => e.ParticipantId == participant.Id ? (e.Id, e.At, e.Actor, e.Action, "#" + participant.Id, (string?)null) : (e.Id, e.At, e.Actor, e.Action, e.Subject, e.Details)),
            log.Take(earlier.Count).Select(e => (e.Id, e.At, e.Actor, e.Action, e.Subject, e.Details)));
        Assert.Contains(log, e => e.Action == AuditActions.ParticipantDeactivated && e.Subject == other.Name && e.ParticipantId == other.Id);
    }

    private async Task<Participant> OtherAsync(int except)
    {
        await using var db = _app.CreateDbContext();
        return await db.Participants.AsNoTracking().Where(p => p.Id != except && p.IsActive).OrderBy(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task AMissingParticipantIsRefusedAndChangesNothing()
    {
        var participant = await CodedInTwoWavesAsync();
        var before = await CountAsync(participant.Id);
        var missing = before.Others.Participants + 1000;

        Assert.Equal(ErasureResult.NotFound, await Erasure.EraseAsync(Actor, missing));

        Assert.Null(await Erasure.ScopeAsync(missing));
        Assert.Equal(before, await CountAsync(participant.Id));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task AnErasureThatFailsHalfwayChangesNothing()
    {
        var participant = await CodedInTwoWavesAsync();
        var before = await CountAsync(participant.Id);
        _failure.Table = "Participants";

        await Assert.ThrowsAsync<SimulatedFailure>(() => Erasure.EraseAsync(Actor, participant.Id));

        _failure.Table = null;
        Assert.Contains(_failure.Deletes, d => d.Contains("DELETE FROM \"Answers\"", StringComparison.Ordinal));
        Assert.Contains(_failure.Deletes, d => d.Contains("DELETE FROM \"Invitations\"", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync(participant.Id));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task TheEmailMessagesOfItsInvitationsAreErasedAndOthersKept()
    {
        var participant = await CodedInTwoWavesAsync();
        var other = await OtherAsync(participant.Id);
        await using (var db = _app.CreateDbContext())
        {
            foreach (var invitation in await db.Invitations.Where(i => i.ParticipantId == participant.Id || i.ParticipantId == other.Id).ToListAsync())
            {
                db.Outbox.Add(new OutboxMessage
                {
                    WaveId = invitation.WaveId, InvitationId = invitation.Id, Kind = MessageKind.Invitation, State = OutboxState.Sent,
                    Recipients = invitation.ParticipantId == participant.Id ? "kontakt@deltagare.example" : "annan@example.se",
                    MessageId = $"{Guid.NewGuid():N}@surveyapp.test",
                });
            }
            await db.SaveChangesAsync();
        }

        Assert.Equal(ErasureRefusal.None, (await Erasure.EraseAsync(Actor, participant.Id)).Refusal);

        await using var check = _app.CreateDbContext();
        Assert.Equal(["annan@example.se"], await check.Outbox.Select(m => m.Recipients).Distinct().ToListAsync());
        Assert.EndsWith("; messages=2", (await AuditAsync()).Single(e => e.Action == AuditActions.ParticipantErased).Details);
    }

    /// <summary>Fails the set-based delete from one table, after the deletes before it have run.</summary>
    private sealed class FailingDelete : DbCommandInterceptor
    {
        public string? Table { get; set; }

        /// <summary>The deletes that ran before the failure.</summary>
        public List<string> Deletes { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Table is not { } table) return ValueTask.FromResult(result);
            if (command.CommandText.Contains($"DELETE FROM \"{table}\"", StringComparison.Ordinal)) throw new SimulatedFailure();
            Deletes.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class SimulatedFailure() : DbException("The database failed on purpose.");
}
