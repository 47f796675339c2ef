using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Responding;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks;

/// <summary>What <see cref="DemoWaveGenerator"/> wrote.</summary>
public sealed record DemoWave(
    int SurveyId,
    int WaveId,
    IReadOnlyDictionary<string, int> ParticipantsByType,
    IReadOnlyDictionary<string, int> ResponsesByType,
    int Responses,
    int Answers,
    TimeSpan SetUpTime,
    TimeSpan InsertTime,
    int? WarmUpWaveId = null);

/// <summary>
/// Fills a fresh database with one wave of the model survey and many submitted responses,
/// deterministically (<see cref="Seed"/>): the same arguments give the same rows, whatever the engine;
/// only the database's <see cref="IDemoRowWriter"/> differs.
/// </summary>
/// <remarks>
/// A response needs an invitation of its own (one response per invitation is a unique index), so
/// each response gets one, and its participant is drawn at random from 1,000 organisations: as if
/// every organisation passed the survey on to about a hundred of its staff, each with a personal link.
/// Participants therefore repeat, and a filter on participant type selects whole organisations.
/// </remarks>
public sealed class DemoWaveGenerator(IBenchmarkDatabase database)
{
    public const int Seed = 42;

    /// <summary>Roughly Sweden's mix: 290 kommuner to some 20 landsting and regioner and a few regionförbund.</summary>
    public static readonly IReadOnlyList<(string Type, string NamePrefix, int Count)> Organisations =
    [
        ("kommun", "Testkommun", 900),
        ("landsting", "Testlandstinget", 40),
        ("region", "Testregion", 35),
        ("regionförbund", "Testregionförbundet", 25),
    ];

    /// <summary>Share of responses answering each open question (the model wave: about a third).</summary>
    private const double OpenAnswerShare = 0.3;

    /// <summary>Share of closed answers that are an off-scale option (Vet ej ...), where the question has one.</summary>
    private const double OffScaleShare = 0.1;

    private static readonly string[] OpenAnswers =
    [
        "Tydligare stöd från ledningen",
        "Brist på tid och resurser",
        "Samverkan med andra huvudmän",
        "Bättre underlag för uppföljning",
        "Politisk förankring tidigt i arbetet",
        "Svårt att mäta effekterna",
        "Nätverket med de andra deltagarna",
        "Kunskapsstöd om jämlik hälsa",
    ];

    private static readonly DateTimeOffset WaveOpens = new(2013, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(Seed);

    /// <summary>
    /// The wave of <paramref name="responses"/> responses and, if <paramref name="warmUpResponses"/> is
    /// positive, a second, small wave of the same survey, for warming a process up on the same queries.
    /// </summary>
    public async Task<DemoWave> GenerateAsync(int responses, int warmUpResponses = 0, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var survey = await ImportModelSurveyAsync(cancellationToken);
        var participants = await AddParticipantsAsync(survey.Id, cancellationToken);
        var waveId = await AddWaveAsync(survey.Id, "Belastningstest", cancellationToken);
        var setUp = clock.Elapsed;

        clock.Restart();
        var (answers, responsesByType) = await InsertResponsesAsync(survey, waveId, participants, 1, responses, cancellationToken);
        var insert = clock.Elapsed;
        int? warmUpWaveId = null;
        if (warmUpResponses > 0)
        {
            warmUpWaveId = await AddWaveAsync(survey.Id, "Uppvärmning", cancellationToken);
            await InsertResponsesAsync(survey, warmUpWaveId.Value, participants, responses + 1, warmUpResponses, cancellationToken);
        }
        var participantsByType = participants.GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.Count());
        return new DemoWave(survey.Id, waveId, participantsByType, responsesByType, responses, answers, setUp, insert, warmUpWaveId);
    }

