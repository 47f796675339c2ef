using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SurveyApp.Administration.Surveys.Editor;
using SurveyApp.Definitions;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Surveys.Editor;

/// <summary>
/// The survey editor's components on a definition in memory: every field validates as it is edited,
/// with the JSON validator's own messages next to the field, and the preview follows each change.
/// </summary>
public sealed class SurveyEditorTests : StaffComponentContext
{
    private IRenderedComponent<MudProviders>? _providers;

    private IRenderedComponent<EditorFrame> Render(SurveyEditorState state)
    {
        _providers = RenderProviders();
        return Context.Render<EditorFrame>(ps => ps
            .Add(p => p.State, state)
            .AddChildContent<SurveyEditor>()
            .AddChildContent<SurveyPreview>());
    }

    /// <summary>Opens the select whose input has the id, as a user does, and clicks the choice with the label.</summary>
    private void Choose(IRenderedComponent<IComponent> cut, string id, string label)
    {
        var providers = _providers!;
        cut.Find($"#{id}").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-popover-open .mud-list-item")));
        providers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == label).Click();
        cut.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-popover-open")));
    }

    private static IElement Combobox(IRenderedComponent<IComponent> cut, string id) =>
        cut.Find($"#{id}").Closest(".mud-input-control")!.QuerySelector("[role=combobox]")!;

    private static SurveyEditorState NewState()
    {
        var definition = SurveyEditorState.NewSurvey();
        definition.Key = "ny";
        definition.Title = "Uppföljning";
        definition.Scales![0].Steps!.ForEach(s => s.Label = $"Steg {s.Value}");
        definition.Sections![0].Title = "Första sidan";
        definition.Sections[0].Questions![0].Text = "Hur väl fungerar samverkan?";
        return new SurveyEditorState(definition);
    }

    private static string Message(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string path) =>
        cut.Find($"#{SurveyEditorState.ErrorId(path)}").TextContent.Replace("Fel: ", "");

    [Fact]
    public async Task ANewSurveyShowsNoErrorsBeforeAnythingIsEditedButCannotBeSavedEmpty()
    {
        using var culture = UiCulture.Swedish();
        var state = new SurveyEditorState(SurveyEditorState.NewSurvey());
        var cut = Render(state);

        Assert.Empty(cut.FindAll(".field__error"));
        Assert.NotEmpty(state.Problems);

        await cut.InvokeAsync(() => Assert.False(state.TrySave()));

        Assert.Equal("värde saknas", Message(cut, "title"));
        Assert.Equal("värde saknas", Message(cut, "sections[0].questions[0].text"));
        Assert.Equal("värde saknas", Message(cut, "scales[0].steps[0].label"));
    }

    [Theory]
    [InlineData("Uppföljning av Samling för social hållbarhet 2013", "uppfoljning-av-samling-for-social-hallbarhet-2013")]
    [InlineData("  Enkät: Barn & unga (Region Östergötland)!  ", "enkat-barn-unga-region-ostergotland")]
    [InlineData("Kommunernas arbete – en uppföljning", "kommunernas-arbete-en-uppfoljning")]
    [InlineData("Ærø og Søby", "aero-og-soby")]
    [InlineData("2025", "2025")]
    [InlineData("???", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void ATitleSuggestsAKeyWithinTheKeysRules(string? title, string? key)
    {
        Assert.Equal(key, SurveyEditorState.KeyFrom(title));
        if (key is not null)
        {
            var definition = SurveyEditorState.NewSurvey();
            definition.Key = key;
            Assert.DoesNotContain(SurveyDefinitionValidator.Validate(definition), p => p.Path == "key");
        }
    }

    [Fact]
    public void ALongTitleSuggestsAKeyOfAtMost64CharactersNotEndingInAHyphen()
    {
        // The 64th character is the space between two words: cut there, the key would end in a hyphen.
        var key = SurveyEditorState.KeyFrom(new string('a', 63) + " bb")!;

        Assert.Equal(new string('a', 63), key);
        Assert.Equal(64, SurveyEditorState.KeyFrom(string.Join(' ', Enumerable.Repeat("Samverkan mellan", 8)))!.Length);
    }

    [Fact]
    public void ANewSurveysKeyFollowsItsTitleUntilAKeyIsTyped()
    {
        using var culture = UiCulture.Swedish();
        var state = new SurveyEditorState(SurveyEditorState.NewSurvey()) { IsNew = true };
        var cut = Render(state);

        cut.Find("#f-title").Input("Uppföljning 2025");
        Assert.Equal("uppfoljning-2025", cut.Find("#f-key").GetAttribute("value"));
        cut.Find("#f-title").Input("Uppföljning hösten 2025");
        Assert.Equal("uppfoljning-hosten-2025", cut.Find("#f-key").GetAttribute("value"));
        Assert.Equal("uppfoljning-hosten-2025", state.Definition.Key);

        // A key of the admin's own stays whatever the title becomes.
        cut.Find("#f-key").Input("hosten");
        cut.Find("#f-title").Input("Uppföljning våren 2026");
        Assert.Equal("hosten", cut.Find("#f-key").GetAttribute("value"));

        // Emptied, the key follows the title again.
        cut.Find("#f-key").Input("");
        cut.Find("#f-title").Input("Våren 2026");
        Assert.Equal("varen-2026", state.Definition.Key);
    }

    [Fact]
    public void ASavedSurveyKeepsItsKeyWhenItsTitleChanges()
    {
        using var culture = UiCulture.Swedish();
        var definition = SurveyEditorState.NewSurvey();
        definition.Key = "uppfoljning";
        definition.Title = "Uppföljning";
        var state = new SurveyEditorState(definition);
        var cut = Render(state);

        cut.Find("#f-title").Input("Uppföljning 2026");

        Assert.Equal("uppfoljning", state.Definition.Key);
        Assert.Equal("uppfoljning", cut.Find("#f-key").GetAttribute("value"));
    }

    [Fact]
    public void AnInvalidKeyIsReportedNextToItsFieldWithTheValidatorsMessage()
    {
        using var culture = UiCulture.Swedish();
        var cut = Render(NewState());

        cut.Find("#f-sections-0-questions-0-key").Input("Fråga 1");

        var input = cut.Find("#f-sections-0-questions-0-key");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(SurveyEditorState.ErrorId("sections[0].questions[0].key"), input.GetAttribute("aria-describedby"));
        Assert.Equal("'Fråga 1' är ingen giltig nyckel (små bokstäver a–z, siffror, - och _)", Message(cut, "sections[0].questions[0].key"));

        cut.Find("#f-sections-0-questions-0-key").Input("q1");

        Assert.Equal("false", cut.Find("#f-sections-0-questions-0-key").GetAttribute("aria-invalid"));
        Assert.DoesNotContain(SurveyEditorState.ErrorId("sections[0].questions[0].key"), cut.Find("#f-sections-0-questions-0-key").GetAttribute("aria-describedby") ?? "");
        Assert.Empty(cut.FindAll(".field__error"));
    }

    [Fact]
    public async Task TheMessagesAreTheValidatorsForEveryProblemOfTheDefinition()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var question = state.Definition.Sections![0].Questions![0];
        SurveyEditorState.SetKind(question, SurveyApp.Domain.QuestionKind.Single, null);
        question.Options![0].Code = "ja";
        question.Options[1].Code = "ja";
        state.Definition.Scales![0].Steps![2].Value = 1;
        var cut = Render(state);

        await cut.InvokeAsync(() => state.TrySave());

        var expected = SurveyDefinitionValidator.Validate(state.Definition);
        Assert.NotEmpty(expected);
        foreach (var problem in expected)
        {
            Assert.Contains(problem.Message, cut.Find($"#{SurveyEditorState.ErrorId(problem.Path)}").TextContent);
        }
        Assert.Equal("'ja' förekommer mer än en gång", Message(cut, "sections[0].questions[0].options[1].code"));
        Assert.Equal("värdet 1 förekommer mer än en gång", Message(cut, "scales[0].steps[2].value"));
    }

    [Fact]
    public void ChangingTheKindShowsTheFieldsOfTheNewKindAndClearsTheOthers()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);

        Choose(cut, "f-sections-0-questions-0-kind", "Ett val");

        var question = state.Definition.Sections![0].Questions![0];
        Assert.Equal("single", question.Kind);
        Assert.Null(question.Scale);
        Assert.Equal(2, question.Options!.Count);
        Assert.Empty(cut.FindAll("#f-sections-0-questions-0-scale"));
        Assert.Equal(2, cut.FindAll("#f-sections-0-questions-0-options li").Count);

        Choose(cut, "f-sections-0-questions-0-kind", "Flera korta fritextsvar");

        Assert.Null(question.Options);
        Assert.Equal(3, question.MaxAnswers);
        Assert.Equal("3", cut.Find("#f-sections-0-questions-0-maxAnswers").GetAttribute("value"));

        cut.Find("#f-sections-0-questions-0-maxAnswers").Input("40");

        Assert.Equal("måste vara mellan 2 och 20", Message(cut, "sections[0].questions[0].maxAnswers"));
    }

    [Fact]
    public async Task ASelectWithAProblemIsMarkedInvalidAndNamesItsMessage()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        state.Definition.Sections![0].Questions![0].Scale = "borta";
        var cut = Render(state);

        await cut.InvokeAsync(() => state.TrySave());

        var select = Combobox(cut, "f-sections-0-questions-0-scale");
        Assert.Equal("true", select.GetAttribute("aria-invalid"));
        Assert.Contains(SurveyEditorState.ErrorId("sections[0].questions[0].scale"), select.GetAttribute("aria-describedby"));
        Assert.NotEmpty(Message(cut, "sections[0].questions[0].scale"));

        Choose(cut, "f-sections-0-questions-0-scale", "grad: Steg 1 – Steg 2 – Steg 3 – Steg 4");

        Assert.Equal("grad", state.Definition.Sections[0].Questions![0].Scale);
        Assert.Equal("false", Combobox(cut, "f-sections-0-questions-0-scale").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".field__error"));
    }

    [Fact]
    public async Task RemovingAnOptionBelowTwoIsReportedOnTheList()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        Choose(cut, "f-sections-0-questions-0-kind", "Flera val");
        cut.Find("#f-sections-0-questions-0-options-0-code").Input("a");
        cut.Find("#f-sections-0-questions-0-options-0-label").Input("Alternativ A");

        cut.Find("button[aria-label='Ta bort alternativet 2']").Click();

        cut.WaitForAssertion(() => Assert.Single(state.Definition.Sections![0].Questions![0].Options!));
        await cut.InvokeAsync(() => state.TrySave());
        Assert.Equal("minst 2 alternativ behövs", Message(cut, "sections[0].questions[0].options"));
    }

    [Fact]
    public async Task StepsOutOfOrderAreReportedOnTheScale()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);

        cut.Find("#f-scales-0-steps-1-value").Input("7");
        await cut.InvokeAsync(() => state.TrySave());

        Assert.Equal("stegens värden måste öka eller minska i ordning", Message(cut, "scales[0].steps"));
    }

    [Fact]
    public void ThePreviewShowsEachEditAsRespondentsWillSeeIt()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        cut.Find(".editor-preview__pages button:nth-of-type(2)").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".editor-preview__pages button:nth-of-type(2)").GetAttribute("aria-pressed")));

        cut.Find("#f-sections-0-questions-0-text").Input("Hur väl <b>fungerar</b> samverkan nu?");
        cut.Find("#f-scales-0-steps-3-label").Input("I mycket hög grad");

        var preview = cut.Find(".editor-preview");
        Assert.Equal("Första sidan", preview.QuerySelector("h3")!.TextContent);
        Assert.Contains("Hur väl <b>fungerar</b> samverkan nu?", preview.QuerySelector("#q-q1 legend")!.TextContent);
        Assert.Null(preview.QuerySelector("b"));
        Assert.Equal(["Steg 1", "Steg 2", "Steg 3", "I mycket hög grad"],
            preview.QuerySelectorAll("#q-q1 input[type=radio]").Select(i => preview.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim()));
    }

    [Fact]
    public void AQuestionWithAProblemIsWithheldFromThePreviewAndCounted()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        cut.Find(".editor-preview__pages button:nth-of-type(2)").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".editor-preview__pages button:nth-of-type(2)").GetAttribute("aria-pressed")));

        cut.Find("#f-sections-0-questions-0-text").Input("");

        Assert.Empty(cut.FindAll(".editor-preview #q-q1"));
        Assert.Equal("En fråga på sidan visas när dess fel är rättade.", cut.Find(".editor-preview__withheld").TextContent);
    }

    [Fact]
    public void AConditionNamesAChoiceQuestionOfAnEarlierSectionAndItsAnswers()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        Assert.True(cut.Find("#f-sections-0-questions-0-showIf").HasAttribute("disabled"));

        cut.Find("button:contains('Lägg till sektion')").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, state.Definition.Sections!.Count));
        var second = state.Definition.Sections![1];
        Assert.Equal("s2", second.Key);
        Assert.Equal("q2", second.Questions![0].Key);
        cut.Find("#f-sections-1-title").Input("Andra sidan");
        cut.Find("#f-sections-1-questions-0-text").Input("Beskriv vad som fungerar.");
        cut.Find("#f-sections-1-questions-0-showIf").Change(true);
        // Each change is drawn before the next box is ticked, as a user sees it.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#f-sections-1-questions-0-showIf-anyOf-svar-3")));
        cut.Find("#f-sections-1-questions-0-showIf-anyOf-svar-3").Change(true);
        cut.WaitForAssertion(() => Assert.Equal(["3"], second.Questions[0].ShowIf!.AnyOf!));
        cut.Find("#f-sections-1-questions-0-showIf-anyOf-svar-4").Change(true);
        cut.WaitForAssertion(() => Assert.Equal(["3", "4"], second.Questions[0].ShowIf!.AnyOf!));

        Assert.Equal("q1", second.Questions[0].ShowIf!.Question);
        Assert.Empty(state.Problems);
        cut.Find(".editor-preview__pages button:nth-of-type(3)").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".editor-preview__pages button:nth-of-type(3)").GetAttribute("aria-pressed")));
        Assert.Equal("Visas bara om q1 besvarats med 3, 4.", cut.Find(".editor-preview__condition").TextContent);
    }

    [Fact]
    public void EntriesMoveAndAreRemovedByButtonsThatNameThem()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        cut.Find("button:contains('Lägg till fråga')").Click();
        var questions = state.Definition.Sections![0].Questions!;
        cut.WaitForAssertion(() => Assert.Equal(["q1", "q2"], questions.Select(q => q.Key)));
        Assert.True(cut.Find("button[aria-label='Flytta upp frågan q1']").HasAttribute("disabled"));

        cut.Find("button[aria-label='Flytta upp frågan q2']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["q2", "q1"], questions.Select(q => q.Key)));
        Assert.Equal("q2", cut.Find("#f-sections-0-questions-0-key").GetAttribute("value"));

        cut.Find("button[aria-label='Ta bort frågan q2']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["q1"], questions.Select(q => q.Key)));
    }

    [Fact]
    public void TheFocusFollowsAMovedEntryAndGoesOnFromARemovedOne()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);
        cut.Find("button:contains('Lägg till fråga')").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, state.Definition.Sections![0].Questions!.Count));

        // Moved to the end of the list, where its "down" button is off, the entry keeps the focus on its "up" button.
        cut.Find("button[aria-label='Flytta ner frågan q1']").Click();
        cut.WaitForAssertion(() => Assert.Equal("Flytta upp frågan q1", NameOf(Focused(cut))));

        // A removed entry hands the focus to the one that takes its place …
        cut.Find("button[aria-label='Ta bort frågan q2']").Click();
        cut.WaitForAssertion(() => Assert.Equal("Ta bort frågan q1", NameOf(Focused(cut))));

        // … and the last one to the list's add button.
        cut.Find("button[aria-label='Ta bort frågan q1']").Click();
        var questions = cut.FindComponents<RowList<QuestionDefinition>>().Single(r => r.Instance.Path == "sections[0].questions");
        cut.WaitForAssertion(() => Assert.Same(questions.FindComponents<MudButton>().Single().Instance, Focused(cut)));
    }

    /// <summary>
    /// The button the editor last asked the browser to focus. MudBlazor keeps a button's element to itself,
    /// so it is found by the reference the button holds.
    /// </summary>
    private MudBaseButton Focused(IRenderedComponent<IComponent> cut)
    {
        var target = (ElementReference)Context.JSInterop.Invocations.Last(i => i.Identifier == "Blazor._internal.domWrapper.focus").Arguments[0]!;
        var buttons = cut.FindComponents<MudIconButton>().Select(b => (MudBaseButton)b.Instance)
            .Concat(cut.FindComponents<MudButton>().Select(b => (MudBaseButton)b.Instance));
        return buttons.Single(b => ElementOf(b).Id == target.Id);
    }

    private static string? NameOf(MudBaseButton button) => button.UserAttributes.GetValueOrDefault("aria-label")?.ToString();

    private static ElementReference ElementOf(MudBaseButton button)
    {
        for (var type = button.GetType(); type is not null; type = type.BaseType)
        {
            var field = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                .FirstOrDefault(f => f.FieldType == typeof(ElementReference));
            if (field is not null) return (ElementReference)field.GetValue(button)!;
        }
        throw new InvalidOperationException("A MudBlazor button without an element reference.");
    }

    [Fact]
    public void TheEditorSpeaksEnglishWhenTheUserDoes()
    {
        using var english = UiCulture.English();
        var state = NewState();
        var cut = Render(state);

        cut.Find("#f-key").Input("Ny Enkät");

        Assert.Equal("Key", cut.Find("label[for='f-key']").TextContent);
        Assert.Equal("Error: 'Ny Enkät' is not a valid key (lower-case a–z, digits, - and _)", cut.Find("#f-key-fel").TextContent);
    }

    [Fact]
    public void MovingAStepMovesItsLabelAndKeepsTheValuesInOrder()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);

        cut.Find("button[aria-label='Flytta upp steget Steg 2']").Click();

        var steps = state.Definition.Scales![0].Steps!;
        cut.WaitForAssertion(() => Assert.Equal("Steg 2", steps[0].Label));
        Assert.Equal([1, 2, 3, 4], steps.Select(s => s.Value!.Value));
        Assert.Equal(["Steg 2", "Steg 1", "Steg 3", "Steg 4"], steps.Select(s => s.Label));
        Assert.Empty(state.Problems);
        Assert.True(state.Unsaved);
    }

    [Fact]
    public void RenamingAQuestionOrAScaleCarriesTheirUsesAlong()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var second = new SectionDefinition { Key = "s2", Title = "Andra", Questions = [SurveyEditorState.NewQuestion("q2", SurveyApp.Domain.QuestionKind.Text, null)] };
        second.Questions[0].Text = "Varför?";
        second.Questions[0].ShowIf = new ConditionDefinition { Question = "q1", AnyOf = ["4"] };
        state.Definition.Sections!.Add(second);
        var cut = Render(state);

        cut.Find("#f-sections-0-questions-0-key").Input("samverkan");
        cut.Find("#f-scales-0-key").Input("instammer");

        Assert.Equal("samverkan", second.Questions[0].ShowIf!.Question);
        Assert.Equal("instammer", state.Definition.Sections[0].Questions![0].Scale);
        Assert.Empty(state.Problems);
    }

    [Fact]
    public async Task AConditionOnAnAnswerThatIsGoneShowsItUntilItIsUnticked()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var first = state.Definition.Sections![0].Questions![0];
        SurveyEditorState.SetKind(first, SurveyApp.Domain.QuestionKind.Single, null);
        first.Options = [new OptionDefinition { Code = "ja", Label = "Ja" }, new OptionDefinition { Code = "nej", Label = "Nej" }];
        var later = SurveyEditorState.NewQuestion("q2", SurveyApp.Domain.QuestionKind.Text, null);
        later.Text = "Berätta mer.";
        later.ShowIf = new ConditionDefinition { Question = "q1", AnyOf = ["ja"] };
        state.Definition.Sections.Add(new SectionDefinition { Key = "s2", Title = "Andra", Questions = [later] });
        var cut = Render(state);

        cut.Find("button[aria-label='Ta bort alternativet Ja']").Click();
        cut.WaitForAssertion(() => Assert.Single(first.Options));
        await cut.InvokeAsync(() => state.TrySave());

        var gone = cut.Find("#f-sections-1-questions-0-showIf-anyOf-0");
        Assert.True(gone.HasAttribute("checked"));
        Assert.Equal("ja (finns inte längre bland frågans svar)", gone.Closest("label")!.TextContent.Trim());
        Assert.Equal("true", gone.GetAttribute("aria-invalid"));
        Assert.Equal(SurveyEditorState.ErrorId("sections[1].questions[0].showIf.anyOf[0]"), gone.GetAttribute("aria-describedby"));
        Assert.Equal("frågan 'q1' har inget svar 'ja'", Message(cut, "sections[1].questions[0].showIf.anyOf[0]"));
        Assert.Equal("Sektionen s2 › frågan q2 › Villkor › svar 1", state.Describe("sections[1].questions[0].showIf.anyOf[0]"));

        gone.Change(false);

        Assert.Empty(later.ShowIf!.AnyOf!);
        Assert.Empty(cut.FindAll("#f-sections-1-questions-0-showIf-anyOf-0"));
    }

    [Fact]
    public void ProblemsAreNamedAsTheEditorNamesTheirFields()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();

        Assert.Equal("Titel", state.Describe("title"));
        Assert.Equal("Skalan grad › steget 3 › Etikett", state.Describe("scales[0].steps[2].label"));
        Assert.Equal("Sektionen s1 › frågan q1 › Svarsalternativ", state.Describe("sections[0].questions[0].options"));
        Assert.Equal("Enkäten", state.Describe(""));
    }

    [Fact]
    public async Task AProblemOnlyTheStoreFindsIsShownAtItsFieldUntilTheNextEdit()
    {
        using var culture = UiCulture.Swedish();
        var state = NewState();
        var cut = Render(state);

        await cut.InvokeAsync(() => state.Reject([new DefinitionProblem("key", "KeyTaken", "ny")]));

        Assert.Equal("nyckeln 'ny' används redan av en annan enkät", Message(cut, "key"));

        cut.Find("#f-key").Input("ny-2");

        Assert.Empty(cut.FindAll(".field__error"));
    }
}
