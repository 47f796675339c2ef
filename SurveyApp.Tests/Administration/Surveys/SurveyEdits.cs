using SurveyApp.Definitions;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>A survey with every kind of question, and the edits an editor can make to it: each structural one, and one rewording of everything.</summary>
public static class SurveyEdits
{
    // scales: grad5 (1..5, off-scale vet_ej), ja3 (3, 2, 1; one-sided), oanvand (used by no question)
    // sections[0] del1: grad (likert grad5, own off-scale), omraden (matrix grad5), igen (single), fritext (text, 1000)
    // sections[1] del2: stod (multi, shown if grad is 4 or 5), hinder (texts, 3 answers of 500)
    // sections[2] del3: nojd (likert ja3), ovrigt (text, default length)
    public const string Json = """
        {
          "key": "redigering",
          "language": "sv",
          "title": "Enkät att redigera",
          "introduction": "Svaren sparas på varje sida.",
          "scales": [
            { "key": "grad5",
              "steps": [
                { "value": 1, "label": "I mycket låg grad" }, { "value": 2, "label": "I låg grad" },
                { "value": 3, "label": "Varken låg eller hög grad" },
                { "value": 4, "label": "I hög grad" }, { "value": 5, "label": "I mycket hög grad" } ],
              "offScale": [ { "code": "vet_ej", "label": "Vet ej" } ] },
            { "key": "ja3", "bipolar": false,
              "steps": [ { "value": 3, "label": "Ja, i hög grad" }, { "value": 2, "label": "Ja, i viss grad" }, { "value": 1, "label": "Nej" } ] },
            { "key": "oanvand",
              "steps": [ { "value": 1, "label": "Dåligt" }, { "value": 2, "label": "Bra" } ] }
          ],
          "sections": [
            { "key": "del1", "title": "Del 1", "description": "Om arbetet.", "questions": [
                { "key": "grad", "kind": "likert", "text": "I vilken grad har ni gått vidare?", "help": "Tänk på hela organisationen.",
                  "required": true, "scale": "grad5",
                  "offScale": [ { "code": "ej_gatt_vidare", "label": "Vi har ej gått vidare" } ] },
                { "key": "omraden", "kind": "matrix", "text": "I vilken grad arbetar ni med följande?", "scale": "grad5",
                  "items": [ { "code": "barn", "text": "Barn och unga" }, { "code": "miljo", "text": "Hållbara miljöer" } ] },
                { "key": "igen", "kind": "single", "text": "Hade ni deltagit igen?",
                  "options": [ { "code": "ja", "label": "Ja" }, { "code": "nej", "label": "Nej" },
                    { "code": "vet_ej", "label": "Vet ej", "offScale": true } ] },
                { "key": "fritext", "kind": "text", "text": "Vad var bäst?", "maxLength": 1000 } ] },
            { "key": "del2", "title": "Del 2", "questions": [
                { "key": "stod", "kind": "multi", "text": "Vilket stöd behöver ni?",
                  "options": [ { "code": "natverk", "label": "Nätverk" }, { "code": "utbildning", "label": "Utbildning" },
                    { "code": "material", "label": "Material" } ],
                  "showIf": { "question": "grad", "anyOf": ["4", "5"] } },
                { "key": "hinder", "kind": "texts", "text": "Vilka hinder finns?", "maxAnswers": 3, "maxLength": 500 } ] },
            { "key": "del3", "title": "Del 3", "questions": [
                { "key": "nojd", "kind": "likert", "text": "Är ni nöjda?", "scale": "ja3" },
                { "key": "ovrigt", "kind": "text", "text": "Något mer?" } ] }
          ]
        }
        """;

    public static SurveyDefinition Definition()
    {
        var result = SurveyDefinitionReader.Read(Json);
        return result.IsValid ? result.Definition! : throw new InvalidOperationException(string.Join("\n", result.Problems));
    }

    /// <summary>An edit that changes what stored answers mean, and the changes (path, code) it must be reported as.</summary>
    public sealed record StructuralEdit(string Name, Action<SurveyDefinition> Apply, params (string Path, string Code)[] Expected);

