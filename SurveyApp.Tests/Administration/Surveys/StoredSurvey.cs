using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;

namespace SurveyApp.Tests.Administration.Surveys;

/// <summary>What the database holds for a survey, read directly, for comparing before and after an edit.</summary>
public static class StoredSurvey
{
    /// <summary>How many answers the survey's waves hold, and a SHA-256 over every one's (response, question, item, code, value, text).</summary>
    public static async Task<(int Count, string Checksum)> AnswersAsync(SurveyAppFactory app, int surveyId)
    {
        await using var db = app.CreateDbContext();
        var rows = await db.Answers.Where(a => db.Waves.Any(w => w.Id == a.WaveId && w.SurveyId == surveyId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ResponseId, a.QuestionId, a.ItemId, a.Code, a.Value, a.Text })
            .ToListAsync();
        var text = string.Join("\n", rows.Select(r => $"{r.ResponseId}|{r.QuestionId}|{r.ItemId}|{r.Code}|{r.Value}|{r.Text}"));
        return (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>The id of every section, question, item, option, scale, step and scale option, by what it is matched on ("question:grad", "item:omraden/barn" …).</summary>
    public static async Task<Dictionary<string, long>> IdsAsync(SurveyAppFactory app, int surveyId)
    {
        await using var db = app.CreateDbContext();
        var survey = await db.Surveys.AsNoTracking().AsSplitQuery()
            .Include(s => s.Scales).ThenInclude(s => s.Steps)
            .Include(s => s.Scales).ThenInclude(s => s.OffScaleOptions)
            .Include(s => s.Sections).ThenInclude(s => s.Questions).ThenInclude(q => q.Items)
            .Include(s => s.Sections).ThenInclude(s => s.Questions).ThenInclude(q => q.Options)
            .SingleAsync(s => s.Id == surveyId);
        var ids = new Dictionary<string, long>();
        foreach (var scale in survey.Scales)
        {
            ids[$"scale:{scale.Key}"] = scale.Id;
            scale.Steps.ForEach(s => ids[$"step:{scale.Key}/{s.Value}"] = s.Id);
            scale.OffScaleOptions.ForEach(o => ids[$"scale-option:{scale.Key}/{o.Code}"] = o.Id);
        }
        foreach (var section in survey.Sections)
        {
            ids[$"section:{section.Key}"] = section.Id;
            foreach (var question in section.Questions)
            {
                ids[$"question:{question.Key}"] = question.Id;
                question.Items.ForEach(i => ids[$"item:{question.Key}/{i.Code}"] = i.Id);
                question.Options.ForEach(o => ids[$"option:{question.Key}/{o.Code}"] = o.Id);
            }
        }
        return ids;
    }

    public static async Task<List<AuditEntry>> AuditAsync(SurveyAppFactory app, string action)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditLog.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<int>> WaveSurveysAsync(SurveyAppFactory app, IEnumerable<int> waveIds)
    {
        var ids = waveIds.ToList();
        await using var db = app.CreateDbContext();
        return await db.Waves.Where(w => ids.Contains(w.Id)).OrderBy(w => w.Id).Select(w => w.SurveyId).ToListAsync();
    }
}
