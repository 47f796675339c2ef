namespace SurveyApp.Domain;

public class Survey
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Introduction { get; set; }
    public string Language { get; set; } = "sv";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>1 for a survey as first stored; a revision stored beside it, its waves and answers untouched, counts on.</summary>
    public int Version { get; set; } = 1;

    public int? PreviousVersionId { get; set; }
    public List<Scale> Scales { get; set; } = [];
    public List<Section> Sections { get; set; } = [];

    public IEnumerable<Question> Questions => Sections.OrderBy(s => s.Position).SelectMany(s => s.Questions.OrderBy(q => q.Position));

    public Question? FindQuestion(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>The number reports cite ("Fråga 5"), counting from 1 in the order respondents meet the questions.</summary>
    public int NumberOf(Question question) => Questions.Select(q => q.Key).ToList().IndexOf(question.Key) + 1;

    // A series is identified by its first version; waves of surveys in one series are follow-ups of each
    // other and compare question by question.
    public static IReadOnlyDictionary<int, int> Series(IEnumerable<(int Id, int? PreviousVersionId)> surveys)
    {
        var previous = surveys.ToDictionary(s => s.Id, s => s.PreviousVersionId);
        var series = new Dictionary<int, int>();
        foreach (var id in previous.Keys)
        {
            var first = id;
            var steps = 0;
            // A chain is never longer than the number of surveys; the bound guards against a cycle in bad data.
            while (previous.GetValueOrDefault(first) is { } before && previous.ContainsKey(before) && steps++ < previous.Count)
            {
                first = before;
            }
            series[id] = first;
        }
        return series;
    }
}

public class Section
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public List<Question> Questions { get; set; } = [];
}
