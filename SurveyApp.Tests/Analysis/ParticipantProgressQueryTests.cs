using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Analysis;
using Xunit;

namespace SurveyApp.Tests.Analysis;

[Collection(DemoDataCollection.Name)]
public sealed class ParticipantProgressQueryTests
{
    private readonly ParticipantProgressQuery _progress;
    private readonly int _wave2013;

    public ParticipantProgressQueryTests(DemoDataFixture fixture)
    {
        _progress = fixture.App.Services.GetRequiredService<ParticipantProgressQuery>();
        var waves = fixture.App.Services.GetRequiredService<WaveListQuery>().ListAsync().GetAwaiter().GetResult();
        _wave2013 = waves.Single(w => w.WaveName == "Uppföljning december 2013").WaveId;
    }

    [Fact]
    public async Task WhoHasNotAnsweredIsListed()
    {
        var participants = await _progress.ListAsync(_wave2013);

        Assert.Equal(20, participants.Count);
        var notAnswered = participants.Where(p => p.Status != ParticipantStatus.Submitted).Select(p => p.Name).Order();
        Assert.Equal(["Landstinget Sörmland", "Region Halland", "Tidaholms kommun"], notAnswered);
    }
}
