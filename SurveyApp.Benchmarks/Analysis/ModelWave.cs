using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Surveys;
using SurveyApp.Auditing;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Analysis;

/// <summary>
/// The model wave as the app seeds it at first start (data/: the survey, its 20 participants, the 17 responses
/// of December 2013 and their coding), imported through the app's own importers.
/// </summary>
public static class ModelWave
{
    public const string Name = "Uppföljning december 2013";

    /// <returns>The wave's id.</returns>
    public static async Task<int> SeedAsync(IDbContextFactory<SurveyDbContext> factory)
    {
        var clock = TimeProvider.System;
        var audit = new AuditLog(factory, clock);
        var (survey, problems) = await new SurveyImporter(factory, audit, clock).ImportAsync(await File.ReadAllBytesAsync(RepoPaths.ModelSurvey));
        if (survey is null)
        {
            throw new InvalidOperationException($"{RepoPaths.ModelSurvey} is not a valid survey: {string.Join("; ", problems)}");
        }

        await using var db = await factory.CreateDbContextAsync();
        var list = new ParticipantList { SurveyId = survey.Id, Name = "Samlingens 20 organisationer" };
        db.Participants.AddRange((await File.ReadAllLinesAsync(RepoPaths.Data("participants", "samlingen.csv"))).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(fields => new Participant { List = list, Name = fields[0], Type = fields[1] }));
        var wave = new Wave { SurveyId = survey.Id, Name = Name };
        db.Waves.Add(wave);
        await db.SaveChangesAsync();

        using var cache = new MemoryCache(new MemoryCacheOptions());
        using (var responses = new StreamReader(RepoPaths.Data("responses", "samlingen-uppfoljning-2013.csv")))
        {
            var imported = await new ResponseImporter(factory, new SurveyCatalog(factory, cache), audit, clock).ImportAsync(wave.Id, responses);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException("The model wave's responses were not imported: " + string.Join("; ", imported.Problems));
            }
        }
        using (var coding = new StreamReader(RepoPaths.Data("responses", "samlingen-uppfoljning-2013.coding.csv")))
        {
            await new CodingImporter(factory).ImportAsync(wave.Id, coding);
        }
        return wave.Id;
    }
}
