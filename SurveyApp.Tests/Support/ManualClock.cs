namespace SurveyApp.Tests.Support;

/// <summary>A clock that shows the time it is set to; only the wall-clock time is fake, timers run as usual.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
