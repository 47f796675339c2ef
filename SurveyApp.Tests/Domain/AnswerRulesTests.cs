using SurveyApp.Domain;
using Xunit;

namespace SurveyApp.Tests.Domain;

public class AnswerRulesTests
{
    private static Scale Grad5() => new()
    {
        Key = "grad5",
        Steps = Enumerable.Range(1, 5).Select(v => new ScaleStep { Value = v, Label = $"Steg {v}", Position = v - 1 }).ToList(),
        OffScaleOptions = [new ScaleOffScaleOption { Code = "vet_ej", Label = "Vet ej", Position = 0 }],
    };

    private static List<QuestionOption> Options(params string[] codes) =>
        codes.Select((c, i) => new QuestionOption { Code = c, Label = c, Position = i }).ToList();

    private static readonly Question Likert = new()
    {
        Key = "grad",
        Kind = QuestionKind.Likert,
        Text = "I vilken grad har ni gått vidare?",
        Required = true,
        Scale = Grad5(),
        Options = [new QuestionOption { Code = "ej_gatt_vidare", Label = "Vi har ej gått vidare", IsOffScale = true }],
    };

    private static readonly Question Single = new()
    {
        Key = "igen",
        Kind = QuestionKind.Single,
        Text = "Hade ni deltagit igen?",
        Options = Options("ja", "nej"),
    };

    private static readonly Question Multi = new()
    {
        Key = "stod",
        Kind = QuestionKind.Multi,
        Text = "Vilket stöd behöver ni?",
        Options = Options("konferenser", "metodstod", "natverk"),
    };

    private static readonly Question Matrix = new()
    {
        Key = "omraden",
        Kind = QuestionKind.Matrix,
        Text = "I vilken grad arbetar ni med följande?",
        Required = true,
        Scale = Grad5(),
        Items =
        [
            new QuestionItem { Code = "barn", Text = "Barn och unga", Position = 0 },
            new QuestionItem { Code = "miljo", Text = "Hållbara miljöer", Position = 1 },
        ],
    };

    private static readonly Question Text = new()
    {
        Key = "fordelar",
        Kind = QuestionKind.Text,
        Text = "Vilken var fördelen?",
        MaxLength = 10,
    };

    private static readonly Question Texts = new()
    {
        Key = "hinder",
        Kind = QuestionKind.Texts,
        Text = "Ange upp till tre hinder.",
        MaxAnswers = 3,
        MaxLength = 10,
    };

    /// <summary>Required, and shown only when <see cref="Likert"/> is answered 4 or 5.</summary>
    private static readonly Question Conditional = new()
    {
        Key = "hur",
        Kind = QuestionKind.Single,
        Text = "Hur har ni gått vidare?",
        Required = true,
        Options = Options("beslut", "plan"),
        ConditionQuestionKey = "grad",
        ConditionValues = ["4", "5"],
    };

    private static IReadOnlyList<AnswerProblem> Check(Question question, QuestionAnswer answer, bool enforceRequired = true)
    {
        var sheet = new AnswerSheet();
        sheet.Set(question.Key, answer);
        return AnswerRules.Check([question], sheet, enforceRequired);
    }

    private static AnswerSheet Sheet(params (string Key, QuestionAnswer Answer)[] answers)
    {
        var sheet = new AnswerSheet();
        foreach (var (key, answer) in answers)
        {
            sheet.Set(key, answer);
        }
        return sheet;
    }

    [Fact]
    public void ARequiredQuestionWithoutAnswerIsRequired()
    {
        var problems = Check(Likert, QuestionAnswer.Empty);

        var problem = Assert.Single(problems);
        Assert.Equal(new AnswerProblem("grad", ProblemKind.Required), problem);
    }

