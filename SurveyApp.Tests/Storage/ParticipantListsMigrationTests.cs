using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// Participants stored when they were one pool move into lists of the surveys that invited them, on each
/// engine, with every invitation, response and answer kept and still pointing at a participant of its survey.
/// </summary>
public sealed class ParticipantListsMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surveyapp-lists-").FullName;
    private readonly TestDatabase _database;

    public ParticipantListsMigrationTests() => _database = new TestDatabase(_folder);

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EachSurveySeriesGetsAListOfThoseItInvitedAndAParticipantOfTwoSurveysIsCopiedWithItsAnswers()
    {
        await MigrateBeforeListsAsync();
        await SqlAsync(
            """INSERT INTO "Surveys" ("Key", "Title", "Language", "CreatedAt", "Version") VALUES ('a', 'A', 'sv', '2013-01-01 00:00:00+00:00', 1)""",
            """INSERT INTO "Surveys" ("Key", "Title", "Language", "CreatedAt", "Version", "PreviousVersionId") SELECT 'a2', 'A', 'sv', '2015-01-01 00:00:00+00:00', 2, "Id" FROM "Surveys" WHERE "Key" = 'a'""",
            """INSERT INTO "Surveys" ("Key", "Title", "Language", "CreatedAt", "Version") VALUES ('b', 'B', 'sv', '2016-01-01 00:00:00+00:00', 1)""",
            """INSERT INTO "Sections" ("SurveyId", "Key", "Title", "Position") SELECT "Id", 's', 'S', 1 FROM "Surveys" WHERE "Key" = 'b'""",
            $$"""INSERT INTO "Questions" ("SectionId", "Key", "Kind", "MaxAnswers", "MaxLength", "Position", "Required", "Text", "ConditionValues") SELECT "Id", 'q1', 'Scale', 1, 0, 1, FALSE, 'Q', {{NoValues}} FROM "Sections" """,
            """INSERT INTO "Waves" ("SurveyId", "Name", "IsClosed") SELECT "Id", 'w1', FALSE FROM "Surveys" WHERE "Key" = 'a'""",
            """INSERT INTO "Waves" ("SurveyId", "Name", "IsClosed") SELECT "Id", 'w2', FALSE FROM "Surveys" WHERE "Key" = 'a2'""",
            """INSERT INTO "Waves" ("SurveyId", "Name", "IsClosed") SELECT "Id", 'w3', FALSE FROM "Surveys" WHERE "Key" = 'b'""",
            """INSERT INTO "Participants" ("Name", "Type", "IsActive", "Attributes") VALUES ('Ale kommun', 'kommun', TRUE, '{"län":"Västra Götaland"}')""",
            """INSERT INTO "Participants" ("Name", "Type", "IsActive", "Attributes") VALUES ('Borås stad', 'kommun', FALSE, '{}')""",
            """INSERT INTO "Participants" ("Name", "Type", "IsActive", "Attributes") VALUES ('Region Örebro län', 'region', TRUE, '{}')""");
        foreach (var (wave, participant) in new[] { ("w1", "Ale kommun"), ("w2", "Ale kommun"), ("w3", "Ale kommun"), ("w3", "Borås stad") })
        {
            await SqlAsync($"""
                INSERT INTO "Invitations" ("WaveId", "ParticipantId", "TokenHash", "CreatedAt")
                SELECT w."Id", p."Id", '{wave}-{participant}', '2016-02-01 00:00:00+00:00' FROM "Waves" w, "Participants" p WHERE w."Name" = '{wave}' AND p."Name" = '{participant}'
                """);
        }
        foreach (var (wave, participant) in new[] { ("w1", "Ale kommun"), ("w3", "Ale kommun"), ("w3", "Borås stad") })
        {
            await SqlAsync($"""
                INSERT INTO "Responses" ("WaveId", "ParticipantId", "InvitationId", "ResumePosition", "StartedAt", "UpdatedAt")
                SELECT i."WaveId", i."ParticipantId", i."Id", 0, '2016-02-02 00:00:00+00:00', '2016-02-02 00:00:00+00:00' FROM "Invitations" i WHERE i."TokenHash" = '{wave}-{participant}'
                """);
        }
        await SqlAsync("""
            INSERT INTO "Answers" ("ResponseId", "WaveId", "ParticipantId", "QuestionId", "Position")
            SELECT r."Id", r."WaveId", r."ParticipantId", (SELECT MIN(q."Id") FROM "Questions" q), 1 FROM "Responses" r
            """);

        await MigrateAsync();

        await using var db = _database.CreateContext();
        var surveys = await db.Surveys.ToDictionaryAsync(s => s.Key, s => s.Id);
        var lists = await db.ParticipantLists.OrderBy(l => l.SurveyId).ToListAsync();
        Assert.Equal([surveys["a"], surveys["b"]], lists.Select(l => (int)l.SurveyId!));
        Assert.All(lists, l => Assert.Equal("Deltagare", l.Name));
        var (listA, listB) = (lists[0].Id, lists[1].Id);

        var participants = await db.Participants.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(4, participants.Count);
        var ale = participants.Single(p => p.Name == "Ale kommun" && p.ListId == listA);
        var aleCopy = participants.Single(p => p.Name == "Ale kommun" && p.ListId == listB);
        Assert.Equal(listB, participants.Single(p => p.Name == "Borås stad").ListId);
        // Never invited: the first survey's list.
        Assert.Equal(listA, participants.Single(p => p.Name == "Region Örebro län").ListId);
        Assert.All(participants, p => Assert.Null(p.Code));
        Assert.Equal(("kommun", true, "Västra Götaland"), (aleCopy.Type, aleCopy.IsActive, aleCopy.Attributes["län"]));
        Assert.False(participants.Single(p => p.Name == "Borås stad").IsActive);

        var waves = await db.Waves.ToDictionaryAsync(w => w.Name, w => w.Id);
        var invitations = await db.Invitations.Select(i => new { i.WaveId, i.ParticipantId }).ToListAsync();
        Assert.Equal(4, invitations.Count);
        Assert.Equal([ale.Id, ale.Id], invitations.Where(i => i.WaveId != waves["w3"]).Select(i => i.ParticipantId));
        Assert.Contains(invitations, i => i.WaveId == waves["w3"] && i.ParticipantId == aleCopy.Id);
        Assert.DoesNotContain(invitations, i => i.WaveId == waves["w3"] && i.ParticipantId == ale.Id);

        var responses = await db.Responses.Select(r => new { r.WaveId, r.ParticipantId, InvitedParticipant = r.Invitation!.ParticipantId }).ToListAsync();
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.Equal(r.InvitedParticipant, r.ParticipantId));
        Assert.Contains(responses, r => r.WaveId == waves["w1"] && r.ParticipantId == ale.Id);
        Assert.Contains(responses, r => r.WaveId == waves["w3"] && r.ParticipantId == aleCopy.Id);

        var answers = await db.Answers.Join(db.Responses, a => a.ResponseId, r => r.Id, (a, r) => new { a.ParticipantId, Responder = r.ParticipantId }).ToListAsync();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(a.Responder, a.ParticipantId));
        Assert.Equal(1, answers.Count(a => a.ParticipantId == aleCopy.Id));
    }

    [Fact]
    public async Task ParticipantsOfAnInstallationWithoutSurveysKeepAListOfNoSurvey()
    {
        await MigrateBeforeListsAsync();
        await SqlAsync("""INSERT INTO "Participants" ("Name", "Type", "IsActive", "Attributes") VALUES ('Ale kommun', 'kommun', TRUE, '{}')""");

        await MigrateAsync();

        await using var db = _database.CreateContext();
        var list = Assert.Single(await db.ParticipantLists.ToListAsync());
        Assert.Null(list.SurveyId);
        Assert.Equal(list.Id, (await db.Participants.SingleAsync()).ListId);
    }

    [Fact]
    public async Task AnEmptyDatabaseGetsNoList()
    {
        await MigrateAsync();

        await using var db = _database.CreateContext();
        Assert.Empty(await db.ParticipantLists.ToListAsync());
    }

    // A question's condition values: a JSON array in SQLite, an array column in PostgreSQL.
    private static string NoValues => TestDatabase.Provider == StorageProvider.Sqlite ? "'[]'" : "'{}'";

    private async Task MigrateBeforeListsAsync()
    {
        await using var db = _database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        var lists = migrations.FindIndex(m => m.EndsWith("_ParticipantLists", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[lists - 1]);
    }

    private async Task MigrateAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    private async Task SqlAsync(params string[] statements)
    {
        await using var db = _database.CreateContext();
        foreach (var statement in statements)
        {
            // Raw SQL, not a format: the JSON's braces are text.
            await db.Database.ExecuteSqlRawAsync(statement.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        }
    }
}
