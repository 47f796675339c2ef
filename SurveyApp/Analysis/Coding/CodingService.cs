using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Analysis.Coding;

/// <summary>
/// Categories belong to a question, so a follow-up wave reuses them; their counts are distinct
/// responses of the wave, as in the results.
/// </summary>
public sealed class CodingService(IDbContextFactory<SurveyDbContext> factory, SurveyCatalog catalog)
{
    public const int MaxNameLength = 200;

    public async Task<OpenAnswerPage?> GetAsync(int waveId, string questionKey, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.AsNoTracking().Where(w => w.Id == waveId)
            .Select(w => new { w.Name, w.SurveyId }).SingleOrDefaultAsync(cancellationToken);
        if (wave is null || await catalog.GetAsync(wave.SurveyId, cancellationToken) is not { } survey)
        {
            return null;
        }
        if (survey.FindQuestion(questionKey) is not { Kind: QuestionKind.Text or QuestionKind.Texts } question)
        {
            return null;
        }

        var view = ResponsesInView.Responses(db, waveId, ResultsFilter.None);
        var answers = db.Answers.AsNoTracking()
            .Where(a => a.WaveId == waveId && a.QuestionId == question.Id && a.Text != null && view.Any(r => r.Id == a.ResponseId));
        var total = await answers.CountAsync(cancellationToken);
        var responded = await answers.Select(a => a.ResponseId).Distinct().CountAsync(cancellationToken);

        var counts = await db.AnswerCategories
            .Join(answers, c => c.AnswerId, a => a.Id, (c, a) => new { c.CategoryId, a.ResponseId })
            .GroupBy(x => x.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Select(x => x.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, cancellationToken);
        var categories = (await db.Categories.AsNoTracking().Where(c => c.QuestionId == question.Id).ToListAsync(cancellationToken))
            .Select(c => new CategoryCount(c.Id, c.Name, counts.GetValueOrDefault(c.Id)))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        return new OpenAnswerPage(waveId, wave.Name, question.Id, question.Key, question.Text, responded, total, categories)
        {
            QuestionNumber = survey.NumberOf(question),
            SurveyTitle = survey.Title,
        };
    }

    public async Task<CodingResult> CreateCategoryAsync(int questionId, string name, CancellationToken cancellationToken = default)
    {
        if (NameProblem(name) is { } problem) return CodingResult.Fail(problem);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var isOpen = await db.Questions.AnyAsync(q => q.Id == questionId && (q.Kind == QuestionKind.Text || q.Kind == QuestionKind.Texts), cancellationToken);
        if (!isOpen) return CodingResult.Fail(CodingErrors.QuestionNotFound);
        var trimmed = name.Trim();
        if (await IsTakenAsync(db, questionId, trimmed, exceptId: null, cancellationToken)) return CodingResult.Fail(CodingErrors.NameTaken);

        var category = new Category { QuestionId = questionId, Name = trimmed };
        db.Categories.Add(category);
        return await SaveAsync(db, () => CodingResult.Ok(category.Id), cancellationToken);
    }

    public async Task<CodingResult> RenameCategoryAsync(int categoryId, string name, CancellationToken cancellationToken = default)
    {
        if (NameProblem(name) is { } problem) return CodingResult.Fail(problem);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null) return CodingResult.Fail(CodingErrors.CategoryNotFound);
        var trimmed = name.Trim();
        if (await IsTakenAsync(db, category.QuestionId, trimmed, exceptId: categoryId, cancellationToken)) return CodingResult.Fail(CodingErrors.NameTaken);

        category.Name = trimmed;
        return await SaveAsync(db, () => CodingResult.Ok(categoryId), cancellationToken);
    }

    public async Task<CodingResult> MergeCategoriesAsync(int fromId, int intoId, CancellationToken cancellationToken = default)
    {
        if (fromId == intoId) return CodingResult.Fail(CodingErrors.SameCategory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var questions = await db.Categories.Where(c => c.Id == fromId || c.Id == intoId)
            .ToDictionaryAsync(c => c.Id, c => c.QuestionId, cancellationToken);
        if (questions.Count != 2) return CodingResult.Fail(CodingErrors.CategoryNotFound);
        if (questions[fromId] != questions[intoId]) return CodingResult.Fail(CodingErrors.OtherQuestion);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moving = await db.AnswerCategories
            .Where(c => c.CategoryId == fromId && !db.AnswerCategories.Any(o => o.CategoryId == intoId && o.AnswerId == c.AnswerId))
            .Select(c => c.AnswerId)
            .ToListAsync(cancellationToken);
        db.AnswerCategories.AddRange(moving.Select(answerId => new AnswerCategory { AnswerId = answerId, CategoryId = intoId }));
        await db.SaveChangesAsync(cancellationToken);
        await db.AnswerCategories.Where(c => c.CategoryId == fromId).ExecuteDeleteAsync(cancellationToken);
        await db.Categories.Where(c => c.Id == fromId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CodingResult.Ok(intoId);
    }

    public async Task<CodingResult> DeleteCategoryAsync(int categoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AnswerCategories.Where(c => c.CategoryId == categoryId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Categories.Where(c => c.Id == categoryId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return CodingResult.Fail(CodingErrors.CategoryNotFound);
        await transaction.CommitAsync(cancellationToken);
        return CodingResult.Ok(categoryId);
    }

    // Setting what is already so changes nothing.
    public async Task<CodingResult> SetCodingAsync(long answerId, int categoryId, bool coded, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var answerQuestion = await db.Answers.Where(a => a.Id == answerId && a.Text != null)
            .Select(a => (int?)a.QuestionId).SingleOrDefaultAsync(cancellationToken);
        if (answerQuestion is null) return CodingResult.Fail(CodingErrors.AnswerNotFound);
        var categoryQuestion = await db.Categories.Where(c => c.Id == categoryId)
            .Select(c => (int?)c.QuestionId).SingleOrDefaultAsync(cancellationToken);
        if (categoryQuestion is null) return CodingResult.Fail(CodingErrors.CategoryNotFound);
        if (categoryQuestion != answerQuestion) return CodingResult.Fail(CodingErrors.OtherQuestion);

        var existing = db.AnswerCategories.Where(c => c.AnswerId == answerId && c.CategoryId == categoryId);
        if (!coded)
        {
            await existing.ExecuteDeleteAsync(cancellationToken);
            return CodingResult.Ok(categoryId);
        }
        if (await existing.AnyAsync(cancellationToken)) return CodingResult.Ok(categoryId);
        db.AnswerCategories.Add(new AnswerCategory { AnswerId = answerId, CategoryId = categoryId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab may have coded the same answer a moment earlier; then the coding is there, as asked.
            if (!await existing.AnyAsync(cancellationToken)) throw;
        }
        return CodingResult.Ok(categoryId);
    }

    private static string? NameProblem(string? name) => name?.Trim() switch
    {
        null or "" => CodingErrors.NameRequired,
        { Length: > MaxNameLength } => CodingErrors.NameTooLong,
        _ => null,
    };

    private static async Task<bool> IsTakenAsync(SurveyDbContext db, int questionId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        // SQLite compares case-insensitively for ASCII only, so the question's few names are compared here.
        var names = await db.Categories.Where(c => c.QuestionId == questionId && c.Id != exceptId)
            .Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<CodingResult> SaveAsync(SurveyDbContext db, Func<CodingResult> success, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return success();
        }
        catch (DbUpdateException)
        {
            // The unique index on (question, name): another analyst took the name in the meantime.
            return CodingResult.Fail(CodingErrors.NameTaken);
        }
    }
}
