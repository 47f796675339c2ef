using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Storage;

namespace SurveyApp.Administration.Imports;

/// <summary>
/// Loads codings of open answers (<c>participant,question,category</c>) into a wave. A coding names
/// the participant's answer to the question; for a texts question it lands on the first of the texts.
/// </summary>
public sealed class CodingImporter(IDbContextFactory<SurveyDbContext> factory)
{
    /// <summary>One coding: <see cref="Answer"/> numbers the participant's answers to the question from 1 (empty: the first).</summary>
    private sealed record Row(string Participant, string Question, [property: Optional] int? Answer, string Category);

    public async Task<int> ImportAsync(int waveId, TextReader csv, CancellationToken cancellationToken = default)
    {
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToLowerInvariant() });
        var rows = new List<Row>();
        await foreach (var row in reader.GetRecordsAsync<Row>(cancellationToken))
        {
            rows.Add(row);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wave = await db.Waves.SingleAsync(w => w.Id == waveId, cancellationToken);
        var questions = await db.Questions.Where(q => db.Sections.Any(s => s.Id == q.SectionId && s.SurveyId == wave.SurveyId))
            .ToDictionaryAsync(q => q.Key, cancellationToken);
        var answers = await db.Answers.Where(a => a.WaveId == waveId && a.Text != null)
            .Select(a => new { a.Id, a.QuestionId, a.Position, Participant = a.ResponseId })
            .Join(db.Responses, a => a.Participant, r => r.Id, (a, r) => new { a.Id, a.QuestionId, a.Position, r.InvitationId })
            .Join(db.Invitations, a => a.InvitationId, i => i.Id, (a, i) => new { a.Id, a.QuestionId, a.Position, i.Participant!.Name })
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.ToDictionaryAsync(c => (c.QuestionId, c.Name), cancellationToken);
        var coded = 0;
        foreach (var row in rows)
        {
            var question = questions.GetValueOrDefault(row.Question) ?? throw new InvalidDataException($"Unknown question '{row.Question}'.");
            var answer = answers.Where(a => a.Name == row.Participant && a.QuestionId == question.Id).OrderBy(a => a.Position)
                .ElementAtOrDefault((row.Answer ?? 1) - 1)
                ?? throw new InvalidDataException($"{row.Participant} has no answer {row.Answer ?? 1} to '{row.Question}' in this wave.");
            if (!categories.TryGetValue((question.Id, row.Category), out var category))
            {
                category = new Category { QuestionId = question.Id, Name = row.Category };
                categories[(question.Id, row.Category)] = category;
                db.Categories.Add(category);
                await db.SaveChangesAsync(cancellationToken);
            }
            db.AnswerCategories.Add(new AnswerCategory { AnswerId = answer.Id, CategoryId = category.Id });
            coded++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return coded;
    }
}
