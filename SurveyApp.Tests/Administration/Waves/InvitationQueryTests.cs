using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Waves;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>
/// The invitations grid's query on a real database: the demo wave's 20 invitations, of which Arvika has submitted,
/// Botkyrka has started, Eskilstuna's link is withdrawn and Göteborg submitted after Arvika. The class shares the app:
/// its tests only read.
/// </summary>
public sealed class InvitationQueryTests(InvitationQueryTests.Fixture fixture) : IClassFixture<InvitationQueryTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public SurveyAppFactory App { get; } = new();

        public InvitationQuery Query => App.Services.GetRequiredService<InvitationQuery>();

        public async Task InitializeAsync()
        {
            var links = App.InvitationPaths();
            using var respondent = App.CreateRespondent();
            await respondent.CompleteSurveyAsync(links[0]);
            await respondent.PostFormAsync($"{links[1]}/sida/1", "page", RespondentHttp.ModelAnswers[0]);
            await respondent.CompleteSurveyAsync(links[3]);
            await using var db = App.CreateDbContext();
            var eskilstuna = await db.Invitations.SingleAsync(i => i.Participant!.Name == "Eskilstuna kommun");
            await App.Services.GetRequiredService<InvitationAdministration>().RevokeAsync("admin@example.org", eskilstuna.Id);
            // Göteborg answered a day after Arvika, whatever the clock of the test run.
            var responses = await db.Responses.Include(r => r.Invitation).ThenInclude(i => i!.Participant)
                .Where(r => r.SubmittedAt != null).ToListAsync();
            var arvika = responses.Single(r => r.Invitation!.Participant!.Name == "Arvika kommun");
            responses.Single(r => r.Invitation!.Participant!.Name == "Göteborgs stad").SubmittedAt = arvika.SubmittedAt!.Value.AddDays(1);
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private Task<InvitationPage> PageAsync(InvitationGridRequest request) => fixture.Query.PageAsync(1, request);

    private static List<string> Names(InvitationPage page) => page.Rows.Select(r => r.Participant).ToList();

    [Fact]
    public async Task APageHoldsPageSizeRowsAndTheTotalCountsThemAll()
    {
        var first = await PageAsync(new InvitationGridRequest(0, 5));
        var last = await PageAsync(new InvitationGridRequest(3, 5));
        var beyond = await PageAsync(new InvitationGridRequest(4, 5));

        Assert.Equal(20, first.Total);
        Assert.Equal(["Arvika kommun", "Botkyrka kommun", "Eskilstuna kommun", "Göteborgs stad", "Helsingborgs stad"], Names(first));
        Assert.Equal(5, last.Rows.Count);
        Assert.Empty(Names(first).Intersect(Names(last)));
        Assert.Empty(beyond.Rows);
        Assert.Equal(20, beyond.Total);
    }

    [Fact]
    public async Task EachRowHasItsStatus()
    {
        var rows = (await PageAsync(new InvitationGridRequest(0, 100))).Rows.ToDictionary(r => r.Participant);

        Assert.Equal(InvitationStatus.Submitted, rows["Arvika kommun"].Status);
        Assert.Equal(InvitationStatus.Started, rows["Botkyrka kommun"].Status);
        Assert.Equal(InvitationStatus.Revoked, rows["Eskilstuna kommun"].Status);
        Assert.Equal(InvitationStatus.NotStarted, rows["Helsingborgs stad"].Status);
        Assert.Equal(["Botkyrka kommun", "Helsingborgs stad"], new[] { "Arvika kommun", "Botkyrka kommun", "Eskilstuna kommun", "Helsingborgs stad" }
            .Where(name => rows[name].IsChangeable));
    }

    [Fact]
    public async Task SortingByNameDescendingReversesTheAscendingOrder()
    {
        var ascending = Names(await PageAsync(new InvitationGridRequest(0, 100)));
        var descending = Names(await PageAsync(new InvitationGridRequest(0, 100, InvitationSort.Participant, Descending: true)));

        Assert.Equal(20, ascending.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(ascending), descending);
    }

    [Fact]
    public async Task SortingByStatusGroupsTheStatusesInOrderAndByNameWithin()
    {
        var rows = (await PageAsync(new InvitationGridRequest(0, 100, InvitationSort.Status))).Rows;
        var descending = (await PageAsync(new InvitationGridRequest(0, 3, InvitationSort.Status, Descending: true))).Rows;

        Assert.Equal(rows.Select(r => r.Status).Order(), rows.Select(r => r.Status));
        Assert.Equal(["Botkyrka kommun"], rows.Where(r => r.Status == InvitationStatus.Started).Select(r => r.Participant));
        Assert.Equal(["Arvika kommun", "Göteborgs stad"], rows.Where(r => r.Status == InvitationStatus.Submitted).Select(r => r.Participant));
        Assert.Equal(["Eskilstuna kommun", "Arvika kommun", "Göteborgs stad"], descending.Select(r => r.Participant));
    }

    [Theory]
    [InlineData("kommun", 8)]
    [InlineData("KOMMUN", 8)]
    [InlineData("landsting", 5)]
    [InlineData("örebro", 2)]
    [InlineData("Örebro läns", 1)]
    [InlineData("region", 4)]
    [InlineData("finns inte", 0)]
    public async Task TheNameFilterFindsThePartRegardlessOfCase(string term, int count)
    {
        var page = await PageAsync(new InvitationGridRequest(0, 100, NameContains: term));

        Assert.Equal(count, page.Total);
        Assert.All(page.Rows, r => Assert.Contains(term, r.Participant, StringComparison.CurrentCultureIgnoreCase));
    }

    [Fact]
    public async Task TheStatusFilterAndTheNameFilterCombineAndArePagedTogether()
    {
        var notStarted = await PageAsync(new InvitationGridRequest(0, 25, Status: InvitationStatus.NotStarted));
        var submittedKommun = await PageAsync(new InvitationGridRequest(0, 25, NameContains: "kommun", Status: InvitationStatus.Submitted));
        var secondPage = await PageAsync(new InvitationGridRequest(1, 10, Status: InvitationStatus.NotStarted));

        Assert.Equal(16, notStarted.Total);
        Assert.All(notStarted.Rows, r => Assert.Equal(InvitationStatus.NotStarted, r.Status));
        Assert.Equal(["Arvika kommun"], Names(submittedKommun));
        Assert.Equal(6, secondPage.Rows.Count);
        Assert.Equal(16, secondPage.Total);
    }

    [Fact]
    public async Task TheRemindersAreEveryoneWithAUsableLinkWhoHasNotSubmitted()
    {
        var waiting = await fixture.Query.NotAnsweredAsync(1);

        Assert.NotNull(waiting);
        Assert.Equal(17, waiting.Count);
        Assert.DoesNotContain(waiting, r => r.Participant is "Arvika kommun" or "Göteborgs stad" or "Eskilstuna kommun");
        Assert.Equal(InvitationStatus.Started, waiting.Single(r => r.Participant == "Botkyrka kommun").Status);
        Assert.Null(await fixture.Query.NotAnsweredAsync(99));
        Assert.Null(await fixture.Query.WaveNameAsync(99));
        Assert.Equal("Uppföljning december 2013", await fixture.Query.WaveNameAsync(1));
    }
}
