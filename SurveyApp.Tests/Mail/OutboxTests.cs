using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Mail;

/// <summary>Invitations and reminders through the outbox to a real SMTP server: what arrives, what fails, and that nothing goes twice.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private MailTestApp _mail = default!;

    public Task InitializeAsync()
    {
        _mail = new MailTestApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    private static string LinkIn(MimeMessage message) =>
        System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"http://localhost/s/[A-Za-z0-9_-]{43}").Value;

    [Fact]
    public async Task AnInvitationArrivesInTheParticipantsLanguageWithALinkThatOpensTheirSurvey()
    {
        var participants = await _mail.ParticipantsAsync();
        var seededLinks = _mail.App.InvitationPaths();
        await _mail.SetContactAsync(participants[0].Id, "kansli@arvika.test", "sv");
        await _mail.SetContactAsync(participants[1].Id, "one@region.test; two@region.test", "en");

        var queued = await _mail.QueueAsync(MessageKind.Invitation);
        var sent = await MailTestApp.DrainAsync(_mail.Get<OutboxDispatcher>());

        Assert.Equal(new QueueCount(20, 18, 0), queued);
        Assert.Equal(2, sent);
        var received = await _mail.Smtp.WaitForAsync(2);
        var outbox = await _mail.OutboxAsync();
        var swedish = received.Single(r => r.EnvelopeTo.SequenceEqual(["kansli@arvika.test"])).Message;
        var english = received.Single(r => r.EnvelopeTo.Count == 2).Message;

        Assert.Equal("\"Enkätgruppen\" <enkat@surveyapp.test>", swedish.From.ToString());
        Assert.Equal("kansli@arvika.test", swedish.To.Mailboxes.Single().Address);
        Assert.Equal(["one@region.test", "two@region.test"], english.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Inbjudan att svara på en enkät", swedish.Subject);
        Assert.Equal("Invitation to answer a survey", english.Subject);
        Assert.Equal(outbox.Single(m => m.InvitationId == outbox.First(o => o.Recipients == "kansli@arvika.test").InvitationId).MessageId, swedish.MessageId);
        Assert.NotEqual(swedish.MessageId, english.MessageId);
        Assert.True(swedish.Date > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.StartsWith($"Hej {participants[0].Name}!", swedish.TextBody, StringComparison.Ordinal);
        Assert.Contains("Med vänliga hälsningar\nEnkätgruppen", swedish.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith($"Dear {participants[1].Name},", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kind regards,\nEnkätgruppen", english.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("until further notice", english.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{LinkIn(english)}\">", english.HtmlBody, StringComparison.Ordinal);

        // The links are the participants' own, as the seeding issued them, and open their survey.
        Assert.Equal(seededLinks[0], new Uri(LinkIn(swedish)).AbsolutePath);
        Assert.Equal(seededLinks[1], new Uri(LinkIn(english)).AbsolutePath);
        using var respondent = _mail.App.CreateRespondent();
        var page = await respondent.GetPageAsync(new Uri(LinkIn(swedish)).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(participants[0].Name, WebUtility.HtmlDecode(page.Main), StringComparison.Ordinal);

        Assert.Equal(2, outbox.Count(m => m.State == OutboxState.Sent && m.SentAt is not null && m.Attempts == 1));
        Assert.Equal(18, outbox.Count(m => m.State == OutboxState.Failed && m.Error == OutboxErrors.NoAddress && m.Attempts == 0));
    }

    [Fact]
    public async Task ANameWithMarkupIsEncodedInTheHtmlPart()
    {
        var participant = (await _mail.ParticipantsAsync())[0];
        await _mail.SetContactAsync(participant.Id, "kansli@arvika.test", "sv", name: "<b>Arvika</b> & \"Co\"");

        await _mail.QueueAsync(MessageKind.Invitation);
        await MailTestApp.DrainAsync(_mail.Get<OutboxDispatcher>());

        var message = (await _mail.Smtp.WaitForAsync(1)).Single().Message;
        Assert.Contains("Hej &lt;b&gt;Arvika&lt;/b&gt; &amp; &quot;Co&quot;!", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hej <b>Arvika</b> & \"Co\"!", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecipientTheServerRefusesIsFailedWithTheServersReason()
    {
        var participants = await _mail.ParticipantsAsync();
        await _mail.SetContactAsync(participants[0].Id, "nobody@arvika.test");
        await _mail.SetContactAsync(participants[1].Id, "someone@region.test");
        _mail.Smtp.Rejects = address => address.StartsWith("nobody@", StringComparison.Ordinal);

        await _mail.QueueAsync(MessageKind.Invitation);
        await MailTestApp.DrainAsync(_mail.Get<OutboxDispatcher>());

        var outbox = await _mail.OutboxAsync();
        var refused = outbox.Single(m => m.Recipients == "nobody@arvika.test");
        Assert.Equal(OutboxState.Failed, refused.State);
        Assert.StartsWith("550 ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal(OutboxState.Sent, outbox.Single(m => m.Recipients == "someone@region.test").State);
        Assert.Equal(["someone@region.test"], Assert.Single(_mail.Smtp.Received).EnvelopeTo);
    }

    [Fact]
    public async Task TwoSendersOnOneDatabaseSendEachMessageOnce()
    {
        foreach (var participant in await _mail.ParticipantsAsync())
        {
            await _mail.SetContactAsync(participant.Id, $"p{participant.Id}@kommun.test");
        }
        await _mail.QueueAsync(MessageKind.Invitation);

        var first = _mail.NewDispatcher();
        var second = _mail.NewDispatcher();
        var counts = await Task.WhenAll(Task.Run(() => MailTestApp.DrainAsync(first)), Task.Run(() => MailTestApp.DrainAsync(second)));

        Assert.Equal(20, counts.Sum());
        var received = await _mail.Smtp.WaitForAsync(20);
        Assert.Equal(20, received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.Equal(20, received.Select(r => r.EnvelopeTo.Single()).Distinct().Count());
        Assert.All(await _mail.OutboxAsync(), m => Assert.Equal((OutboxState.Sent, 1), (m.State, m.Attempts)));
    }

    [Fact]
    public async Task NoLinkAppearsInTheLogs()
    {
        var participants = await _mail.ParticipantsAsync();
        await _mail.SetContactAsync(participants[0].Id, "kansli@arvika.test");
        await _mail.SetContactAsync(participants[1].Id, "nobody@region.test");
        _mail.Smtp.Rejects = address => address.StartsWith("nobody@", StringComparison.Ordinal);

        await _mail.QueueAsync(MessageKind.Invitation);
        await MailTestApp.DrainAsync(_mail.Get<OutboxDispatcher>());

        var link = LinkIn((await _mail.Smtp.WaitForAsync(1)).Single().Message);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var logs = _mail.Logs.All;
        Assert.Contains("Sent Invitation message", logs, StringComparison.Ordinal);
        Assert.Contains("failed: 550", logs, StringComparison.Ordinal);
        foreach (var path in _mail.App.InvitationPaths().Append(link))
        {
            Assert.DoesNotContain(path[(path.LastIndexOf('/') + 1)..], logs, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageWhoseSenderStoppedMidSendIsFailedAsInterruptedAndCanBeResentWithTheSameMessageId()
    {
        var participant = (await _mail.ParticipantsAsync())[0];
        await _mail.SetContactAsync(participant.Id, "kansli@arvika.test");
        await _mail.QueueAsync(MessageKind.Invitation);
        long id;
        await using (var db = _mail.App.CreateDbContext())
        {
            var message = await db.Outbox.SingleAsync(m => m.State == OutboxState.Queued);
            id = message.Id;
            message.State = OutboxState.Sending;
            message.ClaimedBy = "a process that stopped";
            message.ClaimedUntil = DateTimeOffset.UtcNow.AddSeconds(-1);
            message.Attempts = 1;
            await db.SaveChangesAsync();
        }

        var dispatcher = _mail.Get<OutboxDispatcher>();
        Assert.False(await dispatcher.SendNextAsync());
        Assert.Equal(1, await dispatcher.FailInterruptedAsync());
        Assert.False(await dispatcher.SendNextAsync());
        var interrupted = (await _mail.OutboxAsync()).Single(m => m.Id == id);
        Assert.Equal((OutboxState.Failed, OutboxErrors.Interrupted), (interrupted.State, interrupted.Error));
        Assert.Empty(_mail.Smtp.Received);

        await using (var db = _mail.App.CreateDbContext())
        {
            Assert.True(await _mail.Get<MailQueue>().ResendAsync(db, id));
            await db.SaveChangesAsync();
        }
        Assert.True(await dispatcher.SendNextAsync());
        var received = Assert.Single(await _mail.Smtp.WaitForAsync(1));
        Assert.Equal(interrupted.MessageId, received.Message.MessageId);
        Assert.Equal((OutboxState.Sent, 2), (await _mail.OutboxAsync()).Single(m => m.Id == id) is var m ? (m.State, m.Attempts) : default);
    }

    [Fact]
    public async Task AnInvitationFromBeforeMailGetsANewLinkWhenQueuedAndTheOldOneStopsWorking()
    {
        var participant = (await _mail.ParticipantsAsync())[0];
        var old = _mail.App.InvitationPaths()[0];
        await _mail.SetContactAsync(participant.Id, "kansli@arvika.test");
        await using (var db = _mail.App.CreateDbContext())
        {
            await db.Invitations.Where(i => i.ParticipantId == participant.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, (string?)null));
        }

        var queued = await _mail.QueueAsync(MessageKind.Invitation);
        await MailTestApp.DrainAsync(_mail.Get<OutboxDispatcher>());

        Assert.Equal(1, queued.NewLinks);
        var link = new Uri(LinkIn((await _mail.Smtp.WaitForAsync(1)).Single().Message)).AbsolutePath;
        Assert.NotEqual(old, link);
        using var respondent = _mail.App.CreateRespondent();
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetPageAsync(old)).Status);
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetPageAsync(link)).Status);
    }

    [Fact]
    public async Task TheBackgroundSenderKeepsToTheConfiguredPace()
    {
        // 300 a minute: sends start 200 ms apart at least, so eleven take two seconds (less what the first connection costs).
        await using var paced = new MailTestApp(dispatch: true, settings: new Dictionary<string, string> { ["Mail:MessagesPerMinute"] = "300" });
        foreach (var participant in (await paced.ParticipantsAsync()).Take(11))
        {
            await paced.SetContactAsync(participant.Id, $"p{participant.Id}@kommun.test");
        }

        await paced.QueueAsync(MessageKind.Invitation);
        paced.Get<MailQueue>().Wake();

        var arrived = (await paced.Smtp.WaitForAsync(11)).Select(r => r.At).Order().ToList();
        Assert.True(arrived[^1] - arrived[0] >= TimeSpan.FromMilliseconds(1700), $"11 messages within {(arrived[^1] - arrived[0]).TotalMilliseconds} ms");
        Assert.All((await paced.OutboxAsync()).Where(m => m.Recipients != ""), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task AServerThatCannotBeReachedIsTriedAgainLater()
    {
        await using var unreachable = new MailTestApp(settings: new Dictionary<string, string> { ["Mail:Port"] = "1" });
        var participant = (await unreachable.ParticipantsAsync())[0];
        await unreachable.SetContactAsync(participant.Id, "kansli@arvika.test");
        await unreachable.QueueAsync(MessageKind.Invitation);

        Assert.True(await unreachable.Get<OutboxDispatcher>().SendNextAsync());
        Assert.False(await unreachable.Get<OutboxDispatcher>().SendNextAsync());

        var message = (await unreachable.OutboxAsync()).Single(m => m.Recipients != "");
        Assert.Equal(OutboxState.Queued, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.NotNull(message.Error);
        Assert.True(message.DueAt > DateTimeOffset.UtcNow.AddSeconds(30));
    }

    [Fact]
    public async Task AMessageTheServerPutsOffIsTriedAgainLaterAndFailedAfterTheLastTry()
    {
        var participants = await _mail.ParticipantsAsync();
        await _mail.SetContactAsync(participants[0].Id, "kansli@arvika.test");
        await _mail.SetContactAsync(participants[1].Id, "kansli@botkyrka.test");
        await _mail.QueueAsync(MessageKind.Invitation);
        var dispatcher = _mail.Get<OutboxDispatcher>();
        var arvikaTries = 0;
        _mail.Smtp.PutsOff = address => address == "kansli@botkyrka.test" || (address == "kansli@arvika.test" && arvikaTries++ == 0);

        Assert.True(await dispatcher.SendNextAsync());
        var putOff = (await _mail.OutboxAsync()).Single(m => m.Recipients == "kansli@arvika.test");
        Assert.Equal((OutboxState.Queued, 1, "451 try again later"), (putOff.State, putOff.Attempts, putOff.Error));
        Assert.InRange(putOff.DueAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        Assert.True(await dispatcher.SendNextAsync());
        Assert.False(await dispatcher.SendNextAsync());

        // Each time they are due again: the first is sent at its second try, the second is put off at each of its
        // four tries (Mail:MaxAttempts) and then Failed with the server's reason.
        for (var round = 0; round < 4; round++)
        {
            await using var db = _mail.App.CreateDbContext();
            await db.Outbox.Where(m => m.State == OutboxState.Queued).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
            await MailTestApp.DrainAsync(dispatcher);
        }

        var outbox = await _mail.OutboxAsync();
        Assert.Equal((OutboxState.Sent, 2), outbox.Single(m => m.Recipients == "kansli@arvika.test") is var sent ? (sent.State, sent.Attempts) : default);
        var failed = outbox.Single(m => m.Recipients == "kansli@botkyrka.test");
        Assert.Equal((OutboxState.Failed, 4, "451 try again later"), (failed.State, failed.Attempts, failed.Error));
        Assert.Equal(["kansli@arvika.test"], _mail.Smtp.Received.Select(r => r.EnvelopeTo.Single()));
    }

    [Fact]
    public async Task WithStartTlsRequiredAServerThatCannotEncryptGetsNothing()
    {
        await using var plain = new MailTestApp(settings: new Dictionary<string, string> { ["Mail:Security"] = "StartTls" });
        var participant = (await plain.ParticipantsAsync())[0];
        await plain.SetContactAsync(participant.Id, "kansli@arvika.test");
        await plain.QueueAsync(MessageKind.Invitation);

        Assert.True(await plain.Get<OutboxDispatcher>().SendNextAsync());

        var message = (await plain.OutboxAsync()).Single(m => m.Recipients != "");
        Assert.Equal((OutboxState.Queued, 1), (message.State, message.Attempts));
        Assert.Contains("STARTTLS", message.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(plain.Smtp.Received);
    }

    [Theory]
    [InlineData("StartTls", false)]
    [InlineData("Tls", true)]
    public async Task AServerWithACertificateOfItsOwnGetsTheMessageEncryptedOnceItsFingerprintIsConfigured(string security, bool tlsFromTheStart)
    {
        using var certificate = TestSmtpServer.SelfSignedCertificate();
        await using var server = new TestSmtpServer(certificate: certificate, tlsFromTheStart: tlsFromTheStart);
        var fingerprint = string.Join(":", Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(c => new string(c)));
        await using var app = new MailTestApp(smtp: server, settings: new Dictionary<string, string>(server.Settings())
        {
            ["Mail:Security"] = security,
            ["Mail:ServerCertificateSha256"] = fingerprint.ToLowerInvariant(),
        });
        var participant = (await app.ParticipantsAsync())[0];
        await app.SetContactAsync(participant.Id, "kansli@arvika.test");
        await app.QueueAsync(MessageKind.Invitation);

        Assert.True(await app.Get<OutboxDispatcher>().SendNextAsync());

        var message = (await app.OutboxAsync()).Single(m => m.Recipients != "");
        Assert.Equal((OutboxState.Sent, null), (message.State, message.Error));
        var received = Assert.Single(server.Received);
        Assert.True(received.Secure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    public async Task AServerWhoseCertificateIsNeitherTrustedNorTheConfiguredOneGetsNothing(string? fingerprint)
    {
        using var certificate = TestSmtpServer.SelfSignedCertificate();
        await using var server = new TestSmtpServer(certificate: certificate);
        var settings = new Dictionary<string, string>(server.Settings()) { ["Mail:Security"] = "StartTls" };
        if (fingerprint is not null) settings["Mail:ServerCertificateSha256"] = fingerprint;
        await using var app = new MailTestApp(smtp: server, settings: settings);
        var participant = (await app.ParticipantsAsync())[0];
        await app.SetContactAsync(participant.Id, "kansli@arvika.test");
        await app.QueueAsync(MessageKind.Invitation);

        Assert.True(await app.Get<OutboxDispatcher>().SendNextAsync());

        var message = (await app.OutboxAsync()).Single(m => m.Recipients != "");
        Assert.Equal((OutboxState.Queued, 1), (message.State, message.Attempts));
        Assert.Contains("certificate", message.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task AServerThatRequiresSignInGetsTheConfiguredUserAndPassword()
    {
        await using var server = new TestSmtpServer("surveyapp", "hemligt");
        var settings = new Dictionary<string, string>(server.Settings("surveyapp", "hemligt"));
        await using var signedIn = new MailTestApp(settings: settings, smtp: server);
        var participant = (await signedIn.ParticipantsAsync())[0];
        await signedIn.SetContactAsync(participant.Id, "kansli@arvika.test");
        await signedIn.QueueAsync(MessageKind.Invitation);

        await MailTestApp.DrainAsync(signedIn.Get<OutboxDispatcher>());

        Assert.Single(await server.WaitForAsync(1));
        Assert.Equal(OutboxState.Sent, (await signedIn.OutboxAsync()).Single(m => m.Recipients != "").State);
    }

    [Fact]
    public async Task WithoutAServerMessagesAreWrittenToThePickupFolderAndSentByTheBackgroundSender()
    {
        var folder = Path.Combine(_mail.App.Folder, "mail");
        await using var pickup = new MailTestApp(dispatch: true, useSmtp: false, settings: new Dictionary<string, string> { ["Mail:PickupFolder"] = folder });
        var participant = (await pickup.ParticipantsAsync())[0];
        await pickup.SetContactAsync(participant.Id, "kansli@arvika.test", "en");

        await pickup.QueueAsync(MessageKind.Reminder);
        pickup.Get<MailQueue>().Wake();

        var destination = pickup.Get<MailDestination>();
        Assert.False(destination.UsesSmtp);
        Assert.Equal(folder, destination.PickupFolder);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.eml").Length == 0)
        {
            Assert.True(DateTime.UtcNow < until, "No .eml file was written.");
            await Task.Delay(100);
        }
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Reminder: the survey closes soon", message.Subject);
        Assert.Equal("kansli@arvika.test", message.To.Mailboxes.Single().Address);
        Assert.Empty(pickup.Smtp.Received);
    }
}
