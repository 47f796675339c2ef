using System.ComponentModel.DataAnnotations;

namespace SurveyApp.Mail;

public enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same machine or a test server.</summary>
    None,
}

/// <summary>The "Mail" settings; environment variables override them as Mail__Host, Mail__Password and so on.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server. Empty: messages are written as .eml files to <see cref="PickupFolder"/> instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the server's own certificate, for a server whose certificate
    /// no authority this machine trusts has signed (an organisation's internal relay). Such a server is accepted
    /// only with exactly that certificate; any server with a certificate this machine trusts is accepted as always.
    /// </summary>
    public string? ServerCertificateSha256 { get; set; }

    /// <summary>The fingerprint as 64 upper-case hex digits, or null when none is set.</summary>
    public string? PinnedCertificate => string.IsNullOrWhiteSpace(ServerCertificateSha256)
        ? null
        : string.Concat(ServerCertificateSha256.Where(c => c is not (':' or ' ' or '-'))).ToUpperInvariant();

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address and name; the name is also the {sender} field of the texts.</summary>
    public string FromAddress { get; set; } = "enkat@example.invalid";

    public string FromName { get; set; } = "SurveyApp";

    /// <summary>At most this many messages a minute from each app process.</summary>
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>Where messages go without an SMTP server; a relative path is taken from the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>How long one message may take to send; a claim on a message lasts twice as long.</summary>
    public int SendTimeoutSeconds { get; set; } = 60;

    /// <summary>How often to look for due messages and reminders when there is nothing to send.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Tries for a message the server turns away for now (4xx) or that cannot reach the server, before it is Failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public TimeSpan SendTimeout => TimeSpan.FromSeconds(SendTimeoutSeconds);

    public TimeSpan ClaimDuration => TimeSpan.FromSeconds(2 * SendTimeoutSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Domain.ParticipantContacts.IsAddress(FromAddress))
            yield return new ValidationResult($"{Section}:{nameof(FromAddress)} must be one e-mail address.", [nameof(FromAddress)]);
        if (Port is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:{nameof(Port)} must be between 1 and 65535.", [nameof(Port)]);
        if (MessagesPerMinute < 1)
            yield return new ValidationResult($"{Section}:{nameof(MessagesPerMinute)} must be at least 1.", [nameof(MessagesPerMinute)]);
        if (SendTimeoutSeconds < 1 || PollSeconds < 1 || MaxAttempts < 1)
            yield return new ValidationResult($"{Section}:{nameof(SendTimeoutSeconds)}, {nameof(PollSeconds)} and {nameof(MaxAttempts)} must be at least 1.");
        if (PinnedCertificate is { } pin && (pin.Length != 64 || !pin.All(Uri.IsHexDigit)))
            yield return new ValidationResult($"{Section}:{nameof(ServerCertificateSha256)} must be a SHA-256 fingerprint: 64 hex digits, colons allowed.", [nameof(ServerCertificateSha256)]);
        if (!UsesSmtp && string.IsNullOrWhiteSpace(PickupFolder))
            yield return new ValidationResult($"Set {Section}:{nameof(Host)} to an SMTP server or {Section}:{nameof(PickupFolder)} to a folder.", [nameof(PickupFolder)]);
    }
}

/// <summary>Where messages go, as the admin page tells it; resolved once at start.</summary>
public sealed record MailDestination(bool UsesSmtp, string Description, string? PickupFolder);
