using System.Resources;
using Radzen;
using SurveyApp.Administration;
using SurveyApp.Administration.Staff;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using SurveyApp.Components;
using SurveyApp.Components.Layout;
using SurveyApp.Export;
using SurveyApp.Responding;
using SurveyApp.Storage;

[assembly: NeutralResourcesLanguage("sv")]

var builder = WebApplication.CreateBuilder(args);
// Serves the packages' static files (Radzen) also when the app is started from its build folder.
builder.WebHost.UseStaticWebAssets();

builder.AddSurveyStorage();
builder.AddUiLocalization();
builder.AddResponding();
builder.AddWrongLinkLimit();
builder.AddAdministration();
builder.AddWaveAdministration();
builder.AddStaffSignIn();
builder.AddSecureFormCookies();
builder.AddAnalysis();
builder.AddExport();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();

var app = builder.Build();

// Backups and restores work on the file as it is: a damaged database must not be migrated first.
if (await app.RunBackupCommandAsync(args))
{
    return;
}
await app.MigrateDatabaseAsync();
if (await app.RunStaffCommandAsync(args))
{
    return;
}
await app.SeedModelSurveyAsync();
app.MarkDatabaseRunning();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fel", createScopeForErrors: true);
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseRequestLocalization();
app.UseWrongLinkLimit();
app.UseUtf8Forms("/s");
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapLanguageSwitch();
app.MapStaffSignOut();
app.MapExport();
app.MapWaveAdministration();
app.MapSurveyAdministration();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome());
app.Run();

public partial class Program;
