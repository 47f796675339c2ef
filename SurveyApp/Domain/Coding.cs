namespace SurveyApp.Domain;

/// <summary>A category analysts code open answers into, belonging to one question of a survey.</summary>
public class Category
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string Name { get; set; }
}

/// <summary>One open answer coded into one category; an answer may carry several.</summary>
public class AnswerCategory
{
    public long AnswerId { get; set; }
    public int CategoryId { get; set; }
}
