namespace SurveyApp.Domain;

/// <summary>The kinds of question a survey can hold; the JSON names are the lower-case forms.</summary>
public enum QuestionKind
{
    Likert,
    Matrix,
    Single,
    Multi,
    Text,
    Texts,
}