    /// <summary>Stores the model survey as SurveyImporter does: read (and validate), map, save.</summary>
    private async Task<Survey> ImportModelSurveyAsync(CancellationToken cancellationToken)
    {
        var result = SurveyDefinitionReader.Read(await File.ReadAllBytesAsync(RepoPaths.ModelSurvey, cancellationToken));
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{RepoPaths.ModelSurvey} is not valid: {string.Join("; ", result.Problems)}");
        }
        var survey = SurveyDefinitionMapper.ToSurvey(result.Definition!, WaveOpens);
        await using var db = database.CreateFactory().CreateDbContext();
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return survey;
    }

    private async Task<List<Participant>> AddParticipantsAsync(int surveyId, CancellationToken cancellationToken)
    {
        var list = new ParticipantList { SurveyId = surveyId, Name = "Belastningstestets organisationer" };
        var participants = Organisations
            .SelectMany(o => Enumerable.Range(1, o.Count).Select(n => new Participant { List = list, Name = $"{o.NamePrefix} {n:000}", Type = o.Type }))
            .ToList();
        await using var db = database.CreateFactory().CreateDbContext();
        db.Participants.AddRange(participants);
        await db.SaveChangesAsync(cancellationToken);
        return participants;
    }

    private async Task<int> AddWaveAsync(int surveyId, string name, CancellationToken cancellationToken)
    {
        await using var db = database.CreateFactory().CreateDbContext();
        var wave = new Wave { SurveyId = surveyId, Name = name, OpensAt = WaveOpens };
        db.Waves.Add(wave);
        await db.SaveChangesAsync(cancellationToken);
        return wave.Id;
    }

    /// <summary>
    /// Invitations, responses and answers, handed to the engine's bulk writer and committed together:
    /// EF Core's change tracker would spend minutes on a million rows.
    /// Ids are given explicitly, from <paramref name="firstId"/> on, so those must be free.
    /// </summary>
    private async Task<(int Answers, IReadOnlyDictionary<string, int> ResponsesByType)> InsertResponsesAsync(
        Survey survey, int waveId, List<Participant> participants, int firstId, int count, CancellationToken cancellationToken)
    {
        await using var writer = await database.CreateRowWriterAsync(cancellationToken);
        var questions = survey.Questions.ToList();
        var choices = questions.Where(q => q.IsChoice).ToDictionary(q => q.Id, q => q.Choices());
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var answerCount = 0;
        for (var id = firstId; id < firstId + count; id++)
        {
            var participant = participants[_random.Next(participants.Count)];
            byType[participant.Type] = byType.GetValueOrDefault(participant.Type) + 1;
            var started = WaveOpens.AddMinutes(_random.Next(0, 21 * 24 * 60));
            var submitted = started.AddMinutes(_random.Next(5, 60));
            writer.Invitation(id, waveId, participant.Id, InvitationToken.Hash($"benchmark-{id}"), WaveOpens);
            writer.Response(id, id, waveId, participant.Id, started, submitted, survey.Sections.Count);

            var sheet = new AnswerSheet();
            foreach (var question in questions)
            {
                var answer = IsShown(question, sheet) ? Answer(question, choices.GetValueOrDefault(question.Id)) : QuestionAnswer.Empty;
                sheet.Set(question.Key, answer);
                foreach (var row in AnswerRows.ToRows(question, answer))
                {
                    writer.Answer(id, waveId, participant.Id, row);
                    answerCount++;
                }
            }
        }
        await writer.CompleteAsync(cancellationToken);
        return (answerCount, byType);
    }

    private static bool IsShown(Question question, AnswerSheet sheet) =>
        question.ConditionQuestionKey is not { } key || sheet[key].Codes.Any(question.ConditionValues.Contains);

    /// <summary>Every closed question is answered; open questions now and then.</summary>
    private QuestionAnswer Answer(Question question, IReadOnlyList<Choice>? choices) => question.Kind switch
    {
        QuestionKind.Likert or QuestionKind.Single => QuestionAnswer.Choice(Pick(choices!)),
        QuestionKind.Multi => QuestionAnswer.Choice(choices!.Where(c => !c.IsOffScale && _random.Next(2) == 0).Select(c => c.Code)
            .DefaultIfEmpty(choices![0].Code).ToArray()),
        QuestionKind.Matrix => QuestionAnswer.Matrix(question.Items.ToDictionary(i => i.Code, _ => Pick(choices!), StringComparer.Ordinal)),
        QuestionKind.Text => _random.NextDouble() < OpenAnswerShare ? QuestionAnswer.Open(OpenAnswer()) : QuestionAnswer.Empty,
        QuestionKind.Texts => _random.NextDouble() < OpenAnswerShare
            ? QuestionAnswer.Open(Enumerable.Range(0, _random.Next(1, question.MaxAnswers + 1)).Select(_ => OpenAnswer()).ToArray())
            : QuestionAnswer.Empty,
        _ => QuestionAnswer.Empty,
    };

    private string Pick(IReadOnlyList<Choice> choices)
    {
        var offScale = choices.Where(c => c.IsOffScale).ToList();
        var onScale = choices.Where(c => !c.IsOffScale).ToList();
        var pool = offScale.Count > 0 && _random.NextDouble() < OffScaleShare ? offScale : onScale;
        return pool[_random.Next(pool.Count)].Code;
    }

    private string OpenAnswer() => OpenAnswers[_random.Next(OpenAnswers.Length)];
}
