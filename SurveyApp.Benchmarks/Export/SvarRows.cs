using Microsoft.EntityFrameworkCore;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Export;

/// <summary>
/// The content of the app's "Svar" sheet (codes) for the reference writers: a header and one row per
/// submitted response, read by the app's own <see cref="ResponseExport.ReadResponsesAsync"/> (one query
/// over the responses and their answers, ordered by response, one response held at a time) and filled
/// with <see cref="ResponseColumns.Values"/>.
/// </summary>
/// <remarks>
/// Cells are <c>int</c> (the response number, and choice codes that are whole numbers, as the app writes
/// them), <c>string</c>, or null for an empty cell. The whole wave (<c>ResultsFilter.None</c>) only; no
/// participant type is hidden (at the benchmark's sizes every type is far above the minimum group size).
/// </remarks>
public sealed class SvarRows(IDbContextFactory<SurveyDbContext> factory, int waveId, ResponseColumns columns) : ISvarRows
{
    public ResponseColumns Columns => columns;

    public IReadOnlyList<string> Header { get; } =
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, .. columns.Columns.Select(c => c.Header)];

    public async IAsyncEnumerable<object?[]> ReadAsync()
    {
        var number = 0;
        await foreach (var response in ResponseExport.ReadResponsesAsync(factory, waveId, ResultsFilter.None, new HashSet<string>()))
        {
            yield return Row(++number, response.ParticipantType, response.Answers);
        }
    }

    private object?[] Row(int number, string type, List<Answer> answers)
    {
        var values = columns.Values(answers, labels: false);
        var cells = new object?[values.Length + 2];
        cells[0] = number;
        cells[1] = type;
        for (var i = 0; i < values.Length; i++)
        {
            // As the app: choice codes that are whole numbers are numbers.
            cells[i + 2] = columns.NumericCodeOf(i, values[i]) is { } code ? code : values[i];
        }
        return cells;
    }
}
