using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Export;

namespace SurveyApp.Benchmarks.Export;

/// <summary>The content of a Svar sheet, whichever way it is come by.</summary>
public interface ISvarRows
{
    ResponseColumns Columns { get; }

    IReadOnlyList<string> Header { get; }

    /// <summary>One array per response: <c>int</c> (the response number, whole-number codes), <c>string</c> or null.</summary>
    IAsyncEnumerable<object?[]> ReadAsync();
}

/// <summary>
/// Svar rows of the model survey made up in memory (<see cref="System.Random"/> with a fixed seed), with
/// no database: what the writers alone cost, as when rows come from anywhere else. Like the demo wave:
/// every closed column answered (1 in 10 off the scale where there is one), open columns in 3 of 10 rows.
/// </summary>
public sealed class GeneratedSvarRows(ResponseColumns columns, int count) : ISvarRows
{
    private static readonly string[] Texts =
    [
        "Tydligare stöd från ledningen", "Brist på tid och resurser", "Samverkan med andra huvudmän",
        "Bättre underlag för uppföljning", "Politisk förankring tidigt i arbetet",
    ];

    public ResponseColumns Columns => columns;

    public IReadOnlyList<string> Header { get; } =
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, .. columns.Columns.Select(c => c.Header)];

    public static async Task<GeneratedSvarRows> ForModelSurveyAsync(int count)
    {
        var read = await SurveyDefinitionReader.ReadFileAsync(RepoPaths.ModelSurvey);
        return new GeneratedSvarRows(ResponseColumns.For(SurveyDefinitionMapper.ToSurvey(read.Definition!, DateTimeOffset.UnixEpoch)), count);
    }

#pragma warning disable CS1998 // an async stream with nothing to await: the rows are made on the spot
    public async IAsyncEnumerable<object?[]> ReadAsync()
#pragma warning restore CS1998
    {
        var random = new Random(DemoWaveGenerator.Seed);
        var choices = columns.Columns.Select(c => c.Question.IsChoice ? c.Question.Choices() : null).ToArray();
        string[] types = ["kommun", "kommun", "kommun", "landsting", "region", "regionförbund"];
        for (var number = 1; number <= count; number++)
        {
            var cells = new object?[columns.Columns.Count + 2];
            cells[0] = number;
            cells[1] = types[random.Next(types.Length)];
            for (var i = 0; i < columns.Columns.Count; i++)
            {
                var question = columns.Columns[i].Question;
                if (choices[i] is { Count: > 0 } offered)
                {
                    var offScale = offered.Where(c => c.IsOffScale).ToList();
                    var pool = offScale.Count > 0 && random.NextDouble() < 0.1 ? offScale : offered.Where(c => !c.IsOffScale).ToList();
                    var code = pool[random.Next(pool.Count)].Code;
                    cells[i + 2] = ResponseColumns.NumericCode(question, code) is { } n ? n : code;
                }
                else if (random.NextDouble() < 0.3)
                {
                    cells[i + 2] = Texts[random.Next(Texts.Length)];
                }
            }
            yield return cells;
        }
    }
}
