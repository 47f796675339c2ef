using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Surveys;
using SurveyApp.Analysis;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>
/// Editing the model survey with its demo responses and codings in two waves, on a fresh SQLite file for
/// each test (xUnit makes a new instance per test), because the tests change the survey.
/// </summary>
public sealed class ModelSurveyEditingTests : IDisposable
{
    private const string Actor = "admin@example.org";

    private readonly SurveyAppFactory _app = new(demoResponses: true);
    private readonly SurveyEditing _editing;
    private readonly WaveResultsQuery _results;
    private readonly int _surveyId;
    private readonly int _wave2013;
    private readonly int _wave2015;

    public ModelSurveyEditingTests()
    {
        _editing = _app.Services.GetRequiredService<SurveyEditing>();
        _results = _app.Services.GetRequiredService<WaveResultsQuery>();
        var waves = _app.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
        _wave2015 = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)").WaveId;
        _surveyId = waves.Single(w => w.WaveId == _wave2013).SurveyId;
    }

    public void Dispose() => _app.Dispose();

    private async Task<SurveyDefinition> DefinitionAsync() => (await _editing.LoadAsync(_surveyId))!.Definition;

    private async Task<(int Categories, int Codings)> CodingsAsync()
    {
        await using var db = _app.CreateDbContext();
        return (await db.Categories.CountAsync(), await db.AnswerCategories.CountAsync());
    }

    [Fact]
    public async Task TheModelSurveyHasResponses()
    {
        var loaded = await _editing.LoadAsync(_surveyId);

        Assert.True(loaded!.HasResponses);
        Assert.Equal(1, loaded.Version);
    }

    [Fact]
    public async Task RemovingTheCodedQuestionF2OrAStepOfItsScaleIsRefusedAndItsAnswersAndCodingsStay()
    {
        var answers = await StoredSurvey.AnswersAsync(_app, _surveyId);
        var codings = await CodingsAsync();
        var stored = SurveyDefinitionReader.Write(await DefinitionAsync());
        var definition = await DefinitionAsync();
        definition.Section("deltagande").Questions!.Remove(definition.Question("f2"));
        definition.Scale("grad5").Steps!.RemoveAt(0);
        definition.Question("f7").ShowIf!.AnyOf = ["2", "3", "4", "5"];

        var result = await _editing.SaveAsync(Actor, _surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Refused, result.Outcome);
        Assert.Equal(
            [
                ("sections[0].questions[1]", "QuestionRemoved"),
                ("sections[2].questions[0].showIf", "ConditionChanged"),
                ("scales[0].steps[0]", "StepRemoved"),
            ],
            result.Changes.Select(c => (c.Path, c.Code)));
        Assert.True(answers.Count > 0);
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, _surveyId));
        Assert.Equal(codings, await CodingsAsync());
        Assert.Equal(stored, SurveyDefinitionReader.Write(await DefinitionAsync()));
    }

    [Fact]
    public async Task RewordingTheModelSurveyKeepsItsDemoAnswersCodingsAndResults()
    {
        var before = (await _results.GetAsync(_wave2013, ResultsFilter.None))!;
        var answers = await StoredSurvey.AnswersAsync(_app, _surveyId);
        var codings = await CodingsAsync();
        var ids = await StoredSurvey.IdsAsync(_app, _surveyId);
        var definition = await DefinitionAsync();
        definition.Question("f2").Text = "Vilka fördelar hade det att vara med i Samlingen?";
        definition.Question("f1").Options![3].Label = "Vet inte";
        definition.Scale("grad5").Steps![3].Label = "I ganska hög grad";
        var f6 = definition.Question("f6");
        definition.Section("rekommendationer").Questions!.Remove(f6);
        definition.Section("langsiktighet").Questions!.Add(f6);

        var result = await _editing.SaveAsync(Actor, _surveyId, definition);

        Assert.Equal(SurveySaveOutcome.Saved, result.Outcome);
        Assert.Equal(ids.OrderBy(i => i.Key), (await StoredSurvey.IdsAsync(_app, _surveyId)).OrderBy(i => i.Key));
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, _surveyId));
        Assert.Equal(codings, await CodingsAsync());
        var after = (await _results.GetAsync(_wave2013, ResultsFilter.None))!;
        var f2 = after.Questions.Single(q => q.Question.Key == "f2");
        Assert.Equal("Vilka fördelar hade det att vara med i Samlingen?", f2.Question.Text);
        var f9 = after.Questions.Single(q => q.Question.Key == "f9").Main;
        Assert.Equal("I ganska hög grad", f9.Choices.Single(c => c.Code == "4").Label);
        Assert.Equal(11, f9.Choices.Single(c => c.Code == "4").Count);
        static IEnumerable<string> Counts(WaveResults results) => results.Questions
            .Select(q => $"{q.Question.Key}: {q.TextAnswers} {string.Join(",", q.Distributions.SelectMany(d => d.Choices.Select(c => c.Count)))}").Order();
        Assert.Equal(Counts(before), Counts(after));
    }

    [Fact]
    public async Task TheModelSurveyWithoutF2AsANewVersionLeavesBothWavesOnTheFirst()
    {
        var answers = await StoredSurvey.AnswersAsync(_app, _surveyId);
        var definition = await DefinitionAsync();
        definition.Section("deltagande").Questions!.Remove(definition.Question("f2"));

        var result = await _editing.SaveAsNewVersionAsync(Actor, _surveyId, definition);

        Assert.Equal(SurveySaveOutcome.SavedAsNewVersion, result.Outcome);
        var version = (await _editing.LoadAsync(result.SurveyId!.Value))!;
        Assert.Equal((2, _surveyId, false), (version.Version, version.PreviousVersionId, version.HasResponses));
        Assert.DoesNotContain(version.Definition.Sections!.SelectMany(s => s.Questions!), q => q.Key == "f2");
        Assert.Equal([_surveyId, _surveyId], await StoredSurvey.WaveSurveysAsync(_app, [_wave2013, _wave2015]));
        Assert.Equal(answers, await StoredSurvey.AnswersAsync(_app, _surveyId));
        Assert.Contains((await DefinitionAsync()).Sections![0].Questions!, q => q.Key == "f2");
        Assert.Single(await StoredSurvey.AuditAsync(_app, AuditActions.SurveyVersioned));
    }
}
