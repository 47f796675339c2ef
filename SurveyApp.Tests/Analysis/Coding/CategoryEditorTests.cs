using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Coding;
using SurveyApp.Analysis.Components;
using SurveyApp.Resources;
using SurveyApp.Tests.Responding.Components;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Coding;

public class CategoryEditorTests : LocalizedTestContext
{
    private static readonly IReadOnlyList<CategoryCount> Categories =
    [
        new(1, "Kunskaps- och erfarenhetsutbyte", 8),
        new(2, "Nationell nivå", 5),
        new(3, "Ta del av forskning", 3),
    ];

    private readonly List<string> _created = [];
    private readonly List<(int Id, string Name)> _renamed = [];
    private readonly List<(int From, int Into)> _merged = [];
    private readonly List<int> _deleted = [];
    private CodingResult _answer = CodingResult.Ok(99);

    private IStringLocalizer<Strings> L => Services.GetRequiredService<IStringLocalizer<Strings>>();

    private IRenderedComponent<CategoryEditor> Render(IReadOnlyList<CategoryCount>? categories = null) =>
        Render<CategoryEditor>(ps => ps
            .Add(p => p.Categories, categories ?? Categories)
            .Add(p => p.Responded, 17)
            .Add(p => p.CreateCategory, name => { _created.Add(name); return Task.FromResult(_answer); })
            .Add(p => p.RenameCategory, (id, name) => { _renamed.Add((id, name)); return Task.FromResult(_answer); })
            .Add(p => p.MergeCategories, (from, into) => { _merged.Add((from, into)); return Task.FromResult(_answer); })
            .Add(p => p.DeleteCategory, id => { _deleted.Add(id); return Task.FromResult(_answer); }));