    public static readonly IReadOnlyList<StructuralEdit> Structural =
    [
        new("SectionAdded", d =>
            {
                var hinder = d.Question("hinder");
                d.Section("del2").Questions!.Remove(hinder);
                d.Sections!.Add(new SectionDefinition { Key = "del4", Title = "Del 4", Questions = [hinder] });
            },
            ("sections[3]", "SectionAdded")),
        new("SectionRemoved", d =>
            {
                var del3 = d.Section("del3");
                d.Section("del2").Questions!.AddRange(del3.Questions!);
                d.Sections!.Remove(del3);
            },
            ("sections[2]", "SectionRemoved")),
        new("QuestionAdded", d => d.Section("del3").Questions!.Add(new QuestionDefinition { Key = "ny", Kind = "text", Text = "En ny fråga?" }),
            ("sections[2].questions[2]", "QuestionAdded")),
        new("QuestionRemoved", d => d.Section("del1").Questions!.Remove(d.Question("fritext")),
            ("sections[0].questions[3]", "QuestionRemoved")),
        new("KindChanged", d => d.Question("igen").Kind = "multi",
            ("sections[0].questions[2].kind", "KindChanged")),
        new("ScaleChanged", d => d.Question("omraden").Scale = "ja3",
            ("sections[0].questions[1].scale", "ScaleChanged")),
        new("OptionRemoved", d => d.Question("igen").Options!.RemoveAt(1),
            ("sections[0].questions[2].options[1]", "OptionRemoved")),
        new("OptionAdded", d => d.Question("stod").Options!.Add(new OptionDefinition { Code = "ekonomi", Label = "Ekonomiskt stöd" }),
            ("sections[1].questions[0].options[3]", "OptionAdded")),
        new("OptionNowOffScale", d => d.Question("igen").Options![1].OffScale = true,
            ("sections[0].questions[2].options[1].offScale", "OptionNowOffScale")),
        new("OptionNoLongerOffScale", d => d.Question("igen").Options![2].OffScale = null,
            ("sections[0].questions[2].options[2].offScale", "OptionNoLongerOffScale")),
        new("QuestionOffScaleRemoved", d => d.Question("grad").OffScale = null,
            ("sections[0].questions[0].offScale[0]", "OptionRemoved")),
        new("QuestionOffScaleAdded", d => d.Question("omraden").OffScale = [new OptionDefinition { Code = "ej_aktuellt", Label = "Ej aktuellt" }],
            ("sections[0].questions[1].offScale[0]", "OptionAdded")),
        new("ItemRemoved", d => d.Question("omraden").Items!.RemoveAt(1),
            ("sections[0].questions[1].items[1]", "ItemRemoved")),
        new("ItemAdded", d => d.Question("omraden").Items!.Add(new ItemDefinition { Code = "arbete", Text = "Arbete och försörjning" }),
            ("sections[0].questions[1].items[2]", "ItemAdded")),
        new("StepLabelsSwapped", d => (d.Scale("grad5").Steps![0].Label, d.Scale("grad5").Steps![1].Label) = (d.Scale("grad5").Steps![1].Label, d.Scale("grad5").Steps![0].Label),
            ("scales[0].steps[0].label", "StepLabelMoved"), ("scales[0].steps[1].label", "StepLabelMoved")),
        new("OptionLabelsSwapped", d => (d.Question("igen").Options![0].Label, d.Question("igen").Options![1].Label) = (d.Question("igen").Options![1].Label, d.Question("igen").Options![0].Label),
            ("sections[0].questions[2].options[0].label", "OptionLabelMoved"), ("sections[0].questions[2].options[1].label", "OptionLabelMoved")),
        new("ItemTextsSwapped", d => (d.Question("omraden").Items![0].Text, d.Question("omraden").Items![1].Text) = (d.Question("omraden").Items![1].Text, d.Question("omraden").Items![0].Text),
            ("sections[0].questions[1].items[0].text", "ItemTextMoved"), ("sections[0].questions[1].items[1].text", "ItemTextMoved")),
        new("StepAdded", d => d.Scale("grad5").Steps!.Add(new StepDefinition { Value = 6, Label = "I allra högsta grad" }),
            ("scales[0].steps[5]", "StepAdded")),
        new("StepRemoved", d => d.Scale("grad5").Steps!.RemoveAt(0),
            ("scales[0].steps[0]", "StepRemoved")),
        new("StepValueChanged", d => d.Scale("ja3").Steps![0].Value = 4,
            ("scales[1].steps[0].value", "StepValueChanged")),
        new("StepsReordered", d => d.Scale("ja3").Steps!.Reverse(),
            ("scales[1].steps", "StepsReordered")),
        new("ScaleOptionAdded", d => d.Scale("ja3").OffScale = [new OptionDefinition { Code = "vet_ej", Label = "Vet ej" }],
            ("scales[1].offScale[0]", "ScaleOptionAdded")),
        new("ScaleOptionRemoved", d => d.Scale("grad5").OffScale = null,
            ("scales[0].offScale[0]", "ScaleOptionRemoved")),
        new("ConditionAdded", d => d.Question("hinder").ShowIf = new ConditionDefinition { Question = "grad", AnyOf = ["1", "2"] },
            ("sections[1].questions[1].showIf", "ConditionAdded")),
        new("ConditionRemoved", d => d.Question("stod").ShowIf = null,
            ("sections[1].questions[0].showIf", "ConditionRemoved")),
        new("ConditionAnswersChanged", d => d.Question("stod").ShowIf!.AnyOf = ["5"],
            ("sections[1].questions[0].showIf", "ConditionChanged")),
        new("ConditionQuestionChanged", d => d.Question("stod").ShowIf = new ConditionDefinition { Question = "igen", AnyOf = ["ja"] },
            ("sections[1].questions[0].showIf", "ConditionChanged")),
        new("MaxAnswersLowered", d => d.Question("hinder").MaxAnswers = 2,
            ("sections[1].questions[1].maxAnswers", "MaxAnswersLowered")),
        new("MaxLengthLowered", d => d.Question("fritext").MaxLength = 500,
            ("sections[0].questions[3].maxLength", "MaxLengthLowered")),
        new("TextsMaxLengthLowered", d => d.Question("hinder").MaxLength = 100,
            ("sections[1].questions[1].maxLength", "MaxLengthLowered")),
        new("DefaultMaxLengthLowered", d => d.Question("ovrigt").MaxLength = 3000,
            ("sections[2].questions[1].maxLength", "MaxLengthLowered")),
    ];

