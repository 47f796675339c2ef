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

    private readonly List<(string FileName, string Text)> _downloads = [];

    /// <summary>
    /// Answers the browser's save of a streamed download at once, reading the file while the page still holds it
    /// open; the files saved so far are in <see cref="Downloaded"/>.
    /// </summary>
    protected void AcceptDownloads() =>
        Context.JSInterop.SetupVoid("surveyApp.saveFile", invocation =>
        {
            var stream = ((DotNetStreamReference)invocation.Arguments[1]!).Stream;
            if (stream.CanRead && stream.Position == 0)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                _downloads.Add(((string)invocation.Arguments[0]!, Encoding.UTF8.GetString(copy.ToArray()).TrimStart('\uFEFF')));
            }
            return true;
        }).SetVoidResult();

    /// <summary>The downloads the page has streamed to the browser so far.</summary>
    protected IReadOnlyList<(string FileName, string Text)> Downloaded => _downloads;

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
