using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Analysis;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Shared;

namespace SurveyApp.Export;

public sealed record ExportResult(string WaveName, int Responses, bool Suppressed, IReadOnlyList<string> Sheets);

/// <summary>Responses are streamed in response order and written row by row: memory does not grow with their number.</summary>
public sealed class ResponseExport(IDbContextFactory<SurveyDbContext> factory, WaveResultsQuery results, ViewSuppression suppression, TimeProvider clock)
{
    private static readonly double[] CodebookWidths = [14, 12, 60, 18, 40, 16, 40, 10, 14];

    /// <summary>Rows a worksheet may take, its header included: Excel's limit, lower only in tests.</summary>
    internal int SheetRows { get; set; } = XlsxWorksheetWriter.MaxRows;

    /// <summary>Null, and nothing written, if the wave does not exist.</summary>
    public async Task<ExportResult?> WriteWorkbookAsync(int waveId, ResultsFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var decision = await results.DecideAsync(waveId, filter, cancellationToken);
        if (decision is null) return null;
        // The database counts the view's figures for the question sheets and the summary while the responses are
        // read and written: on a big wave the counting took a tenth of the export, with the other core idle.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var counting = Task.Run(() => results.CountAsync(decision, stop.Token), stop.Token);
        try
        {
            return await WriteWorkbookAsync(decision, counting, output, cancellationToken);
        }
        finally
        {
            // Not left running (or failing unseen) when the writing failed first.
            await stop.CancelAsync();
            await counting.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<ExportResult> WriteWorkbookAsync(ViewDecision decision, Task<WaveResults> counting, Stream output, CancellationToken cancellationToken)
    {
        var (waveId, filter) = (decision.Wave.WaveId, decision.Filter);
        var columns = ResponseColumns.For(decision.Survey);
        var layout = new WorksheetLayout
        {
            FreezeHeader = true,
            AutoFilter = true,
            Landscape = true,
            PrintTitleRows = 1,
            ColumnWidths = [8, 14, .. columns.Columns.Select(c => c.Question.Kind is QuestionKind.Text or QuestionKind.Texts ? 40d : 14d)],
        };

        using var package = new XlsxPackageWriter(output, print: ExportTexts.PrintSettings(decision.Wave));
        var hiddenTypes = await suppression.HiddenTypesAsync(waveId, cancellationToken);
        // One pass over the responses fills the three data sheets: the labels and the open answers are
        // written aside and join the archive after the codes sheet.
        var written = 0;
        var textsLeftOut = 0;
        // A wave with more responses than a worksheet has rows gets no response rows (the CSV has them all) rather
        // than a file Excel cannot open; its question sheets are written as for any wave.
        var rowsFit = decision.InView < SheetRows;
        var openAnswers = new OpenAnswerRows(decision.Survey, await CategoriesAsync(decision.Survey, cancellationToken));
        using (var codes = package.AddWorksheet(ExportTexts.ResponsesSheet, layout))
        using (var labels = package.AddWorksheetAside(ExportTexts.ResponseLabelsSheet, layout))
        using (var texts = package.AddWorksheetAside(ExportTexts.OpenAnswersSheet, OpenAnswerRows.Layout))
        {
            codes.WriteRow(Header(columns).Select(XlsxCell.Header));
            labels.WriteRow(Header(columns).Select(XlsxCell.Header));
            texts.WriteRow(OpenAnswerRows.Header.Select(XlsxCell.Header));
            if (decision.RowsShown && rowsFit)
            {
                // One row's cells at a time, filled again for each sheet and response: a row is written before the next is filled.
                var cells = new XlsxCell[columns.Columns.Count + 2];
                // The database read and the writing overlap: one thread reads and prepares the rows, another
                // writes them. (A thread per sheet was slower on two cores.)
                await Fanout.RunAsync(
                    stop => PrepareAsync(waveId, filter, hiddenTypes, columns, stop),
                    [
                        response =>
                        {
                            codes.WriteRow(Row(cells, response.Number, response.Response.ParticipantType, response.Codes, columns, numbers: true));
                            labels.WriteRow(Row(cells, response.Number, response.Response.ParticipantType, response.Labels, columns, numbers: false));
                            foreach (var row in openAnswers.Rows(response.Number, response.Response))
                            {
                                if (texts.RowCount < SheetRows) texts.WriteRow(row);
                                else textsLeftOut++;
                            }
                            written = response.Number;
                        },
                    ],
                    cancellationToken);
            }
        }

        // The question sheets come first in the workbook, the summary before them.
        var view = await counting;
        QuestionSheets.Write(package, view, position: 0);
        using (var codebook = package.AddWorksheet(ExportTexts.CodebookSheet, new WorksheetLayout { FreezeHeader = true, AutoFilter = true, ColumnWidths = CodebookWidths, Landscape = true, PrintTitleRows = 1 }))
        {
            WriteCodebook(codebook, columns, view.Survey);
        }

        var categoryName = filter.CategoryId is { } categoryId ? await CategoryNameAsync(categoryId, cancellationToken) : null;
        using (var summary = package.AddWorksheet(ExportTexts.SummarySheet, new WorksheetLayout { ColumnWidths = [26, 70] }, position: 0))
        {
            WriteSummary(summary, view, written, categoryName, rowsFit, textsLeftOut);
        }
        var sheets = package.SheetNamesInOrder;
        package.Complete();
        return new ExportResult(view.Wave.WaveName, written, view.Suppressed, sheets);
    }

    /// <summary>The view as a Word report draft (<see cref="WordReport"/>); null, and nothing written, if the wave does not exist.</summary>
    public Task<ExportResult?> WriteReportAsync(int waveId, ResultsFilter filter, Stream output, CancellationToken cancellationToken = default) =>
        WriteViewAsync(waveId, filter, output, WordReport.Write, cancellationToken);

    /// <summary>The view as slides (<see cref="ResultsPresentation"/>); null, and nothing written, if the wave does not exist.</summary>
    public Task<ExportResult?> WritePresentationAsync(int waveId, ResultsFilter filter, Stream output, CancellationToken cancellationToken = default) =>
        WriteViewAsync(waveId, filter, output, ResultsPresentation.Write, cancellationToken);

    // A file of the view's figures and charts (no response rows), written in one go from the results page's query.
    private async Task<ExportResult?> WriteViewAsync(int waveId, ResultsFilter filter, Stream output, Action<Stream, WaveResults, string?> write,
        CancellationToken cancellationToken)
    {
        var view = await results.GetAsync(waveId, filter, cancellationToken);
        if (view is null) return null;
        var categoryName = filter.CategoryId is { } categoryId ? await CategoryNameAsync(categoryId, cancellationToken) : null;
        write(output, view, categoryName);
        return new ExportResult(view.Wave.WaveName, view.Suppressed ? 0 : view.InView, view.Suppressed, []);
    }

    /// <summary>UTF-8 with BOM; null if the wave does not exist. A view too small to show gives the header line only.</summary>
    public async Task<ExportResult?> WriteCsvAsync(int waveId, ResultsFilter filter, Stream output, char delimiter = ';', CancellationToken cancellationToken = default)
    {
        if (!CsvRowWriter.IsSupportedDelimiter(delimiter)) throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "Use ',' or ';'.");
        var view = await results.GetAsync(waveId, filter, cancellationToken);
        if (view is null) return null;
        var columns = ResponseColumns.For(view.Survey);
        var hiddenTypes = await suppression.HiddenTypesAsync(waveId, cancellationToken);
        await using var text = new StreamWriter(output, CsvRowWriter.Encoding, bufferSize: 65536, leaveOpen: true);
        var csv = new CsvRowWriter(text, delimiter);
        await csv.WriteRowAsync(Header(columns), cancellationToken);
        var count = 0;
        if (view.RowsShown)
        {
            await foreach (var response in ReadAsync(waveId, filter, hiddenTypes, cancellationToken))
            {
                var values = columns.Values(response.Answers, labels: false);
                await csv.WriteRowAsync([(++count).ToString(CultureInfo.InvariantCulture), response.ParticipantType, .. values], cancellationToken);
            }
        }
        await text.FlushAsync(cancellationToken);
        return new ExportResult(view.Wave.WaveName, count, view.Suppressed, []);
    }

    public sealed record ResponseRow(int ResponseId, string ParticipantType, List<Answer> Answers);


    // One query ordered by response, grouped as the rows arrive: only one response's answers are held at a
    // time. A participant type too rare to show is not named, as it would point at the organisation.
    private IAsyncEnumerable<ResponseRow> ReadAsync(int waveId, ResultsFilter filter, IReadOnlySet<string> hiddenTypes, CancellationToken cancellationToken) =>
        ReadResponsesAsync(factory, waveId, filter, hiddenTypes, cancellationToken);

    /// <summary>The read behind every export, public so that the export benchmark measures the very same query.</summary>
    public static async IAsyncEnumerable<ResponseRow> ReadResponsesAsync(IDbContextFactory<SurveyDbContext> factory, int waveId, ResultsFilter filter,
        IReadOnlySet<string> hiddenTypes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows =
            from r in ResponsesInView.Responses(db, waveId, filter, db.ResponsesInIdOrder()).AsNoTracking()
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
                AnswerId = (long?)a.Id,
            };
        // EF Core writes the query (ResponsesInView's filters included) for the database in use; the rows are read
        // straight from its data reader, in the projection's column order, as there are hundreds of thousands.
        await using var command = rows.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var reader = await RowReader.ExecuteAsync(command, cancellationToken);
        if (reader.FieldCount != 8) throw new InvalidOperationException($"The responses query returned {reader.FieldCount} columns, not 8.");
        ResponseRow? current = null;
        string? type = null, shownType = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            if (current?.ResponseId != id)
            {
                if (current is not null) yield return current;
                var rowType = reader.GetRepeatedString(1);
                if (rowType != type)
                {
                    type = rowType;
                    shownType = hiddenTypes.Contains(rowType) ? ExportTexts.TypeHidden : rowType;
                }
                current = new ResponseRow(id, shownType!, []);
            }
            if (!reader.IsNull(2))
            {
                current.Answers.Add(new Answer
                {
                    QuestionId = reader.GetInt32(2),
                    ItemId = reader.IsNull(3) ? null : reader.GetInt32(3),
                    Code = reader.IsNull(4) ? null : reader.GetRepeatedString(4),
                    Text = reader.IsNull(5) ? null : reader.GetString(5),
                    Position = reader.GetInt32(6),
                    Id = reader.GetInt64(7),
                });
            }
        }
        if (current is not null) yield return current;
    }

    private static IEnumerable<string> Header(ResponseColumns columns) =>
        [ExportTexts.ResponseNumber, ExportTexts.ParticipantType, .. columns.Columns.Select(c => c.Header)];

    private sealed record PreparedResponse(int Number, ResponseRow Response, string?[] Codes, string?[] Labels);

    private async IAsyncEnumerable<PreparedResponse> PrepareAsync(int waveId, ResultsFilter filter, IReadOnlySet<string> hiddenTypes,
        ResponseColumns columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var response in ReadAsync(waveId, filter, hiddenTypes, cancellationToken))
        {
            var (codes, labels) = columns.CodesAndLabels(response.Answers);
            yield return new PreparedResponse(++number, response, codes, labels);
        }
    }

    private static XlsxCell[] Row(XlsxCell[] cells, int number, string participantType, string?[] values, ResponseColumns columns, bool numbers)
    {
        cells[0] = XlsxCell.Of(number);
        cells[1] = XlsxCell.Repeated(participantType);
        for (var i = 0; i < values.Length; i++)
        {
            // Codes and labels of the choices recur down the column; open answers do not.
            cells[i + 2] = numbers && columns.NumericCodeOf(i, values[i]) is { } code ? XlsxCell.Of(code)
                : columns.Columns[i].Question.IsChoice ? XlsxCell.Repeated(values[i])
                : XlsxCell.String(values[i]);
        }
        return cells;
    }

    private static void WriteCodebook(XlsxWorksheetWriter sheet, ResponseColumns columns, Survey survey)
    {
        sheet.WriteRow(new[]
        {
            ExportTexts.CodebookColumn, ExportTexts.CodebookQuestion, ExportTexts.CodebookQuestionText, ExportTexts.CodebookKind,
            ExportTexts.CodebookItem, ExportTexts.CodebookCode, ExportTexts.CodebookLabel, ExportTexts.CodebookValue, ExportTexts.CodebookOffScale,
        }.Select(XlsxCell.Header));
        sheet.WriteRow(ExportTexts.ResponseNumber, XlsxCell.Empty, ExportTexts.ResponseNumberText);
        sheet.WriteRow(ExportTexts.ParticipantType, XlsxCell.Empty, ExportTexts.ParticipantTypeText);
        foreach (var column in columns.Columns)
        {
            var question = column.Question;
            var item = column.Item?.Text
                ?? (column.TextNumber is { } n ? string.Format(CultureInfo.InvariantCulture, ExportTexts.TextNumber, n) : null);
            // The question as reports cite it ("Fråga 5. …"), so a column can be found from the report's numbering.
            XlsxCell[] Describe() => [column.Header, question.Key, QuestionSheetTexts.Title(survey.NumberOf(question), question.Text), ExportTexts.Kind(question.Kind), item];
            if (!question.IsChoice)
            {
                sheet.WriteRow([.. Describe(), XlsxCell.Empty, ExportTexts.OpenAnswer]);
                continue;
            }
            foreach (var choice in question.Choices())
            {
                sheet.WriteRow([.. Describe(), choice.Code, choice.Label,
                    choice.Value is { } value ? XlsxCell.Of(value) : XlsxCell.Empty,
                    choice.IsOffScale ? ExportTexts.Yes : ExportTexts.No]);
            }
        }
    }

    private void WriteSummary(XlsxWorksheetWriter sheet, WaveResults view, int written, string? categoryName, bool rowsFit = true, int textsLeftOut = 0)
    {
        var wave = view.Wave;
        var filters = FilterText.Describe(view.Filter, categoryName);
        var now = clock.GetLocalNow();

        sheet.WriteRow(XlsxCell.String(ExportTexts.SummaryTitle, XlsxStyle.Title));
        sheet.WriteRow();
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Survey), XlsxCell.String(wave.SurveyTitle, XlsxStyle.Wrapped));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Wave), XlsxCell.String(wave.WaveName, XlsxStyle.Wrapped));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Invited), wave.Invited);
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Submitted), wave.Submitted);
        sheet.WriteRow(XlsxCell.Header(ExportTexts.ResponseRate), XlsxCell.Percent(wave.ResponseRate));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Filters), XlsxCell.String(filters ?? ExportTexts.NoFilters, XlsxStyle.Wrapped));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.InView), view.Suppressed ? ExportTexts.Suppressed : XlsxCell.Of(view.RowsShown && rowsFit ? written : view.InView));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.MinGroupSize), view.MinGroupSize);
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Generated), XlsxCell.DateTime(now.DateTime));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.PercentBase), XlsxCell.String(ExportTexts.PercentBaseText, XlsxStyle.Wrapped));
        sheet.WriteRow(XlsxCell.Header(ExportTexts.Sheets), XlsxCell.String(ExportTexts.SheetsText, XlsxStyle.Wrapped));
        if (view.Suppressed)
        {
            sheet.WriteRow(XlsxCell.Header(ExportTexts.Note),
                XlsxCell.String(string.Format(CultureInfo.InvariantCulture, ExportTexts.SuppressedText, view.MinGroupSize), XlsxStyle.Wrapped));
        }
        else if (!view.RowsShown)
        {
            sheet.WriteRow(XlsxCell.Header(ExportTexts.Note), XlsxCell.String(ExportTexts.RowsLeftOutForDetail, XlsxStyle.Wrapped));
        }
        else if (!rowsFit)
        {
            sheet.WriteRow(XlsxCell.Header(ExportTexts.Note), XlsxCell.String(
                string.Format(CultureInfo.CurrentCulture, ExportTexts.TooManyRows, view.InView, SheetRows - 1), XlsxStyle.Wrapped));
        }
        if (textsLeftOut > 0)
        {
            sheet.WriteRow(XlsxCell.Header(ExportTexts.Note), XlsxCell.String(
                string.Format(CultureInfo.CurrentCulture, ExportTexts.OpenAnswersLeftOut, SheetRows - 1, textsLeftOut), XlsxStyle.Wrapped));
        }
    }

    private async Task<ILookup<long, string>> CategoriesAsync(Survey survey, CancellationToken cancellationToken)
    {
        var questionIds = survey.Questions.Where(q => !q.IsChoice).Select(q => q.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.AnswerCategories.AsNoTracking()
                .Join(db.Categories, c => c.CategoryId, c => c.Id, (c, category) => new { c.AnswerId, category.Name, category.QuestionId })
                .Where(c => questionIds.Contains(c.QuestionId))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.AnswerId, c => c.Name);
    }

    private async Task<string?> CategoryNameAsync(int categoryId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
    }
}
