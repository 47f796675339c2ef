using System.Security.Claims;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Security;

namespace SurveyApp.Tests.Administration.Staff;

/// <summary>Admins manage staff accounts on /admin/personal; every change and every export lands in the audit log.</summary>
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private const string Page = "/admin/personal";
    private readonly SurveyAppFactory _app = new(demoResponses: true);
    private HttpClient _admin = default!;
    private string _adminEmail = "";

    public async Task InitializeAsync()
    {
        _adminEmail = "chef@example.se";
        var password = await _app.CreateStaffAsync(_adminEmail, StaffRoles.Admin);
        _admin = _app.CreateRespondent();
        Assert.Equal(HttpStatusCode.Found, (await _admin.SignInAsync(_adminEmail, password)).Status);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    private Task<Page> CreateAsync(string email, string role) =>
        _admin.PostFormAsync(Page, "create", ("Change.Email", email), ("Change.Role", role));

    private async Task<Page> ChangeAsync(string email, string action, string? role = null, string? form = null)
    {
        var id = await UserIdAsync(email);
        form ??= action == "role" ? $"role-{id}" : $"active-{id}";
        return await _admin.PostFormAsync(Page, form, ("Change.UserId", id), ("Change.Action", action), ("Change.Role", role ?? ""));
    }

    private static string PasswordOn(Page page) =>
        WebUtility.HtmlDecode(Regex.Match(page.Main, "<code class=\"password\">([^<]+)</code>").Groups[1].Value);

    [Fact]
    public async Task AnAdminCreatesAnAnalystWhoCanSignInWithThePasswordShownOnce()
    {
        var created = await CreateAsync("ny.analytiker@example.se", StaffRoles.Analyst);
        var password = PasswordOn(created);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, (await _admin.GetPageAsync(Page)).Html);
        using var analyst = _app.CreateRespondent();
        Assert.Equal(HttpStatusCode.Found, (await analyst.SignInAsync("ny.analytiker@example.se", password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat")).Status);
        Assert.Equal("/ingen-behorighet", new Uri(new Uri("http://x"), (await analyst.GetPageAsync(Page)).Location!).AbsolutePath);
        var entry = (await AuditAsync()).Single();
        Assert.Equal((_adminEmail, AuditActions.StaffCreated, "ny.analytiker@example.se", StaffRoles.Analyst), (entry.Actor, entry.Action, entry.Subject, entry.Details));
    }

    [Theory]
    [InlineData("inte-en-adress", "giltig e-postadress")]
    [InlineData("<script>alert(1)</script>@example.se", "giltig e-postadress")]
    [InlineData("chef@example.se", "finns redan ett konto")]
    public async Task ABadOrTakenAddressIsRefusedAndCreatesNothing(string email, string message)
    {
        var page = await CreateAsync(email, StaffRoles.Analyst);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, WebUtility.HtmlDecode(page.Main));
        Assert.DoesNotContain("<script>alert", page.Html);
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ADeactivatedAccountCannotSignInUntilReactivated()
    {
        var password = PasswordOn(await CreateAsync("tillfallig@example.se", StaffRoles.Analyst));

        var deactivated = await ChangeAsync("tillfallig@example.se", "deactivate");
        using var refused = _app.CreateRespondent();
        var signIn = await refused.SignInAsync("tillfallig@example.se", password);
        await ChangeAsync("tillfallig@example.se", "reactivate");
        using var again = _app.CreateRespondent();
        var signInAgain = await again.SignInAsync("tillfallig@example.se", password);

        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.Contains("Avstängt", WebUtility.HtmlDecode(deactivated.Main));
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.Status);
        Assert.Equal(HttpStatusCode.Found, signInAgain.Status);
        Assert.Equal([AuditActions.StaffCreated, AuditActions.StaffDeactivated, AuditActions.StaffReactivated], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task NobodyDeactivatesOrDemotesThemselvesAndTheLastAdminStays()
    {
        // The page offers no deactivation of one's own account; a crafted post through the role form is refused too.
        Assert.DoesNotContain($"active-{await UserIdAsync(_adminEmail)}", (await _admin.GetPageAsync(Page)).Html);
        var self = await ChangeAsync(_adminEmail, "deactivate", form: $"role-{await UserIdAsync(_adminEmail)}");
        var demote = await ChangeAsync(_adminEmail, "role", StaffRoles.Analyst);

        Assert.Equal(HttpStatusCode.BadRequest, self.Status);
        Assert.Contains("ditt eget konto", WebUtility.HtmlDecode(self.Main));
        Assert.Equal(HttpStatusCode.BadRequest, demote.Status);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetPageAsync(Page)).Status);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task TheOnlyActiveAdminCannotBeDeactivatedOrDemotedByAnyone()
    {
        var id = await UserIdAsync(_adminEmail);
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        Assert.Equal(StaffRefusal.LastAdmin, await accounts.DeactivateAsync("someone.else@example.se", id));
        Assert.Equal(StaffRefusal.LastAdmin, await accounts.SetRoleAsync("someone.else@example.se", id, StaffRoles.Analyst));
        Assert.Contains(await accounts.ListAsync(), a => a.Email == _adminEmail && a.Active && a.Role == StaffRoles.Admin);
    }

    [Fact]
    public async Task ARoleChangeIsRecordedWithBothRoles()
    {
        await CreateAsync("befordras@example.se", StaffRoles.Analyst);

        var changed = await ChangeAsync("befordras@example.se", "role", StaffRoles.Admin);
        var unknown = await ChangeAsync("befordras@example.se", "role", "superuser");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        var entry = (await AuditAsync()).Last();
        Assert.Equal((AuditActions.StaffRoleChanged, "analyst → admin"), (entry.Action, entry.Details));
        // Stored in the app's terms, shown in the reader's language.
        var log = WebUtility.HtmlDecode((await _admin.GetPageAsync("/admin/logg")).Main);
        Assert.Contains("Analytiker → Administratör", log);
        Assert.DoesNotContain("analyst", log);
    }

    [Fact]
    public async Task EveryExportIsLoggedWithWhoWhichWaveFiltersAndCountAndTheLogShowsIt()
    {
        using var analyst = await _app.SignedInClientAsync(StaffRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat/1/export.xlsx?typ=kommun")).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat/1/svar.csv")).Status);

        var entries = await AuditAsync();
        var log = WebUtility.HtmlDecode((await _admin.GetPageAsync("/admin/logg")).Main);

        Assert.Equal([AuditActions.WorkbookExported, AuditActions.CsvExported], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.StartsWith("analyst-", e.Actor));
        Assert.All(entries, e => Assert.Equal("Uppföljning december 2013 (1)", e.Subject));
        Assert.StartsWith("typ=kommun; n=", entries[0].Details);
        Assert.Equal("n=17", entries[1].Details);
        Assert.Contains("Excel-export", log);
        Assert.Contains("CSV-export", log);
        Assert.True(log.IndexOf("CSV-export", StringComparison.Ordinal) < log.IndexOf("Excel-export", StringComparison.Ordinal), "newest first");
    }
}
