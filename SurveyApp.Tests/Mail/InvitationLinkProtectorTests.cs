using System.Net;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Mail;

/// <summary>Every link made or replaced is also kept protected, so that it can be mailed; one that cannot be read is never guessed at.</summary>
public sealed class InvitationLinkProtectorTests : IAsyncLifetime
{
    private MailTestApp _mail = default!;

    public Task InitializeAsync()
    {
        _mail = new MailTestApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    private async Task<Invitation> InvitationAsync(int participantId)
    {
        await using var db = _mail.App.CreateDbContext();
        return await db.Invitations.AsNoTracking().SingleAsync(i => i.ParticipantId == participantId);
    }

    [Fact]
    public async Task ASeededAndAReissuedLinkCanBeReadBackAndNothingElseCan()
    {
        var protector = _mail.Get<InvitationLinkProtector>();
        var participant = (await _mail.ParticipantsAsync())[0];
        var seeded = _mail.App.InvitationPaths()[0]["/s/".Length..];
        var invitation = await InvitationAsync(participant.Id);

        Assert.Equal(seeded, protector.Unprotect(invitation.ProtectedToken));
        Assert.DoesNotContain(seeded, invitation.ProtectedToken!, StringComparison.Ordinal);

        var (_, token) = await _mail.Get<InvitationAdministration>().ReissueAsync("admin@example.se", invitation.Id);
        Assert.Equal(token, protector.Unprotect((await InvitationAsync(participant.Id)).ProtectedToken));
        Assert.Null(protector.Unprotect("not a protected token"));
        Assert.Null(protector.Unprotect(null));
    }

    [Fact]
    public async Task AStoredLinkThatCannotBeReadFailsTheMessageAndResendingGivesANewLink()
    {
        var participant = (await _mail.ParticipantsAsync())[0];
        await _mail.SetContactAsync(participant.Id, "kansli@arvika.test");
        await using (var db = _mail.App.CreateDbContext())
        {
            await db.Invitations.Where(i => i.ParticipantId == participant.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, "damaged"));
        }
        await _mail.QueueAsync(MessageKind.Invitation);
        var dispatcher = _mail.Get<OutboxDispatcher>();

        await MailTestApp.DrainAsync(dispatcher);
        var failed = (await _mail.OutboxAsync()).Single(m => m.Recipients != "");
        Assert.Equal((OutboxState.Failed, OutboxErrors.NoLink), (failed.State, failed.Error));
        Assert.Empty(_mail.Smtp.Received);

        await using (var db = _mail.App.CreateDbContext())
        {
            Assert.True(await _mail.Get<MailQueue>().ResendAsync(db, failed.Id));
            await db.SaveChangesAsync();
        }
        await MailTestApp.DrainAsync(dispatcher);

        var message = Assert.Single(await _mail.Smtp.WaitForAsync(1)).Message;
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"/s/[A-Za-z0-9_-]{43}").Value;
        using var respondent = _mail.App.CreateRespondent();
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(link)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(_mail.App.InvitationPaths()[0])).Status);
    }
}
