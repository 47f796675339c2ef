using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;

namespace SurveyApp.Seeding;

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
    TimeProvider clock,
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
        var list = new ParticipantList { SurveyId = survey.Id, Name = seed.ListName, CreatedAt = clock.GetUtcNow() };
        var participants = ReadParticipants(Resolve(seed.ParticipantsFile));
        participants.ForEach(p => p.List = list);
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

    // name and type, then any further columns as the participants' details (landsdel in the model list).
    private static List<Participant> ReadParticipants(string file)
    {
        using var reader = new CsvReader(new StreamReader(file, Encoding.UTF8), new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not ["name", "type", ..] header)
        {
            throw new InvalidOperationException($"{file} must start with the header 'name,type' (further columns are details).");
        }
        var participants = new List<Participant>();
        while (reader.Read())
        {
            if (reader.Parser.Count != header.Length)
            {
                throw new InvalidOperationException($"{file} line {reader.Parser.RawRow}: expected {header.Length} fields.");
            }
            participants.Add(new Participant
            {
                Name = reader.GetField(0)!,
                Type = reader.GetField(1)!,
                Attributes = header.Skip(2).Select((key, i) => (key, value: reader.GetField(i + 2)!)).Where(d => d.value.Length > 0)
                    .ToDictionary(d => d.key, d => d.value),
            });
        }
        return participants;
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