    [Fact]
    public void EachCategoryIsARowWithItsCountAndShareOfThoseWhoAnswered()
    {
        using var culture = UiCulture.Swedish();

        var cut = Render();

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(Categories.Select(c => c.Name), rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        Assert.Equal(["8", "5", "3"], rows.Select(r => r.QuerySelectorAll("td")[0].TextContent));
        Assert.Equal(Format.Percent(8.0 / 17), rows[0].QuerySelectorAll("td")[1].TextContent);
        Assert.StartsWith("47", rows[0].QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public void WithoutCategoriesThereIsNoTableButACreateForm()
    {
        var cut = Render([]);

        Assert.Empty(cut.FindAll("table"));
        Assert.Single(cut.FindAll(".category-editor__empty"));
        Assert.Single(cut.FindAll("#ny-kategori"));
    }

    [Fact]
    public void CreatingPassesTheNameAsTypedAndEmptiesTheFieldWhenItSucceeds()
    {
        var cut = Render();

        cut.Find("#ny-kategori").Input("  Inspiration ");
        cut.Find("form.category-editor__new").Submit();

        Assert.Equal(["  Inspiration "], _created);
        Assert.Equal("", cut.Find("#ny-kategori").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void ARefusedNameIsAnnouncedNextToItsFieldAndKept()
    {
        _answer = CodingResult.Fail(CodingErrors.NameTaken);
        var cut = Render();

        cut.Find("#ny-kategori").Input("nationell NIVÅ");
        cut.Find("form.category-editor__new").Submit();

        var input = cut.Find("#ny-kategori");
        Assert.Equal("nationell NIVÅ", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("ny-kategori-fel", input.GetAttribute("aria-describedby"));
        var error = cut.Find("#ny-kategori-fel");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal(L[CodingErrors.NameTaken].Value, error.TextContent);
    }

    [Fact]
    public void EditingOpensAPanelForThatCategoryOnly()
    {
        var cut = Render();
        Assert.All(cut.FindAll(".category-editor__toggle"), b => Assert.Equal("false", b.GetAttribute("aria-expanded")));

        cut.FindAll(".category-editor__toggle")[1].Click();

        var toggles = cut.FindAll(".category-editor__toggle");
        Assert.Equal(["false", "true", "false"], toggles.Select(b => b.GetAttribute("aria-expanded")));
        var panel = Assert.Single(cut.FindAll(".category-editor__panel"));
        Assert.Equal("kategori-2-andra", panel.Id);
        Assert.Equal(panel.Id, toggles[1].GetAttribute("aria-controls"));
        Assert.Equal("Nationell nivå", cut.Find("#kategori-2-namn").GetAttribute("value"));
    }

    [Fact]
    public void RenamingPassesTheCategoryAndTheNewName()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[2].Click();

        cut.Find("#kategori-3-namn").Input("Forskning");
        cut.Find("#kategori-3-namn").Closest("form")!.Submit();

        Assert.Equal([(3, "Forskning")], _renamed);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void ARefusedRenameIsAnnouncedNextToTheNameField()
    {
        _answer = CodingResult.Fail(CodingErrors.NameRequired);
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[2].Click();

        cut.Find("#kategori-3-namn").Input("");
        cut.Find("#kategori-3-namn").Closest("form")!.Submit();

        Assert.Equal("kategori-3-namn-fel", cut.Find("#kategori-3-namn").GetAttribute("aria-describedby"));
        Assert.Equal(L[CodingErrors.NameRequired].Value, cut.Find("#kategori-3-namn-fel[role=alert]").TextContent);
    }

    [Fact]
    public void MergingOffersTheOtherCategoriesAndPassesFromAndInto()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[2].Click();

        var options = cut.FindAll("#kategori-3-sla-ihop option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "1", "2"], options);
        cut.Find("#kategori-3-sla-ihop").Change("1");
        cut.Find("#kategori-3-sla-ihop").Closest("form")!.Submit();

        Assert.Equal([(3, 1)], _merged);
        Assert.Empty(cut.FindAll(".category-editor__panel"));
    }

    [Fact]
    public void MergingWithoutChoosingACategoryAsksForOne()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[0].Click();

        cut.Find("#kategori-1-sla-ihop").Closest("form")!.Submit();

        Assert.Empty(_merged);
        Assert.Equal(L[CodingErrors.ChooseMergeTarget].Value, cut.Find("#kategori-1-sla-ihop-fel[role=alert]").TextContent);
        Assert.Contains("kategori-1-sla-ihop-fel", cut.Find("#kategori-1-sla-ihop").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void ALoneCategoryHasNothingToMergeWith()
    {
        var cut = Render([Categories[0]]);
        cut.Find(".category-editor__toggle").Click();

        Assert.Empty(cut.FindAll("#kategori-1-sla-ihop"));
        Assert.Single(cut.FindAll("#kategori-1-namn"));
    }

    [Fact]
    public void DeletingNeedsASecondClick()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[1].Click();

        cut.Find(".category-editor__delete-button").Click();

        Assert.Empty(_deleted);
        var warning = cut.Find("#kategori-2-ta-bort-varning");
        Assert.Equal("alert", warning.GetAttribute("role"));
        Assert.Equal(warning.Id, cut.Find(".category-editor__delete-button").GetAttribute("aria-describedby"));
        Assert.StartsWith(L["Coding.ConfirmDelete"].Value, cut.Find(".category-editor__delete-button").TextContent);

        cut.Find(".category-editor__delete-button").Click();

        Assert.Equal([2], _deleted);
        Assert.Empty(cut.FindAll(".category-editor__panel"));
    }

    [Fact]
    public void CancellingADeleteLeavesTheCategoryAlone()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[1].Click();
        cut.Find(".category-editor__delete-button").Click();

        cut.Find(".category-editor__cancel").Click();
        cut.Find(".category-editor__delete-button").Click();

        Assert.Empty(_deleted);
        Assert.Single(cut.FindAll("#kategori-2-ta-bort-varning"));
    }

    [Fact]
    public void EveryFieldHasALabelAndEveryIdIsUnique()
    {
        var cut = Render();
        cut.FindAll(".category-editor__toggle")[0].Click();

        var fields = cut.FindAll("input, select");
        Assert.Equal(3, fields.Count);
        Assert.All(fields, f => Assert.Single(cut.FindAll($"label[for='{f.Id}']")));
        var ids = cut.FindAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
