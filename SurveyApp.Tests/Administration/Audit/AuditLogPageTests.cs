using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Audit;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Audit;

/// <summary>The audit log page over the app's query and a database of its own.</summary>
public sealed class AuditLogPageTests : AppPageContext
{

    private void Seed(params (string Action, string Subject, string? Details)[] entries)
    {
        using var db = App.CreateDbContext();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        foreach (var (action, subject, details) in entries)
        {
            db.AuditLog.Add(new AuditEntry { At = at = at.AddMinutes(1), Actor = "chef@example.se", Action = action, Subject = subject, Details = details });
            db.SaveChanges();
        }
    }

    [Fact]
    public void EntriesShowNewestFirstInTheReadersLanguage()
    {
        Seed((AuditActions.StaffCreated, "ny@example.se", StaffRoles.Analyst), (AuditActions.StaffRoleChanged, "ny@example.se", "analyst → admin"));

        var page = Context.Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("tbody tr");
        Assert.Contains("Roll ändrad", rows[0].TextContent);
        Assert.Contains("Analytiker → Administratör", rows[0].TextContent);
        Assert.Contains("Konto skapat", rows[1].TextContent);
        Assert.DoesNotContain("analyst", page.Find("tbody").TextContent);
        Assert.Equal("Logg", page.Find("h1").TextContent);
    }

    [Theory]
    [InlineData("audit-from", "Välj första dag")]
    [InlineData("audit-to", "Välj sista dag")]
    public void EachDateHasANamedOpenButtonThatTabReachesAndThatOpensTheCalendar(string field, string name)
    {
        var providers = RenderProviders();
        var page = Context.Render<AuditLogPage>();
        var box = page.Find($"#{field}").Closest(".picker-field")!;

        var button = Assert.Single(box.QuerySelectorAll("button:not([tabindex='-1'])"));
        Assert.Equal(name, button.GetAttribute("aria-label"));
        button.Click();

        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-picker-popover-paper, .mud-picker-paper")));
    }

    [Fact]
    public void AnEmptyLogSaysSo()
    {
        var page = Context.Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("Loggen är tom.", page.Find("tbody").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void WhoNarrowsTheLog()
    {
        Seed((AuditActions.ParticipantAdded, "Gotlands kommun", "kommun"));
        using (var db = App.CreateDbContext())
        {
            db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "analyst-1@example.se", Action = AuditActions.CsvExported, Subject = "Omgång 1" });
            db.SaveChanges();
        }
        var page = Context.Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));

        page.Find("#audit-actor").Input("ANALYST");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")), TimeSpan.FromSeconds(10));
        Assert.Contains("CSV-export", page.Find("tbody tr").TextContent);
    }
}
