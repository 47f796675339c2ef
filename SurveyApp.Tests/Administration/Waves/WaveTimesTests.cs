using SurveyApp.Administration.Waves;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

public sealed class WaveTimesTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData(2027, 1, 10, 8, "2027-01-10T07:00:00+00:00")]
    [InlineData(2027, 6, 10, 8, "2027-06-10T06:00:00+00:00")]
    public void ADateAndTimeEnteredInTheServersZoneAreStoredInUtcAcrossSummerTime(int year, int month, int day, int hour, string utc)
    {
        var stored = WaveTimes.FromLocal(new DateTime(year, month, day), new TimeSpan(hour, 0, 0), Stockholm);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), stored);
        Assert.Equal(TimeSpan.Zero, stored!.Value.Offset);
        Assert.Equal($"{year:0000}-{month:00}-{day:00} {hour:00}:00", WaveTimes.Format(stored, Stockholm));
    }

    [Fact]
    public void NoDateMeansNoTimeAndADateAloneMeansMidnight()
    {
        Assert.Null(WaveTimes.FromLocal(null, new TimeSpan(8, 0, 0), Stockholm));
        Assert.Equal("2027-01-10 00:00", WaveTimes.Format(WaveTimes.FromLocal(new DateTime(2027, 1, 10), null, Stockholm), Stockholm));
        Assert.Equal("", WaveTimes.Format(null));
    }
}
