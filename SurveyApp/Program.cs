using System.Resources;
using SurveyApp.Administration;
using SurveyApp.Administration.Staff;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using SurveyApp.Auditing;
using SurveyApp.Components;
using SurveyApp.Components.Layout;
using SurveyApp.Export;
using SurveyApp.Mail;
using SurveyApp.Responding;
using SurveyApp.Security;
using SurveyApp.Seeding;
using SurveyApp.Storage;

[assembly: NeutralResourcesLanguage("sv")]

var builder = WebApplication.CreateBuilder(args);
builder.AddSurveyStorage();
builder.AddReverseProxy();
builder.AddUiLocalization();
builder.AddResponding();
builder.AddWrongLinkLimit();
builder.AddStaffSignIn();
builder.AddAuditing();
builder.AddMail();
builder.AddAdministration();
builder.AddSeeding();
builder.AddSecureFormCookies();
builder.AddAnalysis();
builder.AddExport();
builder.AddStaffUi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
// Every group of settings is checked before anything else runs, so that a wrong one changes nothing.
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

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

app.UseReverseProxy();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fel", createScopeForErrors: true);
}
app.UseSecurityHeaders();
// The language is settled before a status page may answer instead, so that it speaks the visitor's language
// (also one chosen with ?culture=, which the re-executed request no longer carries).
app.UseRequestLocalization();
// A fresh scope, so that the status page renders with services of its own and not the failed page's.
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseWrongLinkLimit();
app.UseUtf8Forms("/s");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapLanguageSwitch();
app.MapStaffSignOut();
app.MapAnalysis();
app.MapExport();
app.MapWaveAdministration();
app.MapSurveyAdministration();
// The app's own Content-Security-Policy (UseSecurityHeaders) already forbids framing; one policy, not two.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome());
app.Run();

public partial class Program;
