using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SurveyApp.Mail;

public enum SendResult
{
    Sent,

    /// <summary>Certainly not delivered, and worth another try later (the server said 4xx, or could not be reached).</summary>
    TryAgain,

    /// <summary>Certainly not delivered: the server refused for good (5xx).</summary>
    Refused,

    /// <summary>Broken off during the transfer: the server may or may not have taken the message.</summary>
    Uncertain,
}

public sealed record SendOutcome(SendResult Result, string? Reason = null);

/// <summary>Hands one message to the world: an SMTP server, or a folder of .eml files.</summary>
public abstract class MailTransport
{
    public abstract Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through an SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpTransport(MailOptions options) : MailTransport
{
    public override async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        if (options.PinnedCertificate is { } pin)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == pin);
        }
        // Until the message's data has been handed over, a failure means it was certainly not delivered.
        var transferring = false;
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security switch
            {
                MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                MailSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
            transferring = true;
            await client.SendAsync(message, cancellationToken);
            transferring = false;
        }
        catch (SmtpCommandException e)
        {
            // The server answered a command with a refusal: nothing was delivered.
            var code = (int)e.StatusCode;
            var reason = $"{code} {e.Message}".Trim();
            return new SendOutcome(code is >= 400 and < 500 ? SendResult.TryAgain : SendResult.Refused, reason);
        }
        catch (Exception e) when (transferring && e is IOException or SocketException or SmtpProtocolException or OperationCanceledException or TimeoutException)
        {
            // The connection broke while the message was being handed over.
            return new SendOutcome(SendResult.Uncertain, e.Message);
        }
        catch (Exception e) when (!transferring)
        {
            // Connecting, encrypting or signing in failed (an unreachable server, no STARTTLS offered, a refused
            // password, the time limit): nothing was handed over.
            return new SendOutcome(SendResult.TryAgain, e.Message);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // The message was accepted; a goodbye that goes wrong changes nothing.
        }
        return new SendOutcome(SendResult.Sent);
    }
}

/// <summary>Without an SMTP server: each message becomes an .eml file, which a mail program can open.</summary>
public sealed class PickupFolderTransport(string folder) : MailTransport
{
    public string Folder { get; } = folder;

    public override async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var target = Path.Combine(Folder, name + ".eml");
        var partial = target + ".part";
        // Written aside and then moved, so that a reader never sees half a message.
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken);
        }
        File.Move(partial, target, overwrite: true);
        return new SendOutcome(SendResult.Sent);
    }
}
