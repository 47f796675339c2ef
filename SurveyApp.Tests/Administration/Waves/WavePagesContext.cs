using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Security;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>
/// The wave administration pages rendered by bunit over the app's own services on a fresh, seeded database, signed in as
/// an administrator; dialogs and snackbars appear in <see cref="Providers"/>.
/// </summary>
public abstract class WavePagesContext : AppPageContext
{
    protected WavePagesContext()
    {
        Providers = RenderProviders();
    }

    protected IRenderedComponent<MudProviders> Providers { get; }

    protected async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    protected async Task<T> ReadAsync<T>(Func<SurveyDbContext, Task<T>> read)
    {
        await using var db = App.CreateDbContext();
        return await read(db);
    }

    /// <summary>Holds the browser's save of a streamed download open, so its content can be read before the page lets go of it.</summary>
    protected JSRuntimeInvocationHandler HoldDownloads() => Context.JSInterop.SetupVoid("surveyApp.saveFile", _ => true);

    /// <summary>The downloads the page has streamed to the browser so far.</summary>
    protected IReadOnlyList<JSRuntimeInvocation> Saves() => [.. Context.JSInterop.Invocations.Where(i => i.Identifier == "surveyApp.saveFile")];

    /// <summary>The file name and text of the download at <paramref name="index"/>, which is then let go.</summary>
    protected (string FileName, string Text) Downloaded(JSRuntimeInvocationHandler downloads, int index = 0)
    {
        var invocation = Saves()[index];
        var stream = ((DotNetStreamReference)invocation.Arguments[1]!).Stream;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        downloads.SetVoidResult();
        return ((string)invocation.Arguments[0]!, Encoding.UTF8.GetString(copy.ToArray()).TrimStart('\uFEFF'));
    }

    /// <summary>Clicks the dialog's confirming (or, when <paramref name="confirm"/> is false, cancelling) button.</summary>
    protected void AnswerDialog(bool confirm)
    {
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-dialog button.confirm-button")));
        var button = confirm
            ? Providers.Find(".mud-dialog button.confirm-button")
            : Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Avbryt");
        button.Click();
    }

    protected void AssertSnackbar(string text) =>
        Providers.WaitForAssertion(() => Assert.Contains(text, System.Net.WebUtility.HtmlDecode(Providers.Markup)));
}
