using Microsoft.Extensions.Options;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Components;

/// <summary>Every group of settings is checked when the app starts: a wrong value stops it with what to set, before anyone uses it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Seed:SurveyFile", "", "Seed:SurveyFile must be set while Seed:Enabled is true.")]
    [InlineData("Seed:WaveName", " ", "Seed:WaveName must be set while Seed:Enabled is true.")]
    [InlineData("Seed:FollowUpResponsesFile", "", "Seed:FollowUpResponsesFile must be set when Seed:FollowUpWaveName is.")]
    [InlineData("Responding:WrongLinks:Limit", "0", "Responding:WrongLinks:Limit must be at least 1.")]
    [InlineData("Responding:WrongLinks:SecondsPerLink", "0", "Responding:WrongLinks:SecondsPerLink must be more than 0.")]
    [InlineData("Analysis:MinGroupSize", "0", "Analysis:MinGroupSize must be at least 1.")]
    [InlineData("Responding:PublicBaseUrl", "survey.example.se", "Responding:PublicBaseUrl must be the absolute http or https address")]
    public void AWrongSettingStopsTheStartAndSaysWhatToSet(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key == "Seed:FollowUpResponsesFile") settings["Seed:FollowUpWaveName"] = "Uppföljning";
        using var app = new SurveyAppFactory(settings: settings);

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(e));
        Assert.Contains(validation.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedSettingsMayBeEmptyWhenSeedingIsOff()
    {
        using var app = new SurveyAppFactory(settings: new Dictionary<string, string> { ["Seed:Enabled"] = "false", ["Seed:SurveyFile"] = "" });

        using var client = app.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.False(File.Exists(app.LinksFile));
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
