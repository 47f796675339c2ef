using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Definitions;

public class SurveyDefinitionMapperTests
{
    private static readonly DateTimeOffset CreatedAt = new(2013, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static SurveyDefinition ModelDefinition() =>
        SurveyDefinitionReader.Read(File.ReadAllBytes(RepoPaths.ModelSurvey)).Definition!;

    private static Survey ModelSurvey() => SurveyDefinitionMapper.ToSurvey(ModelDefinition(), CreatedAt);

    private static Question Find(Survey survey, string key) =>
        survey.FindQuestion(key) ?? throw new InvalidOperationException($"No question '{key}'.");

    [Fact]
    public void TheModelSurveyMapsToFiveSectionsInFileOrder()
    {
        var survey = ModelSurvey();

        Assert.Equal("samlingen-uppfoljning-2013", survey.Key);
        Assert.Equal("Uppföljning av Samling för social hållbarhet", survey.Title);
        Assert.Equal("sv", survey.Language);
        Assert.Equal(CreatedAt, survey.CreatedAt);
        Assert.Equal(
            ["deltagande", "rekommendationer", "langsiktighet", "framgang-hinder", "skl"],
            survey.Sections.OrderBy(s => s.Position).Select(s => s.Key));
        Assert.Equal([0, 1, 2, 3, 4], survey.Sections.Select(s => s.Position));
    }

    [Fact]
    public void QuestionKindsAreThoseOfTheFile()
    {
        var survey = ModelSurvey();

        Assert.Equal(
            [
                ("f1", QuestionKind.Single),
                ("f2", QuestionKind.Text),
                ("f3", QuestionKind.Text),
                ("f4", QuestionKind.Text),
                ("f5", QuestionKind.Likert),
                ("f6", QuestionKind.Text),
                ("f7", QuestionKind.Likert),
                ("f8", QuestionKind.Likert),
                ("f9", QuestionKind.Likert),
                ("framgangsfaktorer", QuestionKind.Text),
                ("hinder", QuestionKind.Texts),
                ("skl-stod", QuestionKind.Text),
            ],
            survey.Questions.Select(q => (q.Key, q.Kind)));
    }

    [Fact]
    public void QuestionsKeepTheirPositionWithinTheirSection()
    {
        var survey = ModelSurvey();

        var section = survey.Sections.Single(s => s.Key == "langsiktighet");

        Assert.Equal([("f7", 0), ("f8", 1), ("f9", 2)], section.Questions.Select(q => (q.Key, q.Position)));
    }

    [Fact]
    public void F5OffersTheFiveGradStepsThenItsOwnOffScaleAnswer()
    {
        var f5 = Find(ModelSurvey(), "f5");

        var choices = f5.Choices();

        Assert.Equal(QuestionKind.Likert, f5.Kind);
        Assert.Equal("grad5", f5.Scale!.Key);
        Assert.True(f5.Required);
        Assert.Equal(
            [
                new Choice("1", "I mycket låg grad", 1, false),
                new Choice("2", "I låg grad", 2, false),
                new Choice("3", "Varken låg eller hög grad", 3, false),
                new Choice("4", "I hög grad", 4, false),
                new Choice("5", "I mycket hög grad", 5, false),
                new Choice("ej_gatt_vidare", "Vi har ej gått vidare", null, true),
            ],
            choices);
    }

    [Fact]
    public void TheOffScaleAnswerOfF5IsAnOptionOfTheQuestionNotAStepOfTheScale()
    {
        var survey = ModelSurvey();
        var f5 = Find(survey, "f5");

        var option = Assert.Single(f5.Options);
        Assert.Equal("ej_gatt_vidare", option.Code);
        Assert.True(option.IsOffScale);
        Assert.Equal(5, f5.Scale!.Steps.Count);
        Assert.Empty(f5.Scale.OffScaleOptions);
        Assert.DoesNotContain(f5.Scale.Steps, s => s.Value == 0);
    }

    [Fact]
    public void TheJa3ScaleKeepsItsReportOrderWithDescendingValues()
    {
        var survey = ModelSurvey();

        var ja3 = survey.Scales.Single(s => s.Key == "ja3");

        Assert.Equal(
            [("Ja, i hög grad", 3, 0), ("Ja, i viss grad", 2, 1), ("Nej", 1, 2)],
            ja3.Steps.Select(s => (s.Label, s.Value, s.Position)));
        Assert.Equal(["3", "2", "1"], Find(survey, "f8").Choices().Select(c => c.Code));
    }

    [Fact]
    public void QuestionsUsingTheSameScaleShareOneScaleObject()
    {
        var survey = ModelSurvey();

        Assert.Equal(2, survey.Scales.Count);
        Assert.Same(Find(survey, "f7").Scale, Find(survey, "f8").Scale);
        Assert.Same(Find(survey, "f5").Scale, Find(survey, "f9").Scale);
    }

    [Fact]
    public void F7IsShownOnlyForTheStepsOfF5()
    {
        var f7 = Find(ModelSurvey(), "f7");

        Assert.Equal("f5", f7.ConditionQuestionKey);
        Assert.Equal(["1", "2", "3", "4", "5"], f7.ConditionValues);
    }

    [Fact]
    public void QuestionsWithoutConditionHaveNone()
    {
        var f8 = Find(ModelSurvey(), "f8");

        Assert.Null(f8.ConditionQuestionKey);
        Assert.Empty(f8.ConditionValues);
    }

    [Fact]
    public void SingleOptionsKeepTheirOffScaleFlag()
    {
        var f1 = Find(ModelSurvey(), "f1");

        Assert.Equal(
            [("ja_helt_sakert", false), ("ja_viss_tveksamhet", false), ("nej", false), ("vet_ej", true)],
            f1.Choices().Select(c => (c.Code, c.IsOffScale)));
        Assert.All(f1.Choices(), c => Assert.Null(c.Value));
    }

    [Fact]
    public void OpenQuestionsGetTheirLimitsOrTheDefaults()
    {
        var survey = ModelSurvey();

        var hinder = Find(survey, "hinder");
        var f2 = Find(survey, "f2");

        Assert.Equal((3, 500), (hinder.MaxAnswers, hinder.MaxLength));
        Assert.Equal((1, Question.DefaultMaxLength), (f2.MaxAnswers, f2.MaxLength));
        Assert.Equal("Skriv ett hinder per fält.", hinder.HelpText);
        Assert.False(f2.Required);
    }

    [Fact]
    public void ALanguageLeftOutMapsToSwedish()
    {
        var definition = ModelDefinition();
        definition.Language = null;

        var survey = SurveyDefinitionMapper.ToSurvey(definition, CreatedAt);

        Assert.Equal("sv", survey.Language);
    }

    [Fact]
    public void AnInvalidDefinitionIsNotMapped()
    {
        var definition = ModelDefinition();
        definition.Sections![1].Questions![0].Scale = "grad6";

        var error = Assert.Throws<ArgumentException>(() => SurveyDefinitionMapper.ToSurvey(definition, CreatedAt));

        Assert.Equal("definition", error.ParamName);
    }

    [Fact]
    public void WritingTheMappedSurveyBackGivesTheSameDefinition()
    {
        var definition = ModelDefinition();
        var original = SurveyDefinitionReader.Write(definition);

        var exported = SurveyDefinitionReader.Write(
            SurveyDefinitionMapper.ToDefinition(SurveyDefinitionMapper.ToSurvey(definition, CreatedAt)));

        Assert.Equal(original, exported);
    }

    [Fact]
    public void AnExportedSurveyReadsBackAsAnEqualDefinition()
    {
        var definition = ModelDefinition();
        var exported = SurveyDefinitionReader.Write(
            SurveyDefinitionMapper.ToDefinition(SurveyDefinitionMapper.ToSurvey(definition, CreatedAt)));

        var reread = SurveyDefinitionReader.Read(exported);

        Assert.Empty(reread.Problems);
        Assert.Equal(SurveyDefinitionReader.Write(definition), SurveyDefinitionReader.Write(reread.Definition!));
    }

    [Fact]
    public void TheExportLeavesOutDefaults()
    {
        var exported = SurveyDefinitionMapper.ToDefinition(ModelSurvey());

        var f2 = exported.Sections![0].Questions![1];
        var f8 = exported.Sections![2].Questions![1];

        Assert.Equal("f2", f2.Key);
        Assert.Null(f2.Required);
        Assert.Null(f2.MaxLength);
        Assert.Null(f2.Options);
        Assert.Equal("f8", f8.Key);
        Assert.True(f8.Required);
        Assert.Null(f8.OffScale);
        Assert.Null(f8.Items);
    }
}
