using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Export;

public sealed class ResponseColumnsTests
{
    private static readonly Survey Survey = Build();

    private static Survey Build()
    {
        var scale = new Scale
        {
            Key = "grad",
            Steps = [new() { Value = 1, Label = "Inte alls", Position = 0 }, new() { Value = 2, Label = "Delvis", Position = 1 }, new() { Value = 3, Label = "Helt", Position = 2 }],
            OffScaleOptions = [new() { Code = "vet_ej", Label = "Vet ej", Position = 0 }],
        };
        static QuestionOption Option(string code, string label, int position) => new() { Code = code, Label = label, Position = position };
        var questions = new List<Question>
        {
            new() { Key = "skala", Kind = QuestionKind.Likert, Text = "Hur väl?", Scale = scale, Position = 0 },
            new()
            {
                Key = "matris", Kind = QuestionKind.Matrix, Text = "Hur väl för varje del?", Scale = scale, Position = 1,
                Items = [new() { Code = "b", Text = "Del B", Position = 1 }, new() { Code = "a", Text = "Del A", Position = 0 }],
            },
            new() { Key = "enval", Kind = QuestionKind.Single, Text = "Vilken?", Position = 2, Options = [Option("ja", "Ja", 0), Option("nej", "Nej", 1)] },
            new() { Key = "flerval", Kind = QuestionKind.Multi, Text = "Vilka?", Position = 3, Options = [Option("x", "Ett", 0), Option("y", "Två", 1), Option("z", "Tre", 2)] },
            new() { Key = "fritext", Kind = QuestionKind.Text, Text = "Beskriv", Position = 4 },
            new() { Key = "hinder", Kind = QuestionKind.Texts, Text = "Tre hinder", Position = 5, MaxAnswers = 3 },
        };
        return ModelSurvey.WithIds(new Survey { Key = "test", Title = "Test", Sections = [new() { Key = "s", Title = "S", Questions = questions }] });
    }

    private static Question Q(string key) => Survey.FindQuestion(key)!;

    private static List<Answer> Answers()
    {
        var sheet = new AnswerSheet();
        sheet.Set("skala", QuestionAnswer.Choice("vet_ej"));
        sheet.Set("matris", QuestionAnswer.Matrix(new Dictionary<string, string> { ["a"] = "3", ["b"] = "1" }));
        sheet.Set("enval", QuestionAnswer.Choice("nej"));
        sheet.Set("flerval", QuestionAnswer.Choice("z", "x"));
        sheet.Set("fritext", QuestionAnswer.Open("=1+1"));
        sheet.Set("hinder", QuestionAnswer.Open("Tid", "Pengar"));
        return Survey.Questions.SelectMany(q => AnswerRows.ToRows(q, sheet[q.Key])).ToList();
    }

    [Fact]
    public void ThereIsAColumnPerQuestionMatrixItemAndOpenAnswer()
    {
        var columns = ResponseColumns.For(Survey);

        Assert.Equal(["skala", "matris.a", "matris.b", "enval", "flerval", "fritext", "hinder.1", "hinder.2", "hinder.3"],
            columns.Columns.Select(c => c.Header));
    }

    [Fact]
    public void CodesFillTheColumnsWithMultiCodesJoinedInTheOrderGiven()
    {
        var values = ResponseColumns.For(Survey).Values(Answers(), labels: false);

        Assert.Equal(new string?[] { "vet_ej", "3", "1", "nej", "z|x", "=1+1", "Tid", "Pengar", null }, values.AsEnumerable());
    }

    [Fact]
    public void LabelsReplaceCodesButNotOpenAnswers()
    {
        var values = ResponseColumns.For(Survey).Values(Answers(), labels: true);

        Assert.Equal(new string?[] { "Vet ej", "Helt", "Inte alls", "Nej", "Tre; Ett", "=1+1", "Tid", "Pengar", null }, values.AsEnumerable());
    }

    [Fact]
    public void CodesAndLabelsFromOnePassEqualEachAsked()
    {
        var columns = ResponseColumns.For(Survey);

        var (codes, labels) = columns.CodesAndLabels(Answers());

        Assert.Equal(columns.Values(Answers(), labels: false), codes);
        Assert.Equal(columns.Values(Answers(), labels: true), labels);
        Assert.NotEqual(codes, labels);
    }

    [Fact]
    public void AResponseWithoutAnswersIsAllEmpty()
    {
        var values = ResponseColumns.For(Survey).Values([], labels: false);

        Assert.All(values, Assert.Null);
    }

    [Fact]
    public void AnswersToQuestionsNotInTheSurveyAreIgnored()
    {
        var stray = new Answer { QuestionId = 999, Code = "1" };

        var values = ResponseColumns.For(Survey).Values([stray, .. Answers()], labels: false);

        Assert.Equal("vet_ej", values[0]);
    }

    [Fact]
    public void ACodeTheQuestionNoLongerOffersKeepsItsCodeAsLabel()
    {
        var answer = new Answer { QuestionId = Q("enval").Id, Code = "kanske" };

        var values = ResponseColumns.For(Survey).Values([answer], labels: true);

        Assert.Equal("kanske", values[3]);
    }
}
