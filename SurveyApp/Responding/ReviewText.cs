namespace SurveyApp.Responding;

/// <summary>How the review page writes an answer beside the words it answers.</summary>
public static class ReviewText
{
    /// <summary>
    /// A matrix item's text and its answer on one line, "Text: answer". An item written as a sentence keeps
    /// one mark: its closing full stop (or its own colon) gives way to the colon, and a question or exclamation
    /// mark, or an ellipsis, is followed by the answer alone.
    /// </summary>
    public static string ItemAnswer(string itemText, string answer)
    {
        var text = itemText.TrimEnd();
        if (text.EndsWith('?') || text.EndsWith('!') || text.EndsWith('…') || text.EndsWith("..."))
        {
            return $"{text} {answer}";
        }
        if (text.EndsWith('.') || text.EndsWith(':'))
        {
            text = text[..^1].TrimEnd();
        }
        return $"{text}: {answer}";
    }
}
