using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SurveyApp.Definitions;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Definitions;

public class SurveyDefinitionValidatorTests
{
    // sections[0]: grad (likert), omraden (matrix), igen (single), fritext (text)
    // sections[1]: stod (multi, shown if grad is 4 or 5), hinder (texts)
    private const string ValidJson = """
        {
          "key": "exempel",
          "language": "sv",
          "title": "Exempelenkät",
          "introduction": "Svaren sparas på varje sida.",
          "scales": [
            { "key": "grad5",
              "steps": [
                { "value": 1, "label": "I mycket låg grad" }, { "value": 2, "label": "I låg grad" },
                { "value": 3, "label": "Varken låg eller hög grad" },
                { "value": 4, "label": "I hög grad" }, { "value": 5, "label": "I mycket hög grad" } ],
              "offScale": [ { "code": "vet_ej", "label": "Vet ej" } ] },
            { "key": "ja3",
              "steps": [
                { "value": 3, "label": "Ja, i hög grad" }, { "value": 2, "label": "Ja, i viss grad" },
                { "value": 1, "label": "Nej" } ] }
          ],
          "sections": [
            { "key": "del1", "title": "Del 1", "questions": [
                { "key": "grad", "kind": "likert", "text": "I vilken grad har ni gått vidare?",
                  "required": true, "scale": "grad5",
                  "offScale": [ { "code": "ej_gatt_vidare", "label": "Vi har ej gått vidare" } ] },
                { "key": "omraden", "kind": "matrix", "text": "I vilken grad arbetar ni med följande?",
                  "scale": "grad5", "items": [
                    { "code": "barn", "text": "Barn och unga" }, { "code": "miljo", "text": "Hållbara miljöer" } ] },
                { "key": "igen", "kind": "single", "text": "Hade ni deltagit igen?", "options": [
                    { "code": "ja", "label": "Ja" }, { "code": "nej", "label": "Nej" },
                    { "code": "vet_ej", "label": "Vet ej", "offScale": true } ] },
                { "key": "fritext", "kind": "text", "text": "Vilken var fördelen?", "help": "Beskriv kort." } ] },
            { "key": "del2", "title": "Del 2", "questions": [
                { "key": "stod", "kind": "multi", "text": "Vilket stöd behöver ni?",
                  "showIf": { "question": "grad", "anyOf": ["4", "5"] }, "options": [
                    { "code": "konferenser", "label": "Konferenser" }, { "code": "metodstod", "label": "Metodstöd" } ] },
                { "key": "hinder", "kind": "texts", "text": "Ange upp till tre hinder.",
                  "maxAnswers": 3, "maxLength": 500 } ] }
          ]
        }
        """;

    private static JsonNode Valid() => JsonNode.Parse(ValidJson)!;

    private static JsonNode Question(JsonNode root, int section, int question) => root["sections"]![section]!["questions"]![question]!;

    private static JsonArray Steps(params int[] values) =>
        new(values.Select(v => (JsonNode)new JsonObject { ["value"] = v, ["label"] = $"Steg {v}" }).ToArray());

    private static DefinitionResult Read(JsonNode root) => SurveyDefinitionReader.Read(root.ToJsonString());

    /// <summary>Reads the definition and asserts that it was refused with exactly one problem.</summary>
    private static DefinitionProblem SingleProblem(JsonNode root)
    {
        var result = Read(root);
        Assert.Null(result.Definition);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    private static void AssertProblem(JsonNode root, string path, string code)
    {
        var problem = SingleProblem(root);
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
    }

    private static void AssertValid(JsonNode root)
    {
        var result = Read(root);
        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definition);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void TheModelSurveyFileLoadsWithoutProblems()
    {
        var result = SurveyDefinitionReader.Read(File.ReadAllBytes(RepoPaths.ModelSurvey));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definition);
        Assert.Equal("samlingen-uppfoljning-2013", result.Definition.Key);
        Assert.Equal(5, result.Definition.Sections!.Count);
    }

