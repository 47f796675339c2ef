using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Domain;

public class AnswerRowsTests
{
    private readonly Survey _survey;

    public AnswerRowsTests()
    {
        var scale = new Scale
        {
            Key = "ja3",
            Steps =
            [
                new ScaleStep { Value = 3, Label = "Ja, i hög grad", Position = 0 },
                new ScaleStep { Value = 2, Label = "Ja, i viss grad", Position = 1 },
                new ScaleStep { Value = 1, Label = "Nej", Position = 2 },
            ],
            OffScaleOptions = [new ScaleOffScaleOption { Code = "vet_ej", Label = "Vet ej", Position = 0 }],
        };
        _survey = ModelSurvey.WithIds(new Survey
        {
            Key = "rader",
            Title = "Rader",
            Scales = [scale],
            Sections =
            [
                new Section
                {
                    Key = "del1",
                    Title = "Del 1",
                    Questions =
                    [
                        new Question
                        {
                            Key = "grad", Kind = QuestionKind.Likert, Text = "Grad?", Position = 0, Scale = scale,
                            Options = [new QuestionOption { Code = "ej_gatt_vidare", Label = "Vi har ej gått vidare", IsOffScale = true }],
                        },
                        new Question
                        {
                            Key = "omraden", Kind = QuestionKind.Matrix, Text = "Områden?", Position = 1, Scale = scale,
                            Items =
                            [
                                new QuestionItem { Code = "barn", Text = "Barn och unga", Position = 0 },
                                new QuestionItem { Code = "miljo", Text = "Hållbara miljöer", Position = 1 },
                                new QuestionItem { Code = "arbete", Text = "Försörjning", Position = 2 },
                            ],
                        },
                        new Question
                        {
                            Key = "igen", Kind = QuestionKind.Single, Text = "Igen?", Position = 2,
                            Options =
                            [
                                new QuestionOption { Code = "ja", Label = "Ja", Position = 0 },
                                new QuestionOption { Code = "vet_ej", Label = "Vet ej", IsOffScale = true, Position = 1 },
                            ],
                        },
                        new Question
                        {
                            Key = "stod", Kind = QuestionKind.Multi, Text = "Stöd?", Position = 3,
                            Options =
                            [
                                new QuestionOption { Code = "konferenser", Label = "Konferenser", Position = 0 },
                                new QuestionOption { Code = "metodstod", Label = "Metodstöd", Position = 1 },
                                new QuestionOption { Code = "natverk", Label = "Nätverk", Position = 2 },
                            ],
                        },
                        new Question { Key = "fordelar", Kind = QuestionKind.Text, Text = "Fördelar?", Position = 4 },
                        new Question { Key = "hinder", Kind = QuestionKind.Texts, Text = "Hinder?", Position = 5, MaxAnswers = 3 },
                    ],
                },
            ],
        });
    }

    private Question Q(string key) => _survey.FindQuestion(key)!;

    private List<Answer> Rows(string key, QuestionAnswer answer) => AnswerRows.ToRows(Q(key), answer).ToList();

    [Fact]
    public void ALikertStepIsStoredWithItsValueAndCode()
    {
        var row = Assert.Single(Rows("grad", QuestionAnswer.Choice("2")));

        Assert.Equal(Q("grad").Id, row.QuestionId);
        Assert.Equal("2", row.Code);
        Assert.Equal(2, row.Value);
        Assert.Null(row.ItemId);
        Assert.Null(row.Text);
    }

    [Fact]
    public void TheValueOfAStepIsItsScaleValueNotItsPosition()
    {
        var row = Assert.Single(Rows("grad", QuestionAnswer.Choice("3")));

        Assert.Equal(3, row.Value);
        Assert.Equal(0, Q("grad").Scale!.Steps.Single(s => s.Value == 3).Position);
    }

    [Theory]
    [InlineData("vet_ej")]
    [InlineData("ej_gatt_vidare")]
    public void AnOffScaleAnswerIsStoredAsItsCodeWithoutValue(string code)
    {
        var row = Assert.Single(Rows("grad", QuestionAnswer.Choice(code)));

        Assert.Equal(code, row.Code);
        Assert.Null(row.Value);
        Assert.Null(row.Text);
    }

    [Fact]
    public void ASingleOptionIsStoredWithoutValueEvenWhenItIsOffScale()
    {
        Assert.Null(Assert.Single(Rows("igen", QuestionAnswer.Choice("ja"))).Value);
        Assert.Null(Assert.Single(Rows("igen", QuestionAnswer.Choice("vet_ej"))).Value);
    }

