using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Imports;

namespace SurveyApp.Tests.Analysis;

/// <summary>
/// A follow-up on a new version of the model survey compares with the waves of the first version,
/// question by question; a question the version changed is left out. Real SQLite file with demo data.
/// </summary>
public sealed class ComparisonAcrossVersionsTests : IDisposable
{
    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public void SeriesFollowVersionsBackToTheFirst()
    {
        var series = Survey.Series([(1, null), (2, 1), (3, 2), (4, 1), (5, null), (6, 6)]);

        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 5, [6] = 6 }, series);
    }

    [Fact]
    public async Task AWaveOfTheNextVersionComparesWithTheFirstVersionsWavesByQuestionKey()
    {
        var waveList = _app.Services.GetRequiredService<WaveListQuery>();
        var comparisons = _app.Services.GetRequiredService<ComparisonService>();
        var waves = await waveList.ListAsync();
        var wave2015 = waves.Single(w => w.WaveName == "Uppföljning 2015 (fiktiv)");
        var surveyId = wave2015.SurveyId;

        // Version 2 offers f1 one more answer and asks one more question: both are structural changes.
        var editing = _app.Services.GetRequiredService<SurveyEditing>();
        var definition = (await editing.LoadAsync(surveyId))!.Definition;
        definition.Sections![0].Questions![0].Options!.Add(new OptionDefinition { Code = "planeras", Label = "Det planeras" });
        definition.Sections[^1].Questions!.Add(new QuestionDefinition { Key = "f10", Kind = "text", Text = "Något mer?" });
        var saved = await editing.SaveAsNewVersionAsync("admin@example.org", surveyId, definition);
        Assert.Equal(SurveySaveOutcome.SavedAsNewVersion, saved.Outcome);
        var created = await _app.Services.GetRequiredService<WaveAdministration>()
            .CreateAsync("admin@example.org", saved.SurveyId!.Value, "Uppföljning 2017", null, null);
        var wave2017 = created.WaveId!.Value;
        // The 2017 wave holds the very answers of 2015, so every compared distribution is unchanged.
        using (var csv = new StreamReader(Path.Combine(RepoPaths.Root, "data", "responses", "samlingen-uppfoljning-2015-fiktiv.csv")))
        {
            var imported = await _app.Services.GetRequiredService<ResponseImporter>().ImportAsync(wave2017, csv);
            Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        }

        var listed = (await waveList.ListAsync()).Single(w => w.WaveId == wave2017);
        Assert.Equal(surveyId, listed.SeriesId);
        Assert.NotEqual(surveyId, listed.SurveyId);

        var sameSurvey = await comparisons.CompareAsync(waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId, wave2015.WaveId, ResultsFilter.None);
        var acrossVersions = await comparisons.CompareAsync(wave2015.WaveId, wave2017, ResultsFilter.None);

        Assert.NotNull(acrossVersions);
        Assert.Equal(sameSurvey!.Questions.Select(q => q.Question.Key).Where(k => k != "f1"), acrossVersions.Questions.Select(q => q.Question.Key));
        Assert.Contains(sameSurvey.Questions, q => q.Question.Key == "f1");
        Assert.All(acrossVersions.Questions.SelectMany(q => q.Changes), change =>
        {
            Assert.Equal(change.CountA, change.CountB);
            Assert.Equal(0, change.PercentagePoints, 9);
        });
        var f5 = acrossVersions.Questions.Single(q => q.Question.Key == "f5");
        Assert.Equal(f5.Test!.CountA, f5.Test.Pairs);
    }

    [Fact]
    public async Task WavesOfUnrelatedSurveysStillDoNotCompare()
    {
        var waveList = _app.Services.GetRequiredService<WaveListQuery>();
        var wave2013 = (await waveList.ListAsync()).Single(w => w.WaveName == "Uppföljning december 2013");
        var json = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "data", "surveys", "samlingen-uppfoljning-2013.json"));
        var (other, _) = await _app.Services.GetRequiredService<SurveyImporter>().ImportAsync(json);
        var created = await _app.Services.GetRequiredService<WaveAdministration>().CreateAsync("admin@example.org", other!.Id, "Annan", null, null);

        Assert.Null(await _app.Services.GetRequiredService<ComparisonService>().CompareAsync(wave2013.WaveId, created.WaveId!.Value, ResultsFilter.None));
    }
}
