using SurveyApp.Administration.Surveys;
using SurveyApp.Definitions;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys;

public class SurveyChangesTests
{
    private static IReadOnlyList<SurveyChange> ChangesAfter(Action<SurveyDefinition> edit)
    {
        var after = SurveyEdits.Definition();
        edit(after);
        Assert.Empty(SurveyDefinitionValidator.Validate(after));
        return SurveyChanges.Structural(SurveyEdits.Definition(), after);
    }

    [Theory]
    [MemberData(nameof(SurveyEdits.StructuralNames), MemberType = typeof(SurveyEdits))]
    public void EachStructuralEditIsReportedAtItsPathWithItsCode(string name)
    {
        var edit = SurveyEdits.Get(name);

        var changes = ChangesAfter(edit.Apply);

        Assert.Equal(edit.Expected, changes.Select(c => (c.Path, c.Code)));
    }

    [Fact]
    public void RewordingEverythingAtOnceIsNoStructuralChange()
    {
        Assert.Empty(ChangesAfter(SurveyEdits.Reword));
    }

    [Fact]
    public void AnUnchangedDefinitionHasNoChanges()
    {
        Assert.Empty(SurveyChanges.Structural(SurveyEdits.Definition(), SurveyEdits.Definition()));
    }

    [Fact]
    public void TheStoredFormOfADefinitionComparesAsTheSame()
    {
        var stored = SurveyDefinitionMapper.ToDefinition(SurveyDefinitionMapper.ToSurvey(SurveyEdits.Definition(), DateTimeOffset.UnixEpoch));

        Assert.Empty(SurveyChanges.Structural(SurveyEdits.Definition(), stored));
        Assert.Empty(SurveyChanges.Structural(stored, SurveyEdits.Definition()));
    }

    [Fact]
    public void ChangingTheStepsOfAScaleNoQuestionUsesIsNoChange()
    {
        var changes = ChangesAfter(d =>
        {
            var unused = d.Scale("oanvand");
            unused.Steps!.Add(new StepDefinition { Value = 3, Label = "Mycket bra" });
            unused.Steps.RemoveAt(0);
            unused.OffScale = [new OptionDefinition { Code = "vet_ej", Label = "Vet ej" }];
        });

        Assert.Empty(changes);
    }

    [Fact]
    public void AChangedKindIsReportedAloneNotWithTheOptionsOfTheOtherKind()
    {
        var changes = ChangesAfter(d =>
        {
            var igen = d.Question("igen");
            (igen.Kind, igen.Scale, igen.Options) = ("likert", "ja3", null);
        });

        var change = Assert.Single(changes);
        Assert.Equal(("sections[0].questions[2].kind", "KindChanged"), (change.Path, change.Code));
        Assert.Equal(new object[] { "igen", "single", "likert" }, change.Args);
    }

    [Fact]
    public void AQuestionMovedToAnotherSectionAndChangedIsReportedAtItsNewPath()
    {
        var changes = ChangesAfter(d =>
        {
            var fritext = d.Question("fritext");
            d.Section("del1").Questions!.Remove(fritext);
            d.Section("del3").Questions!.Insert(0, fritext);
            fritext.MaxLength = 10;
        });

        var change = Assert.Single(changes);
        Assert.Equal(("sections[2].questions[0].maxLength", "MaxLengthLowered"), (change.Path, change.Code));
        Assert.Equal(new object[] { "fritext", 1000, 10 }, change.Args);
    }

    [Fact]
    public void ARemovedOptionIsReportedAtItsOldPathAndAnAddedOneAtItsNewPath()
    {
        var changes = ChangesAfter(d =>
        {
            var options = d.Question("igen").Options!;
            options.RemoveAt(0);
            options.Add(new OptionDefinition { Code = "kanske", Label = "Kanske" });
        });

        Assert.Equal(
            [
                ("sections[0].questions[2].options[0]", "OptionRemoved", "igen ja"),
                ("sections[0].questions[2].options[2]", "OptionAdded", "igen kanske"),
            ],
            changes.Select(c => (c.Path, c.Code, string.Join(' ', c.Args))));
    }

