using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Storage;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>The catalog of loaded surveys on a real SQLite file: an edit's Forget wins over a load under way.</summary>
public sealed class SurveyCatalogTests
{
    /// <summary>Counts the catalog's survey queries and, when armed, holds the next one until released.</summary>
    private sealed class Gate : DbCommandInterceptor
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Armed;
        public int Loads;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Surveys\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Loads);
                if (Armed)
                {
                    Armed = false;
                    Entered.SetResult();
                    await Release.Task;
                }
            }
            return result;
        }
    }

    [Fact]
    public async Task ALoadUnderWayWhenTheSurveyIsEditedIsNotKept()
    {
        var gate = new Gate();
        using var app = new SurveyAppFactory(services: s => s.AddSingleton<IInterceptor>(gate));
        var catalog = app.Services.GetRequiredService<SurveyCatalog>();
        catalog.Forget(1);

        gate.Armed = true;
        var loading = catalog.GetAsync(1);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        catalog.Forget(1);
        gate.Release.SetResult();
        Assert.NotNull(await loading);
        var afterRace = gate.Loads;

        Assert.NotNull(await catalog.GetAsync(1));
        var afterReload = gate.Loads;
        Assert.NotNull(await catalog.GetAsync(1));

        Assert.True(afterReload > afterRace, "the survey loaded during the edit was kept in memory");
        Assert.Equal(afterReload, gate.Loads);
    }

    [Fact]
    public async Task StatementsAndOptionsComeInTheirOrderNotInTheOrderOfTheirCodes()
    {
        using var app = new SurveyAppFactory();
        var json = Administration.Surveys.SurveyEdits.Json
            .Replace("\"code\": \"barn\"", "\"code\": \"zz_barn\"")
            .Replace("\"code\": \"natverk\"", "\"code\": \"zz_natverk\"");
        var (imported, _) = await app.Services.GetRequiredService<SurveyApp.Administration.Surveys.SurveyImporter>().ImportAsync(System.Text.Encoding.UTF8.GetBytes(json));

        var survey = await app.Services.GetRequiredService<SurveyCatalog>().GetAsync(imported!.Id);

        Assert.Equal(["zz_barn", "miljo"], survey!.FindQuestion("omraden")!.Items.Select(i => i.Code));
        Assert.Equal(["zz_natverk", "utbildning", "material"], survey.FindQuestion("stod")!.Options.Select(o => o.Code));
    }
}