    public static IEnumerable<object[]> StructuralNames => Structural.Select(e => new object[] { e.Name });

    public static StructuralEdit Get(string name) => Structural.Single(e => e.Name == name);

    /// <summary>Every wording change at once: texts, labels, flags, order, moves, longer limits, and the scales no question uses.</summary>
    public static void Reword(SurveyDefinition d)
    {
        d.Key = $"{d.Key}-omformulerad";
        d.Language = "en";
        d.Title = "A survey reworded";
        d.Introduction = "Answers are saved on every page.";

        var del1 = d.Section("del1");
        var del2 = d.Section("del2");
        var del3 = d.Section("del3");
        d.Sections = [del1, del3, del2];
        del1.Title = "Part 1";
        del1.Description = null;
        del2.Description = "For those who went on.";

        var grad = d.Question("grad");
        grad.Text = "To what degree have you gone on?";
        grad.Help = null;
        grad.Required = null;
        grad.OffScale![0].Label = "We have not gone on";
        var omraden = d.Question("omraden");
        omraden.Items!.Reverse();
        omraden.Items[1].Text = "Children and young people";
        var igen = d.Question("igen");
        igen.Required = true;
        igen.Help = "Answer for your organisation.";
        (igen.Options![0], igen.Options[1]) = (igen.Options[1], igen.Options[0]);
        igen.Options[0].Label = "No";
        var fritext = d.Question("fritext");
        fritext.MaxLength = 2000;
        del1.Questions = [omraden, grad, igen];
        del3.Questions!.Add(fritext);

        var stod = d.Question("stod");
        stod.Options![2].Label = "Printed material";
        stod.ShowIf!.AnyOf = ["5", "4"];
        var hinder = d.Question("hinder");
        hinder.MaxAnswers = 5;
        hinder.MaxLength = 800;
        d.Question("ovrigt").MaxLength = 5000;

        var grad5 = d.Scale("grad5");
        grad5.Steps![4].Label = "To a very high degree";
        grad5.OffScale![0].Label = "Don't know";
        grad5.Bipolar = false;
        d.Scale("ja3").Bipolar = null;
        d.Scales!.Remove(d.Scale("oanvand"));
        d.Scales.Add(new ScaleDefinition
        {
            Key = "ny4",
            Steps = [new StepDefinition { Value = 1, Label = "Low" }, new StepDefinition { Value = 4, Label = "High" }],
        });
    }

    public static SectionDefinition Section(this SurveyDefinition d, string key) => d.Sections!.Single(s => s.Key == key);

    public static QuestionDefinition Question(this SurveyDefinition d, string key) => d.Sections!.SelectMany(s => s.Questions!).Single(q => q.Key == key);

    public static ScaleDefinition Scale(this SurveyDefinition d, string key) => d.Scales!.Single(s => s.Key == key);
}
