using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis.Coding;

/// <summary>
/// A page of one question's open answers in a wave, searched, filtered by coding and sorted by the database.
/// An answer's number is its place among all the question's answers (by response, then position), counted in
/// SQL for the rows of the page only, so it stays the same whatever the search, filter, sort or page.
/// </summary>
public sealed class OpenAnswersQuery(IDbContextFactory<SurveyDbContext> factory, ViewSuppression suppression)
{
    public async Task<OpenAnswerList> PageAsync(int waveId, int questionId, OpenAnswerRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var matching = Matching(db, waveId, questionId, request);
        var total = await matching.CountAsync(cancellationToken);
        var rows = await Page(db, waveId, questionId, matching, request).ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var codings = (await db.AnswerCategories.AsNoTracking().Where(c => ids.Contains(c.AnswerId))
                .Select(c => new { c.AnswerId, c.CategoryId }).ToListAsync(cancellationToken))
            .ToLookup(c => c.AnswerId, c => c.CategoryId);

        // The types the results and the exports hide are hidden here too (docs/privacy.md): a small type would
        // point at the organisation, and an answer's text matched against the export would undo the export's hiding.
        var hidden = await suppression.HiddenTypesAsync(waveId, cancellationToken);
        return new OpenAnswerList(
            rows.Select(r => new OpenAnswer(r.Id, r.Number, r.Text, hidden.Contains(r.Type) ? null : r.Type, codings[r.Id].Order().ToList())).ToList(),
            total);
    }

    /// <summary>The query a page is read with, for tests that check it is paged by the database.</summary>
    internal static IQueryable<AnswerRow> Query(SurveyDbContext db, int waveId, int questionId, OpenAnswerRequest request) =>
        Page(db, waveId, questionId, Matching(db, waveId, questionId, request), request);

    internal sealed class AnswerRow
    {
        public long Id { get; init; }
        public int Number { get; init; }
        public string Text { get; init; } = "";
        public string Type { get; init; } = "";
    }

    private static IQueryable<Domain.Answer> Answers(SurveyDbContext db, int waveId, int questionId)
    {
        var view = ResponsesInView.Responses(db, waveId, ResultsFilter.None);
        return db.Answers.AsNoTracking()
            .Where(a => a.WaveId == waveId && a.QuestionId == questionId && a.Text != null && view.Any(r => r.Id == a.ResponseId));
    }

    private static IQueryable<Domain.Answer> Matching(SurveyDbContext db, int waveId, int questionId, OpenAnswerRequest request)
    {
        var matching = Answers(db, waveId, questionId).WhereContains(a => a.Text, request.TextContains);
        return request.Coding switch
        {
            OpenAnswerCoding.Uncoded => matching.Where(a => !db.AnswerCategories.Any(c => c.AnswerId == a.Id)),
            OpenAnswerCoding.Category when request.CategoryId is { } id => matching.Where(a => db.AnswerCategories.Any(c => c.AnswerId == a.Id && c.CategoryId == id)),
            _ => matching,
        };
    }

    private static IQueryable<AnswerRow> Page(SurveyDbContext db, int waveId, int questionId, IQueryable<Domain.Answer> matching, OpenAnswerRequest request)
    {
        var sorted = (request.SortBy, request.Descending) switch
        {
            (OpenAnswerSort.Text, false) => matching.OrderBy(a => EF.Functions.Collate(a.Text, SwedishText.Collation)).ThenBy(a => a.ResponseId).ThenBy(a => a.Position).ThenBy(a => a.Id),
            (OpenAnswerSort.Text, true) => matching.OrderByDescending(a => EF.Functions.Collate(a.Text, SwedishText.Collation)).ThenBy(a => a.ResponseId).ThenBy(a => a.Position).ThenBy(a => a.Id),
            (_, false) => matching.OrderBy(a => a.ResponseId).ThenBy(a => a.Position).ThenBy(a => a.Id),
            (_, true) => matching.OrderByDescending(a => a.ResponseId).ThenByDescending(a => a.Position).ThenByDescending(a => a.Id),
        };
        var all = Answers(db, waveId, questionId);
        return sorted.Skip(request.Skip).Take(request.Take)
            .Select(a => new AnswerRow
            {
                Id = a.Id,
                Number = all.Count(b => b.ResponseId < a.ResponseId
                    || (b.ResponseId == a.ResponseId && (b.Position < a.Position || (b.Position == a.Position && b.Id <= a.Id)))),
                Text = a.Text!,
                Type = db.Participants.Where(p => p.Id == a.ParticipantId).Select(p => p.Type).First(),
            });
    }
}

public enum OpenAnswerSort { Number, Text }

/// <summary>Which answers by their coding: all, those with no category, or those with <see cref="OpenAnswerRequest.CategoryId"/>.</summary>
public enum OpenAnswerCoding { All, Uncoded, Category }

public sealed record OpenAnswerRequest(int Skip, int Take, OpenAnswerSort SortBy = OpenAnswerSort.Number, bool Descending = false,
    string? TextContains = null, OpenAnswerCoding Coding = OpenAnswerCoding.All, int? CategoryId = null);

public sealed record OpenAnswerList(IReadOnlyList<OpenAnswer> Items, int Total);