    [Fact]
    public void ARequiredMatrixWithOneItemUnansweredIsRequired()
    {
        var answer = QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "4" });

        var problems = Check(Matrix, answer);

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.Required)], problems);
    }

    [Fact]
    public void ARequiredMatrixWithEveryItemAnsweredHasNoProblem()
    {
        var answer = QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "4", ["miljo"] = "vet_ej" });

        Assert.Empty(Check(Matrix, answer));
    }

    [Theory]
    [InlineData(QuestionKind.Single)]
    [InlineData(QuestionKind.Multi)]
    [InlineData(QuestionKind.Text)]
    [InlineData(QuestionKind.Texts)]
    public void AnOptionalQuestionLeftEmptyHasNoProblem(QuestionKind kind)
    {
        var question = new[] { Single, Multi, Text, Texts }.Single(q => q.Kind == kind);

        Assert.False(question.Required);
        Assert.Empty(Check(question, QuestionAnswer.Empty));
    }

    [Fact]
    public void AStepCodeIsAccepted()
    {
        Assert.Empty(Check(Likert, QuestionAnswer.Choice("5")));
    }

    [Fact]
    public void ACodeTheQuestionDoesNotOfferIsNotOffered()
    {
        var problems = Check(Likert, QuestionAnswer.Choice("6"));

        var problem = Assert.Single(problems);
        Assert.Equal(new AnswerProblem("grad", ProblemKind.NotOffered), problem);
    }

    [Fact]
    public void AnOffScaleCodeIsNotAStepZero()
    {
        Assert.Equal([new AnswerProblem("grad", ProblemKind.NotOffered)], Check(Likert, QuestionAnswer.Choice("0")));
    }

    [Fact]
    public void ACodeOfAnotherQuestionIsNotOffered()
    {
        Assert.Equal([new AnswerProblem("igen", ProblemKind.NotOffered)], Check(Single, QuestionAnswer.Choice("konferenser")));
    }

    [Fact]
    public void CodesAreCaseSensitive()
    {
        Assert.Equal([new AnswerProblem("igen", ProblemKind.NotOffered)], Check(Single, QuestionAnswer.Choice("JA")));
    }

    [Fact]
    public void TwoCodesOnALikertQuestionAreTooMany()
    {
        var problems = Check(Likert, QuestionAnswer.Choice("2", "3"));

        Assert.Equal([new AnswerProblem("grad", ProblemKind.TooMany, 1)], problems);
    }

    [Fact]
    public void TwoCodesOnASingleQuestionAreTooMany()
    {
        var problems = Check(Single, QuestionAnswer.Choice("ja", "nej"));

        Assert.Equal([new AnswerProblem("igen", ProblemKind.TooMany, 1)], problems);
    }

    [Theory]
    [InlineData("vet_ej")]
    [InlineData("ej_gatt_vidare")]
    public void AnOffScaleCodeIsAccepted(string code)
    {
        Assert.Empty(Check(Likert, QuestionAnswer.Choice(code)));
    }

    [Fact]
    public void AnOffScaleCodeAnswersARequiredQuestion()
    {
        Assert.Empty(Check(Likert, QuestionAnswer.Choice("vet_ej")));
        Assert.False(AnswerRules.IsMissing(Likert, QuestionAnswer.Choice("vet_ej")));
    }

    [Fact]
    public void SeveralDifferentCodesOnAMultiQuestionAreAccepted()
    {
        Assert.Empty(Check(Multi, QuestionAnswer.Choice("natverk", "konferenser", "metodstod")));
    }

    [Fact]
    public void ACodeTwiceOnAMultiQuestionIsTooMany()
    {
        var problems = Check(Multi, QuestionAnswer.Choice("konferenser", "konferenser"));

        var problem = Assert.Single(problems);
        Assert.Equal("stod", problem.QuestionKey);
        Assert.Equal(ProblemKind.TooMany, problem.Kind);
    }

    [Fact]
    public void AnUnknownMatrixItemIsNotOffered()
    {
        var answer = QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "2", ["skola"] = "3" });

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.NotOffered)], Check(Matrix, answer));
    }

    [Fact]
    public void AnUnknownCodeForAMatrixItemIsNotOffered()
    {
        var answer = QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "7" });

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.NotOffered)], Check(Matrix, answer));
    }

    [Fact]
    public void APlainCodeOnAMatrixQuestionIsNotOffered()
    {
        var answer = new QuestionAnswer
        {
            Codes = ["1"],
            ItemCodes = new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "2" },
        };

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.NotOffered)], Check(Matrix, answer));
    }

    [Fact]
    public void TextOnAChoiceQuestionIsNotOffered()
    {
        var answer = new QuestionAnswer { Codes = ["ja"], Texts = ["fritt"] };

        Assert.Equal([new AnswerProblem("igen", ProblemKind.NotOffered)], Check(Single, answer));
    }

    [Fact]
    public void ATextLongerThanMaxLengthIsTooLongWithTheLimit()
    {
        var problems = Check(Text, QuestionAnswer.Open("elva tecken"));

        var problem = Assert.Single(problems);
        Assert.Equal(new AnswerProblem("fordelar", ProblemKind.TooLong, 10), problem);
    }

    [Fact]
    public void ATextOfExactlyMaxLengthIsAccepted()
    {
        Assert.Empty(Check(Text, QuestionAnswer.Open("tio tecken")));
    }

    [Fact]
    public void OneTooLongAnswerOfATextsQuestionIsTooLong()
    {
        var problems = Check(Texts, QuestionAnswer.Open("kort", "alldeles för långt"));

        Assert.Equal([new AnswerProblem("hinder", ProblemKind.TooLong, 10)], problems);
    }

    [Fact]
    public void FourTextsOnAQuestionOfThreeAreTooMany()
    {
        var problems = Check(Texts, QuestionAnswer.Open("ett", "två", "tre", "fyra"));

        Assert.Equal([new AnswerProblem("hinder", ProblemKind.TooMany, 3)], problems);
    }

    [Fact]
    public void ThreeTextsOnAQuestionOfThreeAreAccepted()
    {
        Assert.Empty(Check(Texts, QuestionAnswer.Open("ett", "två", "tre")));
    }

    [Fact]
    public void TwoTextsOnATextQuestionAreTooMany()
    {
        Assert.Equal([new AnswerProblem("fordelar", ProblemKind.TooMany, 1)], Check(Text, QuestionAnswer.Open("ett", "två")));
    }

    [Fact]
    public void AConditionalQuestionIsHiddenWhenItsSourceIsNotAnsweredWithAConditionValue()
    {
        Assert.False(AnswerRules.IsShown(Conditional, Sheet(("grad", QuestionAnswer.Choice("3")))));
        Assert.False(AnswerRules.IsShown(Conditional, Sheet(("grad", QuestionAnswer.Choice("vet_ej")))));
        Assert.False(AnswerRules.IsShown(Conditional, new AnswerSheet()));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("5")]
    public void AConditionalQuestionIsShownWhenItsSourceIsAnsweredWithAConditionValue(string code)
    {
        Assert.True(AnswerRules.IsShown(Conditional, Sheet(("grad", QuestionAnswer.Choice(code)))));
    }

    [Fact]
    public void AQuestionWithoutConditionIsAlwaysShown()
    {
        Assert.True(AnswerRules.IsShown(Single, new AnswerSheet()));
    }

    [Fact]
    public void AConditionOnAMatrixIsMetByAnyItemAnswer()
    {
        var onMatrix = new Question
        {
            Key = "varfor",
            Kind = QuestionKind.Text,
            Text = "Varför?",
            ConditionQuestionKey = "omraden",
            ConditionValues = ["5"],
        };

        var shown = Sheet(("omraden", QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "5" })));
        var hidden = Sheet(("omraden", QuestionAnswer.Matrix(new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "4" })));

        Assert.True(AnswerRules.IsShown(onMatrix, shown));
        Assert.False(AnswerRules.IsShown(onMatrix, hidden));
    }

    [Fact]
    public void AnAnswerToAHiddenQuestionIsNotShown()
    {
        var sheet = Sheet(("grad", QuestionAnswer.Choice("2")), ("hur", QuestionAnswer.Choice("plan")));

        var problems = AnswerRules.Check([Likert, Conditional], sheet, enforceRequired: true);

        Assert.Equal([new AnswerProblem("hur", ProblemKind.NotShown)], problems);
    }

    [Fact]
    public void AHiddenRequiredQuestionIsNotMissing()
    {
        var sheet = Sheet(("grad", QuestionAnswer.Choice("2")));

        var problems = AnswerRules.Check([Likert, Conditional], sheet, enforceRequired: true);

        Assert.Empty(problems);
    }

    [Fact]
    public void AShownRequiredQuestionIsMissingWhenUnanswered()
    {
        var sheet = Sheet(("grad", QuestionAnswer.Choice("4")));

        var problems = AnswerRules.Check([Likert, Conditional], sheet, enforceRequired: true);

        Assert.Equal([new AnswerProblem("hur", ProblemKind.Required)], problems);
    }

    [Fact]
    public void AShownConditionalQuestionAcceptsAnAnswer()
    {
        var sheet = Sheet(("grad", QuestionAnswer.Choice("5")), ("hur", QuestionAnswer.Choice("beslut")));

        Assert.Empty(AnswerRules.Check([Likert, Conditional], sheet, enforceRequired: true));
    }

    [Fact]
    public void RequiredIsNotCheckedWhenNotEnforced()
    {
        var problems = AnswerRules.Check([Likert, Matrix], new AnswerSheet(), enforceRequired: false);

        Assert.Empty(problems);
    }

    [Fact]
    public void ValueProblemsAreStillReportedWhenRequiredIsNotEnforced()
    {
        var problems = Check(Likert, QuestionAnswer.Choice("9"), enforceRequired: false);

        Assert.Equal([new AnswerProblem("grad", ProblemKind.NotOffered)], problems);
    }

    [Fact]
    public void ProblemsOfSeveralQuestionsAreReportedInQuestionOrder()
    {
        var sheet = Sheet(("igen", QuestionAnswer.Choice("kanske")), ("fordelar", QuestionAnswer.Open("alldeles för långt")));

        var problems = AnswerRules.Check([Likert, Single, Matrix, Text], sheet, enforceRequired: true);

        Assert.Equal(
            [
                new AnswerProblem("grad", ProblemKind.Required),
                new AnswerProblem("igen", ProblemKind.NotOffered),
                new AnswerProblem("omraden", ProblemKind.Required),
                new AnswerProblem("fordelar", ProblemKind.TooLong, 10),
            ],
            problems);
    }
}
