namespace SurveyApp.Domain;

/// <summary>A questionnaire: ordered sections (one page each) holding ordered questions.</summary>
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

    /// <summary>The survey this one is a revision of; null for a first version.</summary>
    public int? PreviousVersionId { get; set; }
    public List<Scale> Scales { get; set; } = [];
    public List<Section> Sections { get; set; } = [];

    public IEnumerable<Question> Questions => Sections.OrderBy(s => s.Position).SelectMany(s => s.Questions.OrderBy(q => q.Position));

    public Question? FindQuestion(string key) => Questions.FirstOrDefault(q => q.Key == key);
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
