using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SurveyApp.Domain;
using SurveyApp.Mail;
using SurveyApp.Tests.Support;

namespace SurveyApp.Tests.Mail;

/// <summary>The app on a fresh seeded database, sending to an SMTP server in the test process, with every log line kept.</summary>
public sealed class MailTestApp : IAsyncDisposable
{
    public MailTestApp(bool dispatch = false, IReadOnlyDictionary<string, string>? settings = null, TestSmtpServer? smtp = null, bool useSmtp = true,
        Action<IServiceCollection>? services = null)
    {
        Smtp = smtp ?? new TestSmtpServer();
        var all = new Dictionary<string, string>(useSmtp ? Smtp.Settings() : new Dictionary<string, string>())
        {
            ["Mail:Dispatch"] = dispatch ? "true" : "false",
            ["Mail:PollSeconds"] = "1",
            ["Mail:MessagesPerMinute"] = "60000",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        App = new SurveyAppFactory(settings: all, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            services?.Invoke(s);
        });
        _ = App.Server;
    }

    public TestSmtpServer Smtp { get; }

    public SurveyAppFactory App { get; }

    public LogCapture Logs { get; } = new();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A dispatcher of its own, as another app process on the same database would have.</summary>
    public OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(App.Services);

    public async Task<int> WaveIdAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Waves.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
    }

    /// <summary>The seeded participants in id order (their invitation links are in the same order).</summary>
    public async Task<List<Participant>> ParticipantsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Participants.OrderBy(p => p.Id).ToListAsync();
    }

    public async Task SetContactAsync(int participantId, string? email, string language = "sv", string? name = null)
    {
        await using var db = App.CreateDbContext();
        var participant = await db.Participants.SingleAsync(p => p.Id == participantId);
        participant.Email = email;
        participant.Language = language;
        if (name is not null) participant.Name = name;
        await db.SaveChangesAsync();
    }

    public async Task<QueueCount> QueueAsync(MessageKind kind, Audience audience = Audience.All)
    {
        var waveId = await WaveIdAsync();
        await using var db = App.CreateDbContext();
        var count = await Get<MailQueue>().AddAsync(db, waveId, kind, audience);
        await db.SaveChangesAsync();
        return count;
    }

    /// <summary>Sends until nothing is due; how many were taken.</summary>
    public static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var sent = 0;
        while (await dispatcher.SendNextAsync()) sent++;
        return sent;
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Outbox.Include(m => m.Invitation).OrderBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}
