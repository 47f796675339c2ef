using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SurveyApp.Domain;

// Invitation tokens: 256 random bits, written base64url (43 characters). Only their SHA-256 hash
// is stored, so a copy of the database does not reveal a working link.
public static class InvitationToken
{
    public const int Bytes = 32;
    public const int Length = 43;

    public static string Generate()
    {
        Span<byte> random = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
