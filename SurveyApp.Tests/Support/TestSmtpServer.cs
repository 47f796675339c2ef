using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SurveyApp.Tests.Support;

/// <summary>A message as it arrived: the envelope's recipients, the parsed message and when it arrived.</summary>
/// <summary>A message as it arrived; <see cref="Secure"/>: over an encrypted connection.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message, DateTimeOffset At, bool Secure = false);

/// <summary>
/// A real SMTP server inside the test process, on a free port of the loopback address, keeping what it receives.
/// It can turn recipients away (<see cref="Rejects"/>), require a user name and password, and with a certificate offer
/// STARTTLS, or speak TLS from the first byte.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestSmtpServer(string? userName = null, string? password = null, X509Certificate2? certificate = null, bool tlsFromTheStart = false)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AuthenticationRequired(userName is not null).AllowUnsecureAuthentication(userName is not null);
                if (certificate is not null) b.Certificate(certificate).IsSecure(tlsFromTheStart);
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        if (userName is not null)
        {
            services.Add(new Authenticator(userName, password ?? ""));
        }
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>How long the server takes to accept a message once its data has arrived.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Messages to these recipients the server answers with "451 try again later" after their data.</summary>
    public Func<string, bool> PutsOff { get; set; } = _ => false;

    /// <summary>Recipients the server answers with 550 at RCPT TO.</summary>
    public Func<string, bool> Rejects { get; set; } = _ => false;

    /// <summary>The app's settings for sending here.</summary>
    public IReadOnlyDictionary<string, string> Settings(string? userName = null, string? password = null) => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:UserName"] = userName ?? "",
        ["Mail:Password"] = password ?? "",
        ["Mail:FromAddress"] = "enkat@surveyapp.test",
        ["Mail:FromName"] = "Enkätgruppen",
    };

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"{Received.Count} of {count} messages arrived.");
            await Task.Delay(50);
        }
        return Received.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A certificate of its own for 127.0.0.1, signed by nobody this machine trusts, as an internal relay's.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    // The port is found by binding port 0 and releasing it; the server binds it again at once.
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Delay > TimeSpan.Zero) await Task.Delay(owner.Delay, cancellationToken);
            if (transaction.To.Select(Address).Any(owner.PutsOff))
            {
                return new SmtpResponse(SmtpReplyCode.Aborted, "try again later");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue(new ReceivedMail(transaction.To.Select(Address).ToList(), message, DateTimeOffset.UtcNow, context.Pipe.IsSecure));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.Rejects(Address(to)));
    }

    private sealed class Authenticator(string userName, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string secret, CancellationToken cancellationToken) =>
            Task.FromResult(user == userName && secret == password);
    }
}
