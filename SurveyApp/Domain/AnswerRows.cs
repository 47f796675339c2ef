namespace SurveyApp.Domain;

public static class AnswerRows
{
    public static IEnumerable<Answer> ToRows(Question question, QuestionAnswer answer)
    {
        var choices = question.IsChoice ? question.Choices().ToDictionary(c => c.Code, StringComparer.Ordinal) : [];
        var position = 0;
        foreach (var code in answer.Codes)
        {
            yield return new Answer { QuestionId = question.Id, Code = code, Value = choices[code].Value, Position = position++ };
        }
        foreach (var item in question.Items.OrderBy(i => i.Position))
        {
            if (answer.ItemCodes.TryGetValue(item.Code, out var code))
            {
                yield return new Answer { QuestionId = question.Id, ItemId = item.Id, Code = code, Value = choices[code].Value, Position = item.Position };
            }
        }
        foreach (var text in answer.Texts)
        {
            yield return new Answer { QuestionId = question.Id, Text = text, Position = position++ };
        }
    }

    public static AnswerSheet ToSheet(Survey survey, IEnumerable<Answer> rows)
    {
        var sheet = new AnswerSheet();
        var questions = survey.Questions.ToDictionary(q => q.Id);
        foreach (var group in rows.GroupBy(r => r.QuestionId))
        {
            if (!questions.TryGetValue(group.Key, out var question))
            {
                continue;
            }
            var ordered = group.OrderBy(r => r.Position).ToList();
            var items = question.Items.ToDictionary(i => i.Id, i => i.Code);
            sheet.Set(question.Key, new QuestionAnswer
            {
                Codes = ordered.Where(r => r.ItemId is null && r.Code is not null).Select(r => r.Code!).ToList(),
                ItemCodes = ordered.Where(r => r.ItemId is not null && r.Code is not null && items.ContainsKey(r.ItemId.Value))
                    .ToDictionary(r => items[r.ItemId!.Value], r => r.Code!, StringComparer.Ordinal),
                Texts = ordered.Where(r => r.Text is not null).Select(r => r.Text!).ToList(),
            });
        }
        return sheet;
    }
}