    [Fact]
    public void MatrixRowsCarryTheirItemIdAndValue()
    {
        var question = Q("omraden");
        var answer = QuestionAnswer.Matrix(new Dictionary<string, string> { ["arbete"] = "vet_ej", ["barn"] = "3" });

        var rows = Rows("omraden", answer);

        var barn = question.Items.Single(i => i.Code == "barn");
        var arbete = question.Items.Single(i => i.Code == "arbete");
        Assert.Equal(
            new (int?, string?, int?, int)[] { (barn.Id, "3", 3, 0), (arbete.Id, "vet_ej", null, 2) },
            rows.Select(r => (r.ItemId, r.Code, r.Value, r.Position)));
        Assert.All(rows, r => Assert.Equal(question.Id, r.QuestionId));
        Assert.NotEqual(barn.Id, arbete.Id);
    }

    [Fact]
    public void MultiCodesKeepTheirOrderInPosition()
    {
        var rows = Rows("stod", QuestionAnswer.Choice("natverk", "konferenser"));

        Assert.Equal([("natverk", 0), ("konferenser", 1)], rows.Select(r => (r.Code, r.Position)));
        Assert.All(rows, r => Assert.Null(r.Value));
    }

    [Fact]
    public void TextsKeepTheirOrderInPosition()
    {
        var rows = Rows("hinder", QuestionAnswer.Open("tid", "pengar", "kunskap"));

        Assert.Equal([("tid", 0), ("pengar", 1), ("kunskap", 2)], rows.Select(r => (r.Text, r.Position)));
        Assert.All(rows, r => Assert.Null(r.Code));
        Assert.All(rows, r => Assert.Null(r.Value));
    }

    [Fact]
    public void AnEmptyAnswerHasNoRows()
    {
        Assert.Empty(Rows("grad", QuestionAnswer.Empty));
        Assert.Empty(Rows("omraden", QuestionAnswer.Empty));
        Assert.Empty(Rows("hinder", QuestionAnswer.Empty));
    }

    public static TheoryData<string, QuestionAnswer> AnswersOfEveryKind => new()
    {
        { "grad", QuestionAnswer.Choice("1") },
        { "grad", QuestionAnswer.Choice("ej_gatt_vidare") },
        { "grad", QuestionAnswer.Choice("vet_ej") },
        { "omraden", QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "2", ["miljo"] = "vet_ej", ["arbete"] = "3" }) },
        { "omraden", QuestionAnswer.Matrix(new Dictionary<string, string> { ["miljo"] = "1" }) },
        { "igen", QuestionAnswer.Choice("vet_ej") },
        { "stod", QuestionAnswer.Choice("natverk", "konferenser", "metodstod") },
        { "fordelar", QuestionAnswer.Open("Nätverket.\nOch stödet.") },
        { "hinder", QuestionAnswer.Open("tid", "pengar") },
    };

    [Theory]
    [MemberData(nameof(AnswersOfEveryKind))]
    public void RowsReadBackAsTheSameAnswer(string key, QuestionAnswer answer)
    {
        var sheet = AnswerRows.ToSheet(_survey, Rows(key, answer));

        var read = sheet[key];
        Assert.Equal(answer.Codes, read.Codes);
        Assert.Equal(answer.ItemCodes.OrderBy(p => p.Key), read.ItemCodes.OrderBy(p => p.Key));
        Assert.Equal(answer.Texts, read.Texts);
        Assert.Equal([key], sheet.All.Keys);
    }

    [Fact]
    public void RowsOfSeveralQuestionsReadBackIntoOneSheet()
    {
        var rows = Rows("grad", QuestionAnswer.Choice("3"))
            .Concat(Rows("stod", QuestionAnswer.Choice("metodstod", "konferenser")))
            .Concat(Rows("hinder", QuestionAnswer.Open("ett", "två", "tre")))
            .Reverse();

        var sheet = AnswerRows.ToSheet(_survey, rows);

        Assert.Equal(["3"], sheet["grad"].Codes);
        Assert.Equal(["metodstod", "konferenser"], sheet["stod"].Codes);
        Assert.Equal(["ett", "två", "tre"], sheet["hinder"].Texts);
        Assert.True(sheet["igen"].IsEmpty);
    }

    [Fact]
    public void RowsOfAQuestionNotInTheSurveyAreIgnored()
    {
        var rows = new[] { new Answer { QuestionId = 999, Code = "1", Value = 1 } };

        var sheet = AnswerRows.ToSheet(_survey, rows);

        Assert.Empty(sheet.All);
    }
}
