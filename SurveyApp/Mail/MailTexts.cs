using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;
using SurveyApp.Resources;
using SurveyApp.Storage;

namespace SurveyApp.Mail;

/// <summary>A subject and body of one kind of message in one language; <see cref="IsDefault"/> when the wave has not saved its own.</summary>
public sealed record MessageText(MessageKind Kind, string Language, string Subject, string Body, bool IsDefault);

/// <summary>The texts of a wave's messages, falling back to the default texts, and the values that fill them in.</summary>
public static class MailTexts
{
    public static MessageText Default(MessageKind kind, string language)
    {
        var culture = CultureFor(language);
        return new MessageText(kind, language, Text.Get($"Mail.Default.{kind}.Subject", culture), Text.Get($"Mail.Default.{kind}.Body", culture), IsDefault: true);
    }

    public static async Task<MessageText> ForAsync(SurveyDbContext db, int waveId, MessageKind kind, string language, CancellationToken cancellationToken = default)
    {
        var saved = await db.WaveMessageTexts.AsNoTracking()
            .SingleOrDefaultAsync(t => t.WaveId == waveId && t.Kind == kind && t.Language == language, cancellationToken);
        return saved is null ? Default(kind, language) : new MessageText(kind, language, saved.Subject, saved.Body, IsDefault: false);
    }

    public static CultureInfo CultureFor(string language) =>
        CultureInfo.GetCultureInfo(language == MessageLanguages.English ? "en-GB" : "sv-SE");

    /// <summary>The closing time as a reader of the language writes it, in the server's time zone.</summary>
    public static string Closes(DateTimeOffset? closesAt, string language, TimeZoneInfo? zone = null)
    {
        var culture = CultureFor(language);
        if (closesAt is not { } time) return Text.Get("Mail.NoClosingDate", culture);
        var local = TimeZoneInfo.ConvertTime(time, zone ?? TimeZoneInfo.Local);
        return string.Format(culture, Text.Get("Mail.ClosingDate", culture), local.DateTime);
    }
}
