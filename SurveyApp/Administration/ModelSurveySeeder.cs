using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed an empty database with the model survey, its participants, a wave and invitations.</summary>
    public bool Enabled { get; set; }
    public string SurveyFile { get; set; } = "";
    public string ParticipantsFile { get; set; } = "";
    public string WaveName { get; set; } = "";

    /// <summary>Where the invitation links are written; the tokens exist nowhere else in clear.</summary>
    public string LinksFile { get; set; } = "";

    /// <summary>Demo responses for the wave (CSV, one row per response); empty for none.</summary>
    public string ResponsesFile { get; set; } = "";

    /// <summary>Demo codings of the wave's open answers; empty for none.</summary>
    public string CodingFile { get; set; } = "";

    /// <summary>A second, closed wave of the same survey and participants, for comparison; empty for none.</summary>
    public string FollowUpWaveName { get; set; } = "";

    public string FollowUpResponsesFile { get; set; } = "";
}

/// <summary>Seeds an empty database with the model survey so that a fresh start has something to answer.</summary>
public sealed class ModelSurveySeeder(
    IDbContextFactory<SurveyDbContext> factory,
    SurveyImporter importer,
    InvitationService invitations,
    ResponseImporter responses,
    CodingImporter codings,
    IOptions<SeedOptions> options,
    SurveyApp.Responding.RespondentLinks links,
    IHostEnvironment environment,
    ILogger<ModelSurveySeeder> logger)
{
    public async Task<IReadOnlyList<IssuedInvitation>> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var seed = options.Value;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!seed.Enabled || await db.Surveys.AnyAsync(cancellationToken))
        {
            return [];
        }
        var surveyFile = Resolve(seed.SurveyFile);
        var (survey, problems) = await importer.ImportAsync(await File.ReadAllBytesAsync(surveyFile, cancellationToken), cancellationToken);
        if (survey is null)
        {
            throw new InvalidOperationException($"{surveyFile} is not a valid survey:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
        var participants = ReadParticipants(Resolve(seed.ParticipantsFile));
        db.Participants.AddRange(participants);
        var wave = new Wave { SurveyId = survey.Id, Name = seed.WaveName };
        db.Waves.Add(wave);
        await db.SaveChangesAsync(cancellationToken);

        var issued = await invitations.IssueAsync(wave.Id, participants.Select(p => p.Id), cancellationToken);
        var answered = new HashSet<int>();
        if (seed.ResponsesFile.Length > 0)
        {
            await ImportResponsesAsync(wave.Id, seed.ResponsesFile, cancellationToken);
            answered = (await db.Responses.Where(r => r.WaveId == wave.Id).Select(r => r.Invitation!.ParticipantId).ToListAsync(cancellationToken)).ToHashSet();
        }
        if (seed.CodingFile.Length > 0)
        {
            using var coding = new StreamReader(Resolve(seed.CodingFile), Encoding.UTF8);
            await codings.ImportAsync(wave.Id, coding, cancellationToken);
        }
        if (seed.FollowUpWaveName.Length > 0)
        {
            var followUp = new Wave { SurveyId = survey.Id, Name = seed.FollowUpWaveName, IsClosed = true };
            db.Waves.Add(followUp);
            await db.SaveChangesAsync(cancellationToken);
            await ImportResponsesAsync(followUp.Id, seed.FollowUpResponsesFile, cancellationToken);
        }
        var linksFile = Resolve(seed.LinksFile);
        await WriteLinksAsync(linksFile, issued, answered, cancellationToken);
        logger.LogInformation("Seeded '{Survey}', wave '{Wave}', {Count} invitations; links written to {LinksFile}",
            survey.Title, wave.Name, issued.Count, linksFile);
        return issued;
    }

    private string Resolve(string path) => Path.GetFullPath(path, environment.ContentRootPath);

    private async Task ImportResponsesAsync(int waveId, string file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Resolve(file), Encoding.UTF8);
        var result = await responses.ImportAsync(waveId, reader, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{file} was not imported:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        }
    }

    private static List<Participant> ReadParticipants(string file)
    {
        var lines = File.ReadAllLines(file, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0 || lines[0].Trim() != "name,type")
        {
            throw new InvalidOperationException($"{file} must start with the header 'name,type'.");
        }
        return lines.Skip(1).Select((line, i) =>
        {
            var fields = SplitCsv(line);
            return fields.Count == 2
                ? new Participant { Name = fields[0], Type = fields[1] }
                : throw new InvalidOperationException($"{file} line {i + 2}: expected 2 fields, found {fields.Count}.");
        }).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private async Task WriteLinksAsync(string file, IReadOnlyList<IssuedInvitation> issued, HashSet<int> answered, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var csv = new StringBuilder("participant,type,link,answered\n");
        foreach (var invitation in issued)
        {
            csv.Append(Quote(invitation.ParticipantName)).Append(',').Append(Quote(invitation.ParticipantType)).Append(',')
                .Append(links.For(invitation.Path)).Append(',')
                .Append(answered.Contains(invitation.ParticipantId) ? "yes" : "no").Append('\n');
        }
        // The links are secrets: readable by the app's user only, and never seen half-written.
        var temporary = file + ".tmp";
        await File.WriteAllTextAsync(temporary, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, file, overwrite: true);
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

public static class AdministrationExtensions
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddSingleton<SurveyImporter>();
        builder.Services.AddSingleton<Surveys.SurveyEditing>();
        builder.Services.AddSingleton<InvitationService>();
        builder.Services.AddSingleton<ResponseImporter>();
        builder.Services.AddSingleton<CodingImporter>();
        builder.Services.AddSingleton<ModelSurveySeeder>();
        return builder;
    }

    public static async Task SeedModelSurveyAsync(this WebApplication app)
    {
        // Processes that start together on an empty shared database seed it once: the others wait, then find it seeded.
        await using var _ = await app.Services.GetRequiredService<Storage.Providers.StorageEngine>().LockAsync("seed");
        await app.Services.GetRequiredService<ModelSurveySeeder>().SeedIfEmptyAsync();
    }
}
