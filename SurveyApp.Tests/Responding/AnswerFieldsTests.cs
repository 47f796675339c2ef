using Microsoft.Extensions.Primitives;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Responding;

public class AnswerFieldsTests
{
    private readonly Survey _survey = ModelSurvey.Load();

    private Question Q(string key) => _survey.FindQuestion(key)!;

    /// <summary>f1 single, f2 text, f5 likert and hinder (texts, up to 3).</summary>
    private IReadOnlyList<Question> Questions => [Q("f1"), Q("f2"), Q("f5"), Q("hinder")];

    private static readonly Question Matrix = new()
    {
        Key = "omraden",
        Kind = QuestionKind.Matrix,
        Text = "I vilken grad arbetar ni med följande?",
        Scale = new Scale
        {
            Key = "grad3",
            Steps = Enumerable.Range(1, 3).Select(v => new ScaleStep { Value = v, Label = $"Steg {v}", Position = v - 1 }).ToList(),
        },
        Items =
        [
            new QuestionItem { Code = "barn", Text = "Barn och unga", Position = 0 },
            new QuestionItem { Code = "miljo", Text = "Hållbara miljöer", Position = 1 },
        ],
    };

    private (AnswerSheet Answers, IReadOnlyList<AnswerProblem> Problems) Parse(Dictionary<string, StringValues> fields) =>
        AnswerFields.Parse(Questions, fields);

    [Fact]
    public void FieldNamesUseThePrefixAndTheQuestionKey()
    {
        Assert.Equal("q.f5", AnswerFields.Name(Q("f5")));
        Assert.Equal("q.hinder.2", AnswerFields.TextName(Q("hinder"), 2));
        Assert.Equal("q.omraden.miljo", AnswerFields.ItemName(Matrix, Matrix.Items[1]));
    }

    [Fact]
    public void ALikertValueIsRead()
    {
        var (answers, problems) = Parse(new() { ["q.f5"] = "4" });

        Assert.Empty(problems);
        Assert.Equal(["4"], answers["f5"].Codes);
        Assert.Equal(["f5"], answers.All.Keys);
    }

    [Fact]
    public void AnOffScaleLikertValueIsRead()
    {
        var (answers, problems) = Parse(new() { ["q.f5"] = "ej_gatt_vidare", ["q.f1"] = "vet_ej" });

        Assert.Empty(problems);
        Assert.Equal(["ej_gatt_vidare"], answers["f5"].Codes);
        Assert.Equal(["vet_ej"], answers["f1"].Codes);
    }

    [Fact]
    public void BlankValuesAreIgnored()
    {
        var (answers, problems) = Parse(new()
        {
            ["q.f5"] = "",
            ["q.f1"] = "  ",
            ["q.f2"] = " \r\n ",
            ["q.hinder.1"] = "",
        });

        Assert.Empty(problems);
        Assert.Empty(answers.All);
        Assert.True(answers["f5"].IsEmpty);
    }

    [Fact]
    public void AFieldForAQuestionNotInTheListIsNotOffered()
    {
        var (answers, problems) = Parse(new() { ["q.f5"] = "3", ["q.f7"] = "2" });

        Assert.Equal([new AnswerProblem("f7", ProblemKind.NotOffered)], problems);
        Assert.Equal(["3"], answers["f5"].Codes);
        Assert.True(answers["f7"].IsEmpty);
    }

