using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SurveyApp.Domain;

namespace SurveyApp.Mail;

/// <summary>
/// Keeps an invitation token encrypted in the database so that a message can carry the link. The keys are the
/// app's data-protection keys, which already protect the sign-in cookies and live in the same database.
/// </summary>
public sealed class InvitationLinkProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "SurveyApp.Mail.InvitationLink.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    /// <summary>The token, or null when the value cannot be read (a lost key, a damaged value).</summary>
    public string? Unprotect(string? protectedToken)
    {
        if (protectedToken is null) return null;
        try
        {
            var token = _protector.Unprotect(protectedToken);
            return InvitationToken.IsWellFormed(token) ? token : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A new token for the invitation: its hash and its protected form are set, the old link stops working.</summary>
    public string Renew(Invitation invitation)
    {
        var token = InvitationToken.Generate();
        invitation.TokenHash = InvitationToken.Hash(token);
        invitation.ProtectedToken = Protect(token);
        return token;
    }
}
