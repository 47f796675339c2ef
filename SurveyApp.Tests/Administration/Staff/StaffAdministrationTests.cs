using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SurveyApp.Administration.Audit;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Security;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Staff;

/// <summary>Admins manage staff accounts; every change and every export lands in the audit log.</summary>
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private const string AdminEmail = "chef@example.se";
    private readonly SurveyAppFactory _app = new(demoResponses: true);

    public async Task InitializeAsync() => await _app.CreateStaffAsync(AdminEmail, StaffRoles.Admin);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private StaffAdministration Accounts => _app.Services.GetRequiredService<StaffAdministration>();

    private async Task<string> IdOfAsync(string email) => (await Accounts.ListAsync()).Single(a => a.Email == email).Id;

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<string> CreateAsync(string email, string role)
    {
        var created = await Accounts.CreateAsync(AdminEmail, email, role);
        Assert.Equal(StaffRefusal.None, created.Refusal);
        return created.Password!;
    }

    [Fact]
    public async Task AnAdminCreatesAnAnalystWhoCanSignInWithTheGeneratedPassword()
    {
        var password = await CreateAsync(" ny.analytiker@example.se ", StaffRoles.Analyst);

        Assert.Equal(20, password.Length);
        Assert.Contains(await Accounts.ListAsync(), a => a is { Email: "ny.analytiker@example.se", Role: StaffRoles.Analyst, Active: true });
        using var analyst = _app.CreateRespondent();
        Assert.Equal(HttpStatusCode.Found, (await analyst.SignInAsync("ny.analytiker@example.se", password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat")).Status);
        Assert.Equal("/ingen-behorighet", new Uri(new Uri("http://x"), (await analyst.GetPageAsync("/admin/personal")).Location!).AbsolutePath);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AdminEmail, AuditActions.StaffCreated, "ny.analytiker@example.se", StaffRoles.Analyst), (entry.Actor, entry.Action, entry.Subject, entry.Details));
    }

    [Theory]
    [InlineData("inte-en-adress", StaffRoles.Analyst, StaffRefusal.EmailInvalid)]
    [InlineData("<script>alert(1)</script>@example.se", StaffRoles.Analyst, StaffRefusal.EmailInvalid)]
    [InlineData("Anna <anna@example.se>", StaffRoles.Analyst, StaffRefusal.EmailInvalid)]
    [InlineData("chef@example.se", StaffRoles.Analyst, StaffRefusal.EmailTaken)]
    [InlineData("ny@example.se", "superuser", StaffRefusal.UnknownRole)]
    public async Task ABadOrTakenAddressOrAnUnknownRoleIsRefusedAndCreatesNothing(string email, string role, StaffRefusal refusal)
    {
        var created = await Accounts.CreateAsync(AdminEmail, email, role);

        Assert.Equal((refusal, null), (created.Refusal, created.Password));
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ADeactivatedAccountCannotSignInUntilReactivated()
    {
        var password = await CreateAsync("tillfallig@example.se", StaffRoles.Analyst);
        var id = await IdOfAsync("tillfallig@example.se");

        Assert.Equal(StaffRefusal.None, await Accounts.DeactivateAsync(AdminEmail, id));
        var listed = (await Accounts.ListAsync()).Single(a => a.Id == id);
        using var refused = _app.CreateRespondent();
        var signIn = await refused.SignInAsync("tillfallig@example.se", password);
        Assert.Equal(StaffRefusal.None, await Accounts.ReactivateAsync(AdminEmail, id));
        using var again = _app.CreateRespondent();
        var signInAgain = await again.SignInAsync("tillfallig@example.se", password);

        Assert.False(listed.Active);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.Status);
        Assert.Equal(HttpStatusCode.Found, signInAgain.Status);
        Assert.Equal([AuditActions.StaffCreated, AuditActions.StaffDeactivated, AuditActions.StaffReactivated], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task NobodyDeactivatesOrDemotesThemselves()
    {
        await CreateAsync("andra.chefen@example.se", StaffRoles.Admin);
        var id = await IdOfAsync(AdminEmail);

        Assert.Equal(StaffRefusal.Yourself, await Accounts.DeactivateAsync(AdminEmail, id));
        Assert.Equal(StaffRefusal.Yourself, await Accounts.DeactivateAsync("CHEF@example.se", id));
        Assert.Equal(StaffRefusal.Yourself, await Accounts.SetRoleAsync(AdminEmail, id, StaffRoles.Analyst));

        Assert.Contains(await Accounts.ListAsync(), a => a is { Email: AdminEmail, Active: true, Role: StaffRoles.Admin });
        Assert.Equal([AuditActions.StaffCreated], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task TheOnlyActiveAdminCannotBeDeactivatedOrDemotedByAnyone()
    {
        var id = await IdOfAsync(AdminEmail);

        Assert.Equal(StaffRefusal.LastAdmin, await Accounts.DeactivateAsync("someone.else@example.se", id));
        Assert.Equal(StaffRefusal.LastAdmin, await Accounts.SetRoleAsync("someone.else@example.se", id, StaffRoles.Analyst));
        Assert.Equal(StaffRefusal.NotFound, await Accounts.DeactivateAsync(AdminEmail, "no-such-id"));
        Assert.Contains(await Accounts.ListAsync(), a => a is { Email: AdminEmail, Active: true, Role: StaffRoles.Admin });
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task ARoleChangeIsRecordedWithBothRolesAndShownInTheReadersLanguage()
    {
        await CreateAsync("befordras@example.se", StaffRoles.Analyst);
        var id = await IdOfAsync("befordras@example.se");

        Assert.Equal(StaffRefusal.None, await Accounts.SetRoleAsync(AdminEmail, id, StaffRoles.Admin));
        Assert.Equal(StaffRefusal.UnknownRole, await Accounts.SetRoleAsync(AdminEmail, id, "superuser"));
        Assert.Equal(StaffRefusal.None, await Accounts.SetRoleAsync(AdminEmail, id, StaffRoles.Admin));

        var entry = (await AuditAsync()).Last();
        Assert.Equal((AuditActions.StaffRoleChanged, "analyst → admin"), (entry.Action, entry.Details));
        Assert.Equal(2, (await AuditAsync()).Count);
        var texts = _app.Services.GetRequiredService<IStringLocalizer<Strings>>();
        using (UiCulture.Swedish())
        {
            Assert.Equal(("Roll ändrad", "Analytiker → Administratör"), (AuditText.Action(entry.Action, texts), AuditText.Details(entry, texts)));
        }
        using (UiCulture.English())
        {
            Assert.Equal("Analyst → Administrator", AuditText.Details(entry, texts));
        }
    }

    [Fact]
    public async Task EveryExportIsLoggedWithWhoWhichWaveFiltersAndCountNewestFirst()
    {
        using var analyst = await _app.SignedInClientAsync(StaffRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat/1/export.xlsx?typ=kommun")).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetPageAsync("/resultat/1/svar.csv")).Status);

        var entries = await AuditAsync();
        var log = await _app.Services.GetRequiredService<AuditLogQuery>().PageAsync(new(), oldestFirst: false, 0, 25);

        Assert.Equal([AuditActions.WorkbookExported, AuditActions.CsvExported], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.StartsWith("analyst-", e.Actor));
        Assert.All(entries, e => Assert.Equal("Uppföljning december 2013 (1)", e.Subject));
        Assert.StartsWith("typ=kommun; n=", entries[0].Details);
        Assert.Equal("n=17", entries[1].Details);
        Assert.Equal([AuditActions.CsvExported, AuditActions.WorkbookExported], log.Entries.Select(e => e.Action));
    }
}