    [Fact]
    public void AFieldForAnUnknownMatrixItemIsNotOffered()
    {
        var (answers, problems) = AnswerFields.Parse([Matrix], new Dictionary<string, StringValues>
        {
            ["q.omraden.barn"] = "2",
            ["q.omraden.skola"] = "3",
        });

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.NotOffered)], problems);
        Assert.Equal(new Dictionary<string, string> { ["barn"] = "2" }, answers["omraden"].ItemCodes);
    }

    [Fact]
    public void MatrixItemFieldsAreReadByItemCode()
    {
        var (answers, problems) = AnswerFields.Parse([Matrix], new Dictionary<string, StringValues>
        {
            ["q.omraden.barn"] = "1",
            ["q.omraden.miljo"] = "3",
        });

        Assert.Empty(problems);
        Assert.Equal(new Dictionary<string, string> { ["barn"] = "1", ["miljo"] = "3" }, answers["omraden"].ItemCodes);
    }

    [Fact]
    public void AMatrixItemFieldPostedTwiceIsTooMany()
    {
        var (_, problems) = AnswerFields.Parse([Matrix], new Dictionary<string, StringValues>
        {
            ["q.omraden.barn"] = new StringValues(["1", "2"]),
        });

        Assert.Equal([new AnswerProblem("omraden", ProblemKind.TooMany, 1)], problems);
    }

    [Fact]
    public void ATextFieldPostedTwiceIsTooMany()
    {
        var (answers, problems) = Parse(new() { ["q.f2"] = new StringValues(["första", "andra"]) });

        Assert.Equal([new AnswerProblem("f2", ProblemKind.TooMany, 1)], problems);
        Assert.Equal(["första"], answers["f2"].Texts);
    }

    [Fact]
    public void ALikertFieldPostedTwiceKeepsBothCodesSoTheRulesFindTooMany()
    {
        var (answers, problems) = Parse(new() { ["q.f5"] = new StringValues(["2", "4"]) });

        Assert.Empty(problems);
        Assert.Equal(["2", "4"], answers["f5"].Codes);
        Assert.Equal(
            [new AnswerProblem("f5", ProblemKind.TooMany, 1)],
            AnswerRules.Check([Q("f5")], answers, enforceRequired: true));
    }

    [Fact]
    public void TextsFieldsAreReadInOrderSkippingBlanks()
    {
        var (answers, problems) = Parse(new()
        {
            ["q.hinder.3"] = "pengar",
            ["q.hinder.2"] = "   ",
            ["q.hinder.1"] = "tid",
        });

        Assert.Empty(problems);
        Assert.Equal(["tid", "pengar"], answers["hinder"].Texts);
    }

    [Fact]
    public void AFourthTextsFieldOnAQuestionOfThreeIsNotOffered()
    {
        var (answers, problems) = Parse(new()
        {
            ["q.hinder.1"] = "ett",
            ["q.hinder.2"] = "två",
            ["q.hinder.3"] = "tre",
            ["q.hinder.4"] = "fyra",
        });

        Assert.Equal([new AnswerProblem("hinder", ProblemKind.NotOffered)], problems);
        Assert.Equal(["ett", "två", "tre"], answers["hinder"].Texts);
    }

    [Fact]
    public void ATextsFieldWithoutNumberIsNotOffered()
    {
        var (_, problems) = Parse(new() { ["q.hinder"] = "tid" });

        Assert.Equal([new AnswerProblem("hinder", ProblemKind.NotOffered)], problems);
    }

    [Fact]
    public void TextIsTrimmedAndLineBreaksAreNormalised()
    {
        var (answers, problems) = Parse(new()
        {
            ["q.f2"] = "  Första raden\r\nAndra raden\r\n\r\n",
            ["q.hinder.1"] = "\ttid\r\n",
        });

        Assert.Empty(problems);
        Assert.Equal(["Första raden\nAndra raden"], answers["f2"].Texts);
        Assert.Equal(["tid"], answers["hinder"].Texts);
    }

    [Fact]
    public void FieldsWithoutTheQuestionPrefixAreIgnored()
    {
        var (answers, problems) = Parse(new()
        {
            ["__RequestVerificationToken"] = "CfDJ8abc",
            ["nav"] = "next",
            ["_handler"] = "save",
            ["f5"] = "3",
            ["Q.f5"] = "3",
            ["q.f1"] = "nej",
        });

        Assert.Empty(problems);
        Assert.Equal(["f1"], answers.All.Keys);
        Assert.Equal(["nej"], answers["f1"].Codes);
    }

    [Fact]
    public void ACodeTheQuestionDoesNotOfferIsLeftForTheRules()
    {
        var (answers, problems) = Parse(new() { ["q.f1"] = "kanske" });

        Assert.Empty(problems);
        Assert.Equal(
            [new AnswerProblem("f1", ProblemKind.NotOffered)],
            AnswerRules.Check([Q("f1")], answers, enforceRequired: false));
    }

    [Fact]
    public void AGeneratedTokenHasFortyThreeCharactersAndIsWellFormed()
    {
        var token = InvitationToken.Generate();

        Assert.Equal(43, token.Length);
        Assert.Equal(InvitationToken.Length, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.True(InvitationToken.IsWellFormed(token));
    }

    [Fact]
    public void TwoGeneratedTokensDiffer()
    {
        Assert.NotEqual(InvitationToken.Generate(), InvitationToken.Generate());
    }

    [Fact]
    public void AThousandGeneratedTokensAreAllDistinctAndWellFormed()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationToken.Generate()).ToList();

        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(InvitationToken.IsWellFormed(t), t));
    }

    [Fact]
    public void ATokenHashIsSixtyFourHexCharacters()
    {
        var hash = InvitationToken.Hash(InvitationToken.Generate());

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9A-Fa-f]{64}$", hash);
    }

    [Fact]
    public void ATokenHashIsTheSameEveryTimeAndDiffersForAnotherToken()
    {
        const string token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

        var hash = InvitationToken.Hash(token);

        Assert.Equal(hash, InvitationToken.Hash(token));
        Assert.NotEqual(hash, InvitationToken.Hash(token[..^1] + "R"));
    }

    [Fact]
    public void TheHashOfAKnownTokenIsStable()
    {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        Assert.Equal(
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            InvitationToken.Hash("abc").ToUpperInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP/")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP+")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP=")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP ")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPå")]
    public void AMalformedTokenIsRejected(string? token)
    {
        Assert.False(InvitationToken.IsWellFormed(token));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ")]
    [InlineData("0123456789-_0123456789-_0123456789-_0123456")]
    public void ATokenOfFortyThreeUrlSafeCharactersIsWellFormed(string token)
    {
        Assert.Equal(43, token.Length);
        Assert.True(InvitationToken.IsWellFormed(token));
    }
}
