using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Storage;

namespace SurveyApp.Benchmarks.Export;

/// <summary>
/// The content of the app's "Svar" sheet (codes) for the reference writers: a header and one row per
/// submitted response, read from the database the way <see cref="ResponseExport"/> reads it (one query
/// over the responses and their answers, ordered by response, grouped as the rows arrive, so only one
/// response is held at a time) and filled with <see cref="ResponseColumns.Values"/>.
/// </summary>
/// <remarks>
/// Cells are <c>int</c> (the response number, and choice codes that are whole numbers, as the app writes
/// them), <c>string</c>, or null for an empty cell. The whole wave (<c>ResultsFilter.None</c>) only; no
/// participant type is hidden (at the benchmark's sizes every type is far above the minimum group size).
/// </remarks>
public sealed class SvarRows(IDbContextFactory<SurveyDbContext> factory, int waveId, ResponseColumns columns)
{
    public ResponseColumns Columns => columns;

    public IReadOnlyList<string> Header { get; } =
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, .. columns.Columns.Select(c => c.Header)];

    public async IAsyncEnumerable<object?[]> ReadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows =
            from r in db.Responses.AsNoTracking().Where(r => r.WaveId == waveId && r.SubmittedAt != null)
            join p in db.Participants.AsNoTracking() on r.ParticipantId equals p.Id
            join a in db.Answers.AsNoTracking() on r.Id equals a.ResponseId into answers
            from a in answers.DefaultIfEmpty()
            orderby r.Id
            select new
            {
                r.Id,
                p.Type,
                QuestionId = (int?)a!.QuestionId,
                a.ItemId,
                a.Code,
                a.Text,
                Position = (int?)a.Position,
            };
        var number = 0;
        int? current = null;
        string type = "";
        var answersOfCurrent = new List<Answer>();
        await foreach (var row in rows.AsAsyncEnumerable())
        {
            if (current != row.Id)
            {
                if (current is not null) yield return Row(++number, type, answersOfCurrent);
                current = row.Id;
                type = row.Type;
                answersOfCurrent = [];
            }
            if (row.QuestionId is { } questionId)
            {
                answersOfCurrent.Add(new Answer { QuestionId = questionId, ItemId = row.ItemId, Code = row.Code, Text = row.Text, Position = row.Position ?? 0 });
            }
        }
        if (current is not null) yield return Row(++number, type, answersOfCurrent);
    }

    private object?[] Row(int number, string type, List<Answer> answers)
    {
        var values = columns.Values(answers, labels: false);
        var cells = new object?[values.Length + 2];
        cells[0] = number;
        cells[1] = type;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            // As the app: choice codes that are whole numbers are numbers.
            cells[i + 2] = columns.Columns[i].Question.IsChoice && value is not null
                && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                && code.ToString(CultureInfo.InvariantCulture) == value
                ? code
                : value;
        }
        return cells;
    }
}
