namespace SurveyApp.Responding;

/// <summary>How many unusable survey links one client may open before it has to wait.</summary>
public sealed class WrongLinkOptions
{
    public const string Section = "Responding:WrongLinks";

    /// <summary>
    /// Unknown, revoked or used links a client may open in a row before it is stopped. Generous, because
    /// many respondents of one organisation may share an address and re-open links they have already used.
    /// </summary>
    public int Limit { get; set; } = 30;

    /// <summary>How often one more wrong link is allowed again, in seconds.</summary>
    public double SecondsPerLink { get; set; } = 2;
}