    [Fact]
    public void RenumberingEveryStepReportsEachStepRemovedOrRenumbered()
    {
        var changes = ChangesAfter(d =>
        {
            d.Scale("grad5").Steps!.ForEach(s => s.Value -= 1);
            d.Question("stod").ShowIf!.AnyOf = ["3", "4"];
        });

        Assert.Equal(
            // Values 1–4 remain but each now carries the label the next value had: their stored answers change meaning too.
            [("scales[0].steps[4]", "StepRemoved"), ("scales[0].steps[0]", "StepAdded"),
                ("scales[0].steps[1].label", "StepLabelMoved"), ("scales[0].steps[2].label", "StepLabelMoved"),
                ("scales[0].steps[3].label", "StepLabelMoved"), ("scales[0].steps[4].label", "StepLabelMoved"),
                ("sections[1].questions[0].showIf", "ConditionChanged")],
            changes.Select(c => (c.Path, c.Code)).OrderBy(c => c.Code == "ConditionChanged"));
    }

    [Fact]
    public void RenamingAScaleIsAScaleChangeOfEveryQuestionUsingIt()
    {
        var changes = ChangesAfter(d =>
        {
            d.Scale("ja3").Key = "ja3b";
            d.Question("nojd").Scale = "ja3b";
        });

        var change = Assert.Single(changes);
        Assert.Equal(("sections[2].questions[0].scale", "ScaleChanged"), (change.Path, change.Code));
    }

    [Fact]
    public void MessagesNameTheThingInSwedishAndInEnglish()
    {
        var change = Assert.Single(ChangesAfter(SurveyEdits.Get("QuestionRemoved").Apply));
        var step = Assert.Single(ChangesAfter(SurveyEdits.Get("StepValueChanged").Apply));

        using (UiCulture.Swedish())
        {
            Assert.Equal("frågan 'fritext' tas bort", change.Message);
            Assert.Equal("steget 3 i skalan 'ja3' får värdet 4", step.Message);
        }
        using (UiCulture.English())
        {
            Assert.Equal("question 'fritext' is removed", change.Message);
            Assert.Equal("step 3 of scale 'ja3' gets the value 4", step.Message);
        }
    }

    [Theory]
    [MemberData(nameof(SurveyEdits.StructuralNames), MemberType = typeof(SurveyEdits))]
    public void EveryChangeHasAMessageInBothLanguages(string name)
    {
        foreach (var change in ChangesAfter(SurveyEdits.Get(name).Apply))
        {
            string swedish, english;
            using (UiCulture.Swedish()) swedish = change.Message;
            using (UiCulture.English()) english = change.Message;

            Assert.NotEqual(swedish, english);
            Assert.DoesNotContain("{", swedish + english);
        }
    }

    [Fact]
    public void ChangesAreListedSectionsFirstThenQuestionsInTheirNewOrderThenScales()
    {
        var changes = ChangesAfter(d =>
        {
            var del3 = d.Section("del3");
            d.Section("del2").Questions!.AddRange(del3.Questions!);
            d.Sections!.Remove(del3);
            d.Sections.Add(new SectionDefinition
            {
                Key = "del4", Title = "Del 4", Questions = [new QuestionDefinition { Key = "ny", Kind = "text", Text = "En ny fråga?" }],
            });
            d.Section("del1").Questions!.Remove(d.Question("fritext"));
            d.Question("igen").Options!.Add(new OptionDefinition { Code = "kanske", Label = "Kanske" });
            d.Scale("grad5").Steps!.Add(new StepDefinition { Value = 6, Label = "I allra högsta grad" });
        });

        Assert.Equal(
            [
                ("sections[2]", "SectionRemoved"), ("sections[2]", "SectionAdded"),
                ("sections[0].questions[3]", "QuestionRemoved"), ("sections[0].questions[2].options[3]", "OptionAdded"),
                ("sections[2].questions[0]", "QuestionAdded"), ("scales[0].steps[5]", "StepAdded"),
            ],
            changes.Select(c => (c.Path, c.Code)));
    }
}
