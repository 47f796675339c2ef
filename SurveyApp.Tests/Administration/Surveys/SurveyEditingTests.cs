using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Surveys;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>
/// Editing stored surveys on a real SQLite file. The app (and its file) is shared by the class, but every test
/// creates surveys of its own (<see cref="SurveyEdits.Json"/>), with a wave and, where the test wants them,
/// two responses answering every question, so no test sees another's data.
/// </summary>
public sealed class SurveyEditingTests(SurveyEditingTests.Fixture fixture) : IClassFixture<SurveyEditingTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public SurveyAppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private const string Actor = "admin@example.org";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly SurveyAppFactory _app = fixture.App;
    private readonly SurveyEditing _editing = fixture.App.Services.GetRequiredService<SurveyEditing>();

    private enum Responses { None, Started, SubmittedAndStarted }

    private static int _seeded;

    /// <summary>A new survey from <see cref="SurveyEdits.Json"/> with one wave and the responses asked for.</summary>
    private async Task<(int SurveyId, int WaveId)> SeedAsync(Responses responses)
    {
        // Only the versions of one survey share a key, so each test's survey has its own.
        var definition = SurveyEdits.Definition();
        definition.Key = $"{definition.Key}-{Interlocked.Increment(ref _seeded)}";
        var created = await _editing.CreateAsync(Actor, definition);
        Assert.Equal(SurveySaveOutcome.Saved, created.Outcome);
        var surveyId = created.SurveyId!.Value;
        await using var db = _app.CreateDbContext();
        var wave = new Wave { SurveyId = surveyId, Name = $"Omgång {surveyId}" };
        db.Waves.Add(wave);
        await db.SaveChangesAsync();
        if (responses == Responses.None) return (surveyId, wave.Id);

        var questions = await db.Questions.Include(q => q.Items)
            .Where(q => db.Sections.Any(s => s.Id == q.SectionId && s.SurveyId == surveyId)).ToDictionaryAsync(q => q.Key);
        var participants = await db.Participants.OrderBy(p => p.Id).Take(2).Select(p => p.Id).ToListAsync();
        Answer Choice(string question, string code, int? value = null, string? item = null, int position = 0) => new()
        {
            QuestionId = questions[question].Id,
            ItemId = item is null ? null : questions[question].Items.Single(i => i.Code == item).Id,
            Code = code,
            Value = value,
            Position = position,
        };
        Answer Open(string question, string text, int position = 0) => new() { QuestionId = questions[question].Id, Text = text, Position = position };
        List<Answer>[] answers =
        [
            [
                Choice("grad", "4", 4), Choice("omraden", "3", 3, "barn"), Choice("omraden", "vet_ej", item: "miljo"), Choice("igen", "nej"),
                Open("fritext", "Nätverket"), Choice("stod", "natverk"), Choice("stod", "material", position: 1),
                Open("hinder", "Tid"), Open("hinder", "Pengar", 1), Choice("nojd", "2", 2), Open("ovrigt", "Inget mer"),
            ],
            [Choice("grad", "ej_gatt_vidare"), Choice("igen", "vet_ej"), Choice("nojd", "1", 1)],
        ];
        for (var i = 0; i < participants.Count; i++)
        {
            var invitation = new Invitation
            {
                WaveId = wave.Id,
                ParticipantId = participants[i],
                TokenHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                CreatedAt = Now,
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            answers[i].ForEach(a => (a.WaveId, a.ParticipantId) = (wave.Id, participants[i]));
            db.Responses.Add(new Response
            {
                InvitationId = invitation.Id,
                WaveId = wave.Id,
                ParticipantId = participants[i],
                StartedAt = Now,
                UpdatedAt = Now,
                SubmittedAt = i == 0 && responses == Responses.SubmittedAndStarted ? Now : null,
                Answers = answers[i],
            });
        }
        await db.SaveChangesAsync();
        return (surveyId, wave.Id);
    }

    private async Task<SurveyDefinition> DefinitionAsync(int surveyId) => (await _editing.LoadAsync(surveyId))!.Definition;

    private static string Json(SurveyDefinition definition) => SurveyDefinitionReader.Write(definition);

    /// <summary>The definition as storing it gives it back (defaults left out, scales by key).</summary>
    private static string StoredJson(SurveyDefinition definition) =>
        Json(SurveyDefinitionMapper.ToDefinition(SurveyDefinitionMapper.ToSurvey(definition, Now)));

    private static List<KeyValuePair<string, long>> Sorted(IEnumerable<KeyValuePair<string, long>> ids) => ids.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();

    private static void AssertKeptIdsUnchanged(Dictionary<string, long> before, Dictionary<string, long> after)
    {
        var kept = before.Keys.Intersect(after.Keys).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, key => Assert.True(before[key] == after[key], $"{key}: {before[key]} became {after[key]}"));
    }

    [Fact]
    public async Task LoadGivesTheStoredSurveyAsADefinitionWithItsVersionAndWhetherItHasResponses()
    {
        var (answered, _) = await SeedAsync(Responses.SubmittedAndStarted);
        var (unanswered, _) = await SeedAsync(Responses.None);

        var loaded = await _editing.LoadAsync(answered);
        var empty = await _editing.LoadAsync(unanswered);

        Assert.NotNull(loaded);
        var expected = SurveyEdits.Definition();
        expected.Key = loaded.Definition.Key;
        Assert.Equal(StoredJson(expected), Json(loaded.Definition));
        Assert.True(loaded.HasResponses);
        Assert.Equal((1, (int?)null), (loaded.Version, loaded.PreviousVersionId));
        Assert.False(empty!.HasResponses);
        Assert.Null(await _editing.LoadAsync(int.MaxValue));
    }

    [Fact]
    public async Task EachLoadGivesADefinitionOfItsOwn()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);

        var first = await DefinitionAsync(surveyId);
        first.Title = "Ändrad utan att sparas";

        Assert.Equal("Enkät att redigera", (await DefinitionAsync(surveyId)).Title);
    }

    [Theory]
    [MemberData(nameof(SurveyEdits.StructuralNames), MemberType = typeof(SurveyEdits))]
    public async Task AStructuralEditOfASurveyWithResponsesIsRefusedAndChangesNothing(string name)
    {
        var edit = SurveyEdits.Get(name);
        var (surveyId, _) = await SeedAsync(Responses.SubmittedAndStarted);
        var answers = await StoredSurvey.AnswersAsync(_app, surveyId);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        var stored = Json(await DefinitionAsync(surveyId));
        var definition = await DefinitionAsync(surveyId);
        edit.Apply(definition);

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Refused, result.Outcome);
        Assert.Equal(edit.Expected, result.Changes.Select(c => (c.Path, c.Code)));
        Assert.Empty(result.Problems);
        Assert.Equal(11 + 3, answers.Count);
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, surveyId));
        Assert.Equal(Sorted(ids), Sorted(await StoredSurvey.IdsAsync(_app, surveyId)));
        Assert.Equal(stored, Json(await DefinitionAsync(surveyId)));
        Assert.DoesNotContain(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyEdited), e => e.Subject.EndsWith($"({surveyId})"));
    }

    [Fact]
    public async Task AResponseStartedButNotSubmittedIsEnoughToRefuseAStructuralEdit()
    {
        var (surveyId, _) = await SeedAsync(Responses.Started);
        var definition = await DefinitionAsync(surveyId);
        SurveyEdits.Get("QuestionRemoved").Apply(definition);

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Refused, result.Outcome);
        Assert.Equal("QuestionRemoved", Assert.Single(result.Changes).Code);
        Assert.Equal("Vad var bäst?", (await DefinitionAsync(surveyId)).Question("fritext").Text);
    }

    [Theory]
    [MemberData(nameof(SurveyEdits.StructuralNames), MemberType = typeof(SurveyEdits))]
    public async Task AStructuralEditSavedAsANewVersionLeavesTheOldSurveyItsWaveAndItsAnswersAlone(string name)
    {
        var edit = SurveyEdits.Get(name);
        var (surveyId, waveId) = await SeedAsync(Responses.SubmittedAndStarted);
        var answers = await StoredSurvey.AnswersAsync(_app, surveyId);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        var stored = Json(await DefinitionAsync(surveyId));
        var definition = await DefinitionAsync(surveyId);
        edit.Apply(definition);

        var result = await _editing.SaveAsNewVersionAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.SavedAsNewVersion, result.Outcome);
        Assert.Equal(edit.Expected, result.Changes.Select(c => (c.Path, c.Code)));
        var newId = result.SurveyId!.Value;
        Assert.NotEqual(surveyId, newId);
        var version = (await _editing.LoadAsync(newId))!;
        Assert.Equal((2, surveyId, false), (version.Version, version.PreviousVersionId, version.HasResponses));
        Assert.Equal(StoredJson(definition), Json(version.Definition));
        Assert.Equal([surveyId], await StoredSurvey.WaveSurveysAsync(_app, [waveId]));
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, surveyId));
        Assert.Equal(Sorted(ids), Sorted(await StoredSurvey.IdsAsync(_app, surveyId)));
        Assert.Equal(stored, Json(await DefinitionAsync(surveyId)));
        var newIds = await StoredSurvey.IdsAsync(_app, newId);
        Assert.All(newIds.Keys.Intersect(ids.Keys), key => Assert.NotEqual(ids[key], newIds[key]));
        var audit = Assert.Single(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyVersioned), e => e.Subject.EndsWith($"({newId})"));
        Assert.Equal(Actor, audit.Actor);
        Assert.StartsWith($"v2 ← Enkät att redigera ({surveyId}) v1: {edit.Expected[0].Code}", audit.Details);
    }

    [Theory]
    [MemberData(nameof(SurveyEdits.StructuralNames), MemberType = typeof(SurveyEdits))]
    public async Task AStructuralEditIsSavedInPlaceWhileNoWaveHasAResponse(string name)
    {
        var edit = SurveyEdits.Get(name);
        var (surveyId, waveId) = await SeedAsync(Responses.None);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        var definition = await DefinitionAsync(surveyId);
        edit.Apply(definition);

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        Assert.Equal(surveyId, result.SurveyId);
        Assert.Equal(edit.Expected, result.Changes.Select(c => (c.Path, c.Code)));
        Assert.Equal(StoredJson(definition), Json(await DefinitionAsync(surveyId)));
        AssertKeptIdsUnchanged(ids, await StoredSurvey.IdsAsync(_app, surveyId));
        Assert.Equal([surveyId], await StoredSurvey.WaveSurveysAsync(_app, [waveId]));
        var audit = Assert.Single(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyEdited), e => e.Subject.EndsWith($"({surveyId})"));
        Assert.StartsWith(edit.Expected[0].Code, audit.Details);
    }

    [Fact]
    public async Task ARewordingOfASurveyWithResponsesIsSavedInPlaceKeepingEveryIdAndAnswer()
    {
        var (surveyId, _) = await SeedAsync(Responses.SubmittedAndStarted);
        var catalog = _app.Services.GetRequiredService<SurveyCatalog>();
        Assert.Equal("I vilken grad har ni gått vidare?", (await catalog.GetAsync(surveyId))!.FindQuestion("grad")!.Text);
        var answers = await StoredSurvey.AnswersAsync(_app, surveyId);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        var definition = await DefinitionAsync(surveyId);
        SurveyEdits.Reword(definition);

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        Assert.Empty(result.Changes);
        Assert.Equal(StoredJson(definition), Json(await DefinitionAsync(surveyId)));
        var after = await StoredSurvey.IdsAsync(_app, surveyId);
        Assert.Equal(Sorted(ids.Where(i => !i.Key.Contains("oanvand"))), Sorted(after.Where(i => !i.Key.Contains("ny4"))));
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, surveyId));
        var survey = (await catalog.GetAsync(surveyId))!;
        Assert.Equal("A survey reworded", survey.Title);
        Assert.Equal("To what degree have you gone on?", survey.FindQuestion("grad")!.Text);
        Assert.Equal(["del1", "del3", "del2"], survey.Sections.Select(s => s.Key));
        Assert.Equal(["omraden", "grad", "igen", "nojd", "ovrigt", "fritext", "stod", "hinder"], survey.Questions.Select(q => q.Key));
        Assert.Equal("To a very high degree", survey.FindQuestion("grad")!.Choices()[4].Label);
        var audit = Assert.Single(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyEdited), e => e.Subject == $"A survey reworded ({surveyId})");
        Assert.Equal((Actor, (string?)null), (audit.Actor, audit.Details));
    }

    [Fact]
    public async Task AQuestionWithCodingCategoriesButNoAnswersTakesItsCategoriesWithIt()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        await using (var db = _app.CreateDbContext())
        {
            db.Categories.AddRange(
                new Category { QuestionId = (int)ids["question:fritext"], Name = "Nätverk" },
                new Category { QuestionId = (int)ids["question:ovrigt"], Name = "Övrigt" });
            await db.SaveChangesAsync();
        }
        var definition = await DefinitionAsync(surveyId);
        SurveyEdits.Get("QuestionRemoved").Apply(definition);

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        await using var check = _app.CreateDbContext();
        Assert.Equal(["Övrigt"], await check.Categories.Where(c => c.QuestionId == ids["question:fritext"] || c.QuestionId == ids["question:ovrigt"])
            .Select(c => c.Name).ToListAsync());
    }

    [Fact]
    public async Task EveryStructuralEditAtOnceIsSavedInPlaceWhileNoWaveHasAResponse()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);
        var ids = await StoredSurvey.IdsAsync(_app, surveyId);
        var definition = await DefinitionAsync(surveyId);
        SurveyEdits.Reword(definition);
        foreach (var name in new[] { "QuestionAdded", "SectionRemoved", "SectionAdded", "KindChanged", "ScaleChanged", "OptionRemoved", "ItemAdded",
            "StepsReordered", "ScaleOptionRemoved", "ConditionRemoved", "MaxAnswersLowered" })
        {
            SurveyEdits.Get(name).Apply(definition);
        }

        var result = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        Assert.Equal(StoredJson(definition), Json(await DefinitionAsync(surveyId)));
        AssertKeptIdsUnchanged(ids, await StoredSurvey.IdsAsync(_app, surveyId));
    }

    [Fact]
    public async Task VersionsCountOnAcrossTheLineageEvenFromAnOlderVersion()
    {
        var (first, _) = await SeedAsync(Responses.SubmittedAndStarted);
        var definition = await DefinitionAsync(first);

        var second = await _editing.SaveAsNewVersionAsync(Actor, first, definition);
        var third = await _editing.SaveAsNewVersionAsync(Actor, second.SurveyId!.Value, definition);
        var fromFirst = await _editing.SaveAsNewVersionAsync(Actor, first, definition);
        var (other, _) = await SeedAsync(Responses.None);
        var otherSecond = await _editing.SaveAsNewVersionAsync(Actor, other, await DefinitionAsync(other));

        var versions = new List<(int, int?)>();
        foreach (var id in new[] { second.SurveyId, third.SurveyId, fromFirst.SurveyId, otherSecond.SurveyId })
        {
            var loaded = (await _editing.LoadAsync(id!.Value))!;
            versions.Add((loaded.Version, loaded.PreviousVersionId));
        }
        Assert.Equal(new List<(int, int?)> { (2, first), (3, second.SurveyId), (4, first), (2, other) }, versions);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public async Task AnInvalidDefinitionStoresNothingAndGivesEveryProblem()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);
        var stored = Json(await DefinitionAsync(surveyId));
        await using var db = _app.CreateDbContext();
        var surveys = await db.Surveys.CountAsync();
        var audit = await db.AuditLog.CountAsync();
        var definition = await DefinitionAsync(surveyId);
        definition.Title = " ";
        definition.Question("omraden").Scale = "grad7";
        definition.Question("igen").Options![1].Code = "ja";

        var results = new[]
        {
            await _editing.CreateAsync(Actor, definition),
            await _editing.SaveAsync(Actor, surveyId, definition),
            await _editing.SaveAsNewVersionAsync(Actor, surveyId, definition),
        };

        Assert.All(results, result =>
        {
            Assert.Equal(SurveySaveOutcome.Invalid, result.Outcome);
            Assert.Null(result.SurveyId);
            Assert.Equal(
                [("title", "Missing"), ("sections[0].questions[1].scale", "UnknownScale"), ("sections[0].questions[2].options[1].code", "DuplicateKey")],
                result.Problems.Select(p => (p.Path, p.Code)));
        });
        Assert.Equal(stored, Json(await DefinitionAsync(surveyId)));
        Assert.Equal(surveys, await db.Surveys.CountAsync());
        Assert.Equal(audit, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task ASurveyThatDoesNotExistIsNotFound()
    {
        var definition = SurveyEdits.Definition();

        Assert.Equal(SurveySaveOutcome.NotFound, (await _editing.SaveAsync(Actor, int.MaxValue, definition)).Outcome);
        Assert.Equal(SurveySaveOutcome.NotFound, (await _editing.SaveAsNewVersionAsync(Actor, int.MaxValue, definition)).Outcome);
    }

    [Fact]
    public async Task ACreatedSurveyIsVersionOneAndIsAudited()
    {
        var definition = SurveyEdits.Definition();

        var result = await _editing.CreateAsync(Actor, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        var loaded = (await _editing.LoadAsync(result.SurveyId!.Value))!;
        Assert.Equal((1, (int?)null, false), (loaded.Version, loaded.PreviousVersionId, loaded.HasResponses));
        Assert.Equal(StoredJson(definition), Json(loaded.Definition));
        var audit = Assert.Single(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyCreated), e => e.Subject == $"Enkät att redigera ({result.SurveyId})");
        Assert.Equal(Actor, audit.Actor);
    }

    [Fact]
    public async Task ChangingTheDefinitionAfterSavingChangesNothingStored()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);
        var definition = await DefinitionAsync(surveyId);
        definition.Title = "Sparad titel";
        await _editing.SaveAsync(Actor, surveyId, definition);

        definition.Title = "Ändrad efteråt";
        definition.Question("grad").Text = "Ändrad efteråt";

        var stored = await DefinitionAsync(surveyId);
        Assert.Equal("Sparad titel", stored.Title);
        Assert.Equal("I vilken grad har ni gått vidare?", stored.Question("grad").Text);
    }

    [Fact]
    public async Task AKeyIsSharedOnlyByTheVersionsOfOneSurvey()
    {
        using var culture = UiCulture.Swedish();
        var (first, _) = await SeedAsync(Responses.None);
        var (second, _) = await SeedAsync(Responses.None);
        var firstKey = (await _editing.LoadAsync(first))!.Definition.Key!;
        var before = await _editing.LoadAsync(second);

        var again = SurveyEdits.Definition();
        again.Key = firstKey;
        var created = await _editing.CreateAsync(Actor, again);
        var renamed = before!.Definition;
        renamed.Key = firstKey;
        var saved = await _editing.SaveAsync(Actor, second, renamed);
        var versioned = await _editing.SaveAsNewVersionAsync(Actor, first, (await _editing.LoadAsync(first))!.Definition);

        Assert.Equal(SurveySaveOutcome.Invalid, created.Outcome);
        Assert.Equal([("key", $"nyckeln '{firstKey}' används redan av en annan enkät")],
            created.Problems.Select(p => (p.Path, p.Message)));
        Assert.Equal(SurveySaveOutcome.Invalid, saved.Outcome);
        Assert.NotEqual(firstKey, (await _editing.LoadAsync(second))!.Definition.Key);
        Assert.Equal(SurveySaveOutcome.SavedAsNewVersion, versioned.Outcome);
        Assert.Equal(firstKey, (await _editing.LoadAsync(versioned.SurveyId!.Value))!.Definition.Key);
    }

    [Fact]
    public async Task AStructuralEditWaitsWhileAWaveIsOpenWithLinksOutEvenBeforeAnyResponse()
    {
        var (surveyId, waveId) = await SeedAsync(Responses.None);
        await using (var db = _app.CreateDbContext())
        {
            var participant = await db.Participants.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            db.Invitations.Add(new Invitation { WaveId = waveId, ParticipantId = participant, TokenHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        var edit = SurveyEdits.Structural.Single(e => e.Name == "QuestionRemoved");
        var definition = await DefinitionAsync(surveyId);
        edit.Apply(definition);
        var wording = await DefinitionAsync(surveyId);
        wording.Title = "Ny titel";

        var whileOpen = await _editing.SaveAsync(Actor, surveyId, definition);
        var reworded = await _editing.SaveAsync(Actor, surveyId, wording);
        await using (var db = _app.CreateDbContext())
        {
            (await db.Waves.SingleAsync(w => w.Id == waveId)).IsClosed = true;
            await db.SaveChangesAsync();
        }
        definition.Title = "Ny titel";
        var whileClosed = await _editing.SaveAsync(Actor, surveyId, definition);

        Assert.Equal(SurveySaveOutcome.RefusedWhileOpen, whileOpen.Outcome);
        Assert.Equal(edit.Expected, whileOpen.Changes.Select(c => (c.Path, c.Code)));
        Assert.Equal(SurveySaveOutcome.Saved, reworded.Outcome);
        Assert.Equal(SurveySaveOutcome.Saved, whileClosed.Outcome);
        Assert.DoesNotContain((await DefinitionAsync(surveyId)).Sections!.SelectMany(s => s.Questions!), q => q.Key == "fritext");
    }

    [Fact]
    public async Task ASaveBasedOnAnOlderStateIsRefusedAndKeepsWhatTheOtherEditorSaved()
    {
        var (surveyId, _) = await SeedAsync(Responses.None);
        var first = (await _editing.LoadAsync(surveyId))!;
        var second = (await _editing.LoadAsync(surveyId))!;
        Assert.Equal(first.Stamp, second.Stamp);

        first.Definition.Title = "Först sparad";
        var saved = await _editing.SaveAsync(Actor, surveyId, first.Definition, first.Stamp);
        second.Definition.Title = "Sparad ovanpå";
        var late = await _editing.SaveAsync(Actor, surveyId, second.Definition, second.Stamp);

        Assert.Equal(SurveySaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SurveySaveOutcome.ChangedMeanwhile, late.Outcome);
        var stored = (await _editing.LoadAsync(surveyId))!;
        Assert.Equal("Först sparad", stored.Definition.Title);
        Assert.NotEqual(first.Stamp, stored.Stamp);
    }
}
