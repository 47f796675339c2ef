using MimeKit;

namespace SurveyApp.Domain;

public static class MessageLanguages
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static readonly string[] All = [Swedish, English];

    public static bool IsKnown(string? language) => language is Swedish or English;
}

/// <summary>Why a participant's contact details were refused; None when they are fine.</summary>
public enum ContactRefusal { None, TooLong, MalformedAddress, UnknownLanguage }

/// <summary>The rules for a participant's e-mail addresses and message language, for every page and import that sets them.</summary>
public static class ParticipantContacts
{
    public const int MaxEmailLength = 1000;

    private static readonly char[] Separators = [';', ','];

    /// <summary>Checks a field of addresses separated by ";" or ","; empty means no address, which is allowed.</summary>
    public static (ContactRefusal Refusal, string? Address) Check(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return (ContactRefusal.None, null);
        if (email.Length > MaxEmailLength) return (ContactRefusal.TooLong, null);
        foreach (var address in Split(email))
        {
            if (!IsAddress(address)) return (ContactRefusal.MalformedAddress, address);
        }
        return (ContactRefusal.None, null);
    }

    public static ContactRefusal CheckLanguage(string? language) =>
        MessageLanguages.IsKnown(language) ? ContactRefusal.None : ContactRefusal.UnknownLanguage;

    /// <summary>The addresses in the field, trimmed, without empty parts.</summary>
    public static IReadOnlyList<string> Split(string? email) =>
        (email ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A single plain address such as name@example.se: no display name, no group, a domain with a dot.</summary>
    public static bool IsAddress(string address) =>
        MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed)
        && parsed.Address == address
        && parsed.Address.IndexOf('@') is var at and > 0
        && parsed.Address[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
}
