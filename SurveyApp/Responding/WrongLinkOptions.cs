namespace SurveyApp.Responding;

public sealed class WrongLinkOptions
{
    public const string Section = "Responding:WrongLinks";

    // Unknown, revoked or used links a client may open in a row before it is stopped. Generous, because
    // many respondents of one organisation may share an address and re-open links they have already used.
    public int Limit { get; set; } = 30;

    public double SecondsPerLink { get; set; } = 2;
}
