namespace SurveyApp.Administration.Waves;

/// <summary>
/// A wave's opening and closing times are entered and shown in the server's time zone and stored in UTC.
/// </summary>
public static class WaveTimes
{
    /// <summary>A date and a time of day entered on the page, as a UTC time; no date means no time (the time alone is ignored).</summary>
    public static DateTimeOffset? FromLocal(DateTime? date, TimeSpan? time, TimeZoneInfo? zone = null)
    {
        if (date is not { } day) return null;
        var local = DateTime.SpecifyKind(day.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified);
        zone ??= TimeZoneInfo.Local;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A stored time as the page shows it, to the minute.</summary>
    public static string Format(DateTimeOffset? value, TimeZoneInfo? zone = null) =>
        value is { } time ? TimeZoneInfo.ConvertTime(time, zone ?? TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
