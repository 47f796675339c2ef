using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SurveyApp.Components.Shared;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components.Shared;

public sealed class GridPagerTests : StaffComponentContext
{
    public sealed record Row(string Name);

    private IRenderedComponent<MudDataGrid<Row>> RenderGrid(int rows)
    {
        var items = Enumerable.Range(1, rows).Select(i => new Row($"Deltagare {i}")).ToList();
        RenderFragment columns = b =>
        {
            b.OpenComponent<PropertyColumn<Row, string>>(0);
            b.AddAttribute(1, nameof(PropertyColumn<Row, string>.Property), (System.Linq.Expressions.Expression<Func<Row, string>>)(r => r.Name));
            b.AddAttribute(2, nameof(PropertyColumn<Row, string>.Title), "Namn");
            b.CloseComponent();
        };
        RenderFragment pager = b =>
        {
            b.OpenComponent<GridPager<Row>>(0);
            b.AddAttribute(1, nameof(GridPager<Row>.PageSizeOptions), new[] { 25, 50, 100 });
            b.CloseComponent();
        };
        return Context.Render<MudDataGrid<Row>>(ps => ps
            .Add(g => g.Items, items).Add(g => g.Columns, columns).Add(g => g.PagerContent, pager)
            .Add(g => g.RowsPerPage, 25).Add(g => g.SortMode, SortMode.Single));
    }

    [Fact]
    public void ThePagerAsksTheBrowserToNameEachSortButtonAfterItsColumn()
    {
        var grid = RenderGrid(30);

        var attach = Context.JSInterop.VerifyInvoke("surveyApp.grids.attach");
        Assert.Equal("Sortera efter {0}", attach.Arguments[1]);
        Assert.Equal(grid.Find(".grid-pager").GetAttribute("blazor:elementReference"), ((ElementReference)attach.Arguments[0]!).Id);
    }

    [Fact]
    public void APageChangeBringsTheGridsTopIntoViewAndAFirstRenderDoesNot()
    {
        var grid = RenderGrid(30);
        Assert.Empty(Context.JSInterop.Invocations["surveyApp.grids.revealTop"]);

        grid.Find(".mud-table-pagination-actions button:nth-child(3)").Click();

        grid.WaitForAssertion(() => Assert.Equal(5, grid.FindAll("tbody tr").Count));
        grid.WaitForAssertion(() => Context.JSInterop.VerifyInvoke("surveyApp.grids.revealTop"));
    }
}