    [Fact]
    public void TheTestDefinitionIsValid()
    {
        var result = SurveyDefinitionReader.Read(ValidJson);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definition);
        Assert.Equal("exempel", result.Definition.Key);
        Assert.Equal(["grad", "omraden", "igen", "fritext"], result.Definition.Sections![0].Questions!.Select(q => q.Key));
    }

    [Fact]
    public void AnUnknownScaleIsReportedAtTheQuestionsScale()
    {
        var root = Valid();
        Question(root, 0, 1)["scale"] = "grad6";

        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[1].scale", problem.Path);
        Assert.Equal("UnknownScale", problem.Code);
    }

    [Fact]
    public void AnUnknownScaleHasAnEnglishMessageUnderEnglishCulture()
    {
        var root = Valid();
        Question(root, 0, 1)["scale"] = "grad6";
        var problem = SingleProblem(root);

        using (UiCulture.English())
        {
            Assert.Equal("unknown scale 'grad6'", problem.Message);
            Assert.Equal("sections[0].questions[1].scale: unknown scale 'grad6'", problem.ToString());
        }
    }

    [Fact]
    public void AnUnknownScaleHasASwedishMessageUnderSwedishCulture()
    {
        var root = Valid();
        Question(root, 0, 1)["scale"] = "grad6";
        var problem = SingleProblem(root);

        using (UiCulture.Swedish())
        {
            Assert.Equal("okänd skala 'grad6'", problem.Message);
        }
    }

    [Fact]
    public void AMissingTitleIsReported()
    {
        var root = Valid();
        root.AsObject().Remove("title");

        AssertProblem(root, "title", "Missing");
    }

    [Fact]
    public void ABlankTitleIsReportedAsMissing()
    {
        var root = Valid();
        root["title"] = "   ";

        AssertProblem(root, "title", "Missing");
    }

    [Fact]
    public void AMissingSectionTitleIsReportedAtTheSection()
    {
        var root = Valid();
        root["sections"]![1]!.AsObject().Remove("title");

        AssertProblem(root, "sections[1].title", "Missing");
    }

    [Theory]
    [InlineData("Del1")]
    [InlineData("del 1")]
    [InlineData("_del1")]
    [InlineData("del.1")]
    [InlineData("")]
    public void AKeyThatBreaksThePatternIsReported(string key)
    {
        var root = Valid();
        root["sections"]![0]!["key"] = key;

        AssertProblem(root, "sections[0].key", "BadKey");
    }

    [Theory]
    [InlineData("del1\n")]
    [InlineData("del1\r\n")]
    public void AKeyEndingInALineBreakIsReported(string key)
    {
        var root = Valid();
        root["sections"]![0]!["key"] = key;

        AssertProblem(root, "sections[0].key", "BadKey");
    }

    [Fact]
    public void AnOptionCodeEndingInALineBreakIsReported()
    {
        var root = Valid();
        Question(root, 0, 2)["options"]![0]!["code"] = "ja\n";

        AssertProblem(root, "sections[0].questions[2].options[0].code", "BadKey");
    }

    [Fact]
    public void AKeyOfSixtyFiveCharactersIsReportedButSixtyFourAreAccepted()
    {
        var root = Valid();
        root["key"] = new string('a', 64);
        AssertValid(root);

        root["key"] = new string('a', 65);
        AssertProblem(root, "key", "BadKey");
    }

    [Fact]
    public void ABadOptionCodeIsReportedWithItsKeyInTheMessage()
    {
        var root = Valid();
        Question(root, 0, 2)["options"]![1]!["code"] = "Nej";
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[2].options[1].code", problem.Path);
        Assert.Equal("BadKey", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("'Nej' is not a valid key (lower-case a–z, digits, - and _)", problem.Message);
        }
    }

    [Fact]
    public void AQuestionKeyUsedInTwoSectionsIsReportedAtTheSecond()
    {
        var root = Valid();
        Question(root, 1, 1)["key"] = "igen";

        AssertProblem(root, "sections[1].questions[1].key", "DuplicateKey");
    }

    [Fact]
    public void ADuplicateOptionCodeIsReported()
    {
        var root = Valid();
        Question(root, 0, 2)["options"]![2]!["code"] = "nej";
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[2].options[2].code", problem.Path);
        Assert.Equal("DuplicateKey", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("'nej' occurs more than once", problem.Message);
        }
    }

    [Fact]
    public void AnUnknownKindIsReported()
    {
        var root = Valid();
        Question(root, 0, 3)["kind"] = "essay";
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[3].kind", problem.Path);
        Assert.Equal("UnknownKind", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("unknown question kind 'essay' (likert, matrix, single, multi, text, texts)", problem.Message);
        }
    }

    [Fact]
    public void AMissingKindIsReportedAsMissing()
    {
        var root = Valid();
        Question(root, 0, 3).AsObject().Remove("kind");

        AssertProblem(root, "sections[0].questions[3].kind", "Missing");
    }

    [Fact]
    public void AKindIsCaseSensitive()
    {
        var root = Valid();
        Question(root, 0, 3)["kind"] = "Text";

        AssertProblem(root, "sections[0].questions[3].kind", "UnknownKind");
    }

    [Fact]
    public void AnUnknownPropertyAtTheRootIsReported()
    {
        var root = Valid();
        root["colour"] = "red";
        var problem = SingleProblem(root);

        Assert.Equal("colour", problem.Path);
        Assert.Equal("UnknownProperty", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("unknown property 'colour'", problem.Message);
        }
    }

    [Fact]
    public void AnUnknownPropertyInAQuestionIsReportedWithItsPath()
    {
        var root = Valid();
        Question(root, 1, 0)["colour"] = "red";

        AssertProblem(root, "sections[1].questions[0].colour", "UnknownProperty");
    }

    [Fact]
    public void AnUnknownPropertyInAScaleStepIsReportedWithItsPath()
    {
        var root = Valid();
        root["scales"]![0]!["steps"]![2]!["weight"] = 1;

        AssertProblem(root, "scales[0].steps[2].weight", "UnknownProperty");
    }

    [Fact]
    public void AnUnknownPropertyInAConditionIsReportedWithItsPath()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!["noneOf"] = new JsonArray("1");

        AssertProblem(root, "sections[1].questions[0].showIf.noneOf", "UnknownProperty");
    }

    [Fact]
    public void APropertyNameInTheWrongCaseIsAnUnknownProperty()
    {
        var root = Valid();
        root.AsObject().Remove("title");
        root["Title"] = "Exempelenkät";

        var result = Read(root);

        Assert.Null(result.Definition);
        Assert.Equal(
            [("Title", "UnknownProperty"), ("title", "Missing")],
            result.Problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void ASingleQuestionWithOneOptionIsReported()
    {
        var root = Valid();
        Question(root, 0, 2)["options"] = new JsonArray(new JsonObject { ["code"] = "ja", ["label"] = "Ja" });
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[2].options", problem.Path);
        Assert.Equal("TooFewOptions", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("at least 2 options are needed", problem.Message);
        }
    }

    [Fact]
    public void AMultiQuestionWithoutOptionsIsReported()
    {
        var root = Valid();
        Question(root, 1, 0).AsObject().Remove("options");

        AssertProblem(root, "sections[1].questions[0].options", "TooFewOptions");
    }

    [Fact]
    public void AMatrixWithoutItemsIsReported()
    {
        var root = Valid();
        Question(root, 0, 1).AsObject().Remove("items");

        AssertProblem(root, "sections[0].questions[1].items", "NoItems");
    }

    [Fact]
    public void AMatrixWithAnEmptyItemListIsReported()
    {
        var root = Valid();
        Question(root, 0, 1)["items"] = new JsonArray();

        AssertProblem(root, "sections[0].questions[1].items", "NoItems");
    }

    [Fact]
    public void ATextsQuestionWithoutMaxAnswersIsReported()
    {
        var root = Valid();
        Question(root, 1, 1).AsObject().Remove("maxAnswers");

        AssertProblem(root, "sections[1].questions[1].maxAnswers", "Missing");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(0)]
    [InlineData(-3)]
    public void ATextsQuestionWithMaxAnswersOutOfRangeIsReported(int maxAnswers)
    {
        var root = Valid();
        Question(root, 1, 1)["maxAnswers"] = maxAnswers;
        var problem = SingleProblem(root);

        Assert.Equal("sections[1].questions[1].maxAnswers", problem.Path);
        Assert.Equal("OutOfRange", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("must be between 2 and 20", problem.Message);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public void ATextsQuestionAcceptsMaxAnswersAtTheLimits(int maxAnswers)
    {
        var root = Valid();
        Question(root, 1, 1)["maxAnswers"] = maxAnswers;

        AssertValid(root);
    }

    [Fact]
    public void MaxAnswersOnATextQuestionIsNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 3)["maxAnswers"] = 3;

        AssertProblem(root, "sections[0].questions[3].maxAnswers", "NotForKind");
    }

    [Theory]
    [InlineData(0, 3, 0)]
    [InlineData(0, 3, 20_001)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, -1)]
    [InlineData(1, 1, 20_001)]
    public void MaxLengthOutOfRangeIsReported(int section, int question, int maxLength)
    {
        var root = Valid();
        Question(root, section, question)["maxLength"] = maxLength;
        var problem = SingleProblem(root);

        Assert.Equal($"sections[{section}].questions[{question}].maxLength", problem.Path);
        Assert.Equal("OutOfRange", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("must be between 1 and 20000", problem.Message);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20_000)]
    public void MaxLengthIsAcceptedAtTheLimits(int maxLength)
    {
        var root = Valid();
        Question(root, 0, 3)["maxLength"] = maxLength;

        AssertValid(root);
    }

    [Fact]
    public void MaxLengthOnASingleQuestionIsNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 2)["maxLength"] = 100;

        AssertProblem(root, "sections[0].questions[2].maxLength", "NotForKind");
    }

    [Fact]
    public void AScaleWithOneStepIsReported()
    {
        var root = Valid();
        root["scales"]![1]!["steps"] = Steps(1);
        var problem = SingleProblem(root);

        Assert.Equal("scales[1].steps", problem.Path);
        Assert.Equal("TooFewSteps", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("a scale needs at least 2 steps", problem.Message);
        }
    }

    [Fact]
    public void AScaleWithoutStepsIsReported()
    {
        var root = Valid();
        root["scales"]![1]!.AsObject().Remove("steps");

        AssertProblem(root, "scales[1].steps", "TooFewSteps");
    }

    [Fact]
    public void ADuplicateStepValueIsReportedAtTheSecondStep()
    {
        var root = Valid();
        root["scales"]![1]!["steps"] = Steps(3, 2, 2);

        AssertProblem(root, "scales[1].steps[2].value", "DuplicateValue");
    }

    [Fact]
    public void AStepWithoutValueIsReported()
    {
        var root = Valid();
        root["scales"]![1]!["steps"]![1]!.AsObject().Remove("value");

        AssertProblem(root, "scales[1].steps[1].value", "Missing");
    }

    [Fact]
    public void StepsThatAreNotOrderedAreReported()
    {
        var root = Valid();
        root["scales"]![1]!["steps"] = Steps(1, 3, 2);
        var problem = SingleProblem(root);

        Assert.Equal("scales[1].steps", problem.Path);
        Assert.Equal("StepsNotOrdered", problem.Code);
    }

    [Theory]
    [InlineData(new[] { 3, 2, 1 })]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 10, 5, 0, -5 })]
    public void StrictlyAscendingOrDescendingStepsAreAccepted(int[] values)
    {
        var root = Valid();
        root["scales"]![1]!["steps"] = Steps(values);

        var result = Read(root);

        Assert.Empty(result.Problems);
        Assert.Equal(values, result.Definition!.Scales![1].Steps!.Select(s => s.Value!.Value));
    }

    [Fact]
    public void AScaleOffScaleCodeEqualToAStepCodeIsReported()
    {
        var root = Valid();
        root["scales"]![0]!["offScale"]!.AsArray().Add(new JsonObject { ["code"] = "3", ["label"] = "Tre" });

        AssertProblem(root, "scales[0].offScale[1].code", "DuplicateKey");
    }

    [Fact]
    public void AQuestionOffScaleCodeEqualToAStepCodeIsReported()
    {
        var root = Valid();
        Question(root, 0, 0)["offScale"]![0]!["code"] = "5";

        AssertProblem(root, "sections[0].questions[0].offScale[0].code", "DuplicateKey");
    }

    [Fact]
    public void AQuestionOffScaleCodeEqualToTheScalesOffScaleCodeIsReported()
    {
        var root = Valid();
        Question(root, 0, 0)["offScale"]![0]!["code"] = "vet_ej";

        AssertProblem(root, "sections[0].questions[0].offScale[0].code", "DuplicateKey");
    }

    [Fact]
    public void OptionsOnALikertQuestionAreNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 0)["options"] = new JsonArray(
            new JsonObject { ["code"] = "ja", ["label"] = "Ja" }, new JsonObject { ["code"] = "nej", ["label"] = "Nej" });
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[0].options", problem.Path);
        Assert.Equal("NotForKind", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("not used by questions of kind likert", problem.Message);
        }
    }

    [Fact]
    public void AScaleOnASingleQuestionIsNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 2)["scale"] = "grad5";

        AssertProblem(root, "sections[0].questions[2].scale", "NotForKind");
    }

    [Fact]
    public void ItemsOnALikertQuestionAreNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 0)["items"] = new JsonArray(new JsonObject { ["code"] = "barn", ["text"] = "Barn" });

        AssertProblem(root, "sections[0].questions[0].items", "NotForKind");
    }

    [Fact]
    public void AConditionOnAQuestionInTheSameSectionIsReported()
    {
        var root = Valid();
        Question(root, 0, 2)["showIf"] = new JsonObject { ["question"] = "grad", ["anyOf"] = new JsonArray("4") };
        var problem = SingleProblem(root);

        Assert.Equal("sections[0].questions[2].showIf.question", problem.Path);
        Assert.Equal("ConditionNotEarlier", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("a condition must refer to a question in an earlier section; 'grad' is not one", problem.Message);
        }
    }

    [Fact]
    public void AConditionOnAQuestionInALaterSectionIsReported()
    {
        var root = Valid();
        Question(root, 0, 3)["showIf"] = new JsonObject { ["question"] = "stod", ["anyOf"] = new JsonArray("konferenser") };

        AssertProblem(root, "sections[0].questions[3].showIf.question", "ConditionNotEarlier");
    }

    [Fact]
    public void AConditionOnAnUnknownQuestionIsReported()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!["question"] = "finns_ej";

        AssertProblem(root, "sections[1].questions[0].showIf.question", "ConditionNotEarlier");
    }

    [Fact]
    public void AConditionOnAnOpenQuestionIsReported()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"] = new JsonObject { ["question"] = "fritext", ["anyOf"] = new JsonArray("x") };

        AssertProblem(root, "sections[1].questions[0].showIf.question", "ConditionOnOpenQuestion");
    }

    [Fact]
    public void AConditionWithoutAnyOfIsReported()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!["anyOf"] = new JsonArray();

        AssertProblem(root, "sections[1].questions[0].showIf.anyOf", "Missing");
    }

    [Fact]
    public void AConditionCodeTheSourceDoesNotOfferIsReportedAtItsIndex()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!["anyOf"] = new JsonArray("4", "6");
        var problem = SingleProblem(root);

        Assert.Equal("sections[1].questions[0].showIf.anyOf[1]", problem.Path);
        Assert.Equal("UnknownCode", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("question 'grad' has no answer '6'", problem.Message);
        }
    }

    [Fact]
    public void AConditionMayUseTheOffScaleCodesOfItsSource()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!["anyOf"] = new JsonArray("vet_ej", "ej_gatt_vidare", "1");

        AssertValid(root);
    }

    [Fact]
    public void AConditionOnASingleQuestionUsesItsOptionCodes()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"] = new JsonObject { ["question"] = "igen", ["anyOf"] = new JsonArray("ja", "3") };

        AssertProblem(root, "sections[1].questions[0].showIf.anyOf[1]", "UnknownCode");
    }

    [Fact]
    public void AConditionOnAMatrixQuestionUsesItsScaleCodesNotItsItemCodes()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"] = new JsonObject { ["question"] = "omraden", ["anyOf"] = new JsonArray("5", "barn") };

        AssertProblem(root, "sections[1].questions[0].showIf.anyOf[1]", "UnknownCode");
    }

    [Theory]
    [InlineData("scales[0]")]
    [InlineData("scales[0].steps[1]")]
    [InlineData("scales[0].offScale[0]")]
    [InlineData("sections[1]")]
    [InlineData("sections[1].questions[1]")]
    [InlineData("sections[0].questions[0].offScale[0]")]
    [InlineData("sections[0].questions[1].items[1]")]
    [InlineData("sections[0].questions[2].options[2]")]
    public void ANullInAListIsReportedAtItsPathInsteadOfThrowing(string path)
    {
        var root = Valid();
        var (list, index) = ListAt(root, path);
        list[index] = null;

        var result = Read(root);

        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Problems);
        Assert.Equal(path, result.Problems[0].Path);
    }

    /// <summary>The list and index named by a path such as <c>sections[0].questions[1]</c>.</summary>
    private static (JsonArray List, int Index) ListAt(JsonNode root, string path)
    {
        var node = root;
        var parts = path.Split('.');
        for (var i = 0; ; i++)
        {
            var name = parts[i][..parts[i].IndexOf('[')];
            var index = int.Parse(parts[i][(name.Length + 1)..^1], CultureInfo.InvariantCulture);
            var list = node[name]!.AsArray();
            if (i == parts.Length - 1)
            {
                return (list, index);
            }
            node = list[index]!;
        }
    }

    [Fact]
    public void MalformedJsonIsRefusedWithOneProblemAndNoDefinition()
    {
        var result = SurveyDefinitionReader.Read("{\n  \"key\": \"exempel\",\n  \"title\": \n}");

        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Malformed", problem.Code);
        Assert.Equal("title", problem.Path);
        using (UiCulture.English())
        {
            Assert.Equal("invalid JSON at line 4, position 1", problem.Message);
        }
    }

    [Fact]
    public void TruncatedJsonIsMalformed()
    {
        var result = SurveyDefinitionReader.Read(ValidJson[..(ValidJson.Length / 2)]);

        Assert.Null(result.Definition);
        Assert.Equal("Malformed", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void AValueOfTheWrongTypeIsMalformedAtItsPath()
    {
        var root = Valid();
        root["scales"]![0]!["steps"]![0]!["value"] = "1";

        var problem = SingleProblem(root);

        Assert.Equal("Malformed", problem.Code);
        Assert.Equal("scales[0].steps[0].value", problem.Path);
    }

    [Fact]
    public void JsonNullIsRefusedAsEmpty()
    {
        var result = SurveyDefinitionReader.Read("null");

        Assert.Null(result.Definition);
        Assert.Equal("Empty", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void InvalidUtf8IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidJson);
        var at = ValidJson.IndexOf("Exempelenkät", StringComparison.Ordinal);
        bytes[at] = 0xFF;

        var result = SurveyDefinitionReader.Read(bytes);

        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("NotUtf8", problem.Code);
        Assert.Equal("", problem.Path);
    }

    [Fact]
    public void Latin1EncodedTextIsRefusedAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes(ValidJson);

        var result = SurveyDefinitionReader.Read(bytes);

        Assert.Equal("NotUtf8", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void AFileOverTwoMegabytesIsRefused()
    {
        var bytes = Padded(SurveyDefinitionReader.MaxBytes + 1);

        var result = SurveyDefinitionReader.Read(bytes);

        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("TooLarge", problem.Code);
        using (UiCulture.English())
        {
            Assert.Equal("the file is larger than 2 MB", problem.Message);
        }
    }

    [Fact]
    public void AFileOfExactlyTwoMegabytesIsRead()
    {
        var bytes = Padded(SurveyDefinitionReader.MaxBytes);

        var result = SurveyDefinitionReader.Read(bytes);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definition);
    }

    /// <summary>The valid definition followed by spaces up to the given size.</summary>
    private static byte[] Padded(int size)
    {
        var json = Encoding.UTF8.GetBytes(ValidJson);
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        json.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var root = Valid();
        root["colour"] = "red";
        root.AsObject().Remove("title");
        root["sections"]![0]!["key"] = "Del1";
        Question(root, 0, 1)["scale"] = "grad6";
        Question(root, 1, 0)["showIf"]!["anyOf"] = new JsonArray("9");
        Question(root, 1, 1).AsObject().Remove("maxAnswers");

        var result = Read(root);

        Assert.Null(result.Definition);
        Assert.Equal(6, result.Problems.Count);
        Assert.Equal(
            [
                ("colour", "UnknownProperty"),
                ("title", "Missing"),
                ("sections[0].key", "BadKey"),
                ("sections[0].questions[1].scale", "UnknownScale"),
                ("sections[1].questions[0].showIf.anyOf[0]", "UnknownCode"),
                ("sections[1].questions[1].maxAnswers", "Missing"),
            ],
            result.Problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(ValidJson)).ToArray();

        var result = SurveyDefinitionReader.Read(bytes);

        Assert.Empty(result.Problems);
        Assert.Equal("Exempelenkät", result.Definition!.Title);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        var json = ValidJson.Replace("\"key\": \"exempel\",", "// the survey\n  \"key\": \"exempel\", /* key */")
            .Replace("{ \"code\": \"nej\", \"label\": \"Nej\" },", "{ \"code\": \"nej\", \"label\": \"Nej\", },");
        Assert.NotEqual(ValidJson, json);

        var result = SurveyDefinitionReader.Read(json);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definition);
    }

    [Fact]
    public void AnUnknownLanguageIsReported()
    {
        var root = Valid();
        root["language"] = "de";

        AssertProblem(root, "language", "UnknownLanguage");
    }

    [Fact]
    public void ASurveyWithoutSectionsIsReported()
    {
        var root = Valid();
        root["sections"] = new JsonArray();

        AssertProblem(root, "sections", "NoSections");
    }

    [Fact]
    public void ASectionWithoutQuestionsIsReported()
    {
        var root = Valid();
        root["sections"]![1]!["questions"] = new JsonArray();

        AssertProblem(root, "sections[1].questions", "NoQuestions");
    }

    [Fact]
    public void TheValidatorReportsTheSameProblemsAsTheReaderForAParsedDefinition()
    {
        var definition = SurveyDefinitionReader.Read(ValidJson).Definition!;
        definition.Sections![0].Questions![1].Scale = "grad6";

        var problem = Assert.Single(SurveyDefinitionValidator.Validate(definition));

        Assert.Equal("sections[0].questions[1].scale", problem.Path);
        Assert.Equal("UnknownScale", problem.Code);
    }

    [Fact]
    public void AScaleKeyUsedTwiceIsReportedAtTheSecond()
    {
        var root = Valid();
        root["scales"]![1]!["key"] = "grad5";

        AssertProblem(root, "scales[1].key", "DuplicateKey");
    }

    [Fact]
    public void AStepWithoutLabelIsReported()
    {
        var root = Valid();
        root["scales"]![1]!["steps"]![0]!.AsObject().Remove("label");

        AssertProblem(root, "scales[1].steps[0].label", "Missing");
    }

    [Fact]
    public void ASectionKeyUsedTwiceIsReportedAtTheSecond()
    {
        var root = Valid();
        root["sections"]![1]!["key"] = "del1";

        AssertProblem(root, "sections[1].key", "DuplicateKey");
    }

    [Fact]
    public void AnUnknownPropertyInASectionIsReportedWithItsPath()
    {
        var root = Valid();
        root["sections"]![0]!["colour"] = "red";

        AssertProblem(root, "sections[0].colour", "UnknownProperty");
    }

    [Fact]
    public void AQuestionWithoutTextIsReported()
    {
        var root = Valid();
        Question(root, 0, 3).AsObject().Remove("text");

        AssertProblem(root, "sections[0].questions[3].text", "Missing");
    }

    [Fact]
    public void AMatrixQuestionWithoutScaleIsReported()
    {
        var root = Valid();
        Question(root, 0, 1).AsObject().Remove("scale");

        AssertProblem(root, "sections[0].questions[1].scale", "Missing");
    }

    [Fact]
    public void OffScaleOnASingleQuestionIsNotForItsKind()
    {
        var root = Valid();
        Question(root, 0, 2)["offScale"] = new JsonArray(new JsonObject { ["code"] = "vet_inte", ["label"] = "Vet inte" });

        AssertProblem(root, "sections[0].questions[2].offScale", "NotForKind");
    }

    [Fact]
    public void AnOptionWithoutLabelIsReported()
    {
        var root = Valid();
        Question(root, 0, 2)["options"]![1]!.AsObject().Remove("label");

        AssertProblem(root, "sections[0].questions[2].options[1].label", "Missing");
    }

    [Fact]
    public void AnItemCodeUsedTwiceIsReportedAtTheSecond()
    {
        var root = Valid();
        Question(root, 0, 1)["items"]![1]!["code"] = "barn";

        AssertProblem(root, "sections[0].questions[1].items[1].code", "DuplicateKey");
    }

    [Fact]
    public void AnItemWithoutTextIsReported()
    {
        var root = Valid();
        Question(root, 0, 1)["items"]![0]!.AsObject().Remove("text");

        AssertProblem(root, "sections[0].questions[1].items[0].text", "Missing");
    }

    [Fact]
    public void AConditionWithoutQuestionIsReported()
    {
        var root = Valid();
        Question(root, 1, 0)["showIf"]!.AsObject().Remove("question");

        AssertProblem(root, "sections[1].questions[0].showIf.question", "Missing");
    }

    [Fact]
    public void TheProblemsOfAQuestionOfAnOpenKindAreReportedInTheOrderOfItsProperties()
    {
        var root = Valid();
        var igen = Question(root, 0, 2);
        igen["key"] = "grad";
        igen["colour"] = "red";
        igen.AsObject().Remove("text");
        igen["scale"] = "grad5";
        igen["offScale"] = new JsonArray(new JsonObject { ["code"] = "vet_inte", ["label"] = "Vet inte" });
        igen["options"] = new JsonArray(new JsonObject { ["code"] = "ja", ["label"] = "Ja" });
        igen["items"] = new JsonArray(new JsonObject { ["code"] = "barn", ["text"] = "Barn" });
        igen["maxLength"] = 100;
        igen["maxAnswers"] = 3;
        igen["showIf"] = new JsonObject { ["question"] = "fritext", ["anyOf"] = new JsonArray("x") };

        var result = Read(root);

        Assert.Equal(
            [
                ("key", "DuplicateKey"), ("colour", "UnknownProperty"), ("text", "Missing"),
                ("scale", "NotForKind"), ("offScale", "NotForKind"), ("options", "TooFewOptions"),
                ("items", "NotForKind"), ("maxLength", "NotForKind"), ("maxAnswers", "NotForKind"),
                ("showIf.question", "ConditionNotEarlier"),
            ],
            result.Problems.Select(p => (p.Path["sections[0].questions[2].".Length..], p.Code)));
    }

    [Fact]
    public void TheProblemsOfAQuestionOnAScaleAreReportedInTheOrderOfItsProperties()
    {
        var root = Valid();
        var omraden = Question(root, 0, 1);
        omraden["scale"] = "grad6";
        omraden["offScale"] = new JsonArray(new JsonObject { ["code"] = "Ej", ["label"] = "Ej aktuellt" });
        omraden["options"] = new JsonArray(new JsonObject { ["code"] = "ja", ["label"] = "Ja" });
        omraden.AsObject().Remove("items");
        omraden["maxLength"] = 100;

        var result = Read(root);

        Assert.Equal(
            [
                ("scale", "UnknownScale"), ("offScale[0].code", "BadKey"), ("options", "NotForKind"),
                ("items", "NoItems"), ("maxLength", "NotForKind"),
            ],
            result.Problems.Select(p => (p.Path["sections[0].questions[1].".Length..], p.Code)));
    }
}
