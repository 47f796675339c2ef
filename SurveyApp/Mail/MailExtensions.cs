using Microsoft.Extensions.Options;

namespace SurveyApp.Mail;

public static class MailExtensions
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
            return options.UsesSmtp
                ? new MailDestination(true, $"{options.Host}:{options.Port} ({options.Security})", null)
                : new MailDestination(false, Path.GetFullPath(options.PickupFolder, contentRoot), Path.GetFullPath(options.PickupFolder, contentRoot));
        });
        builder.Services.AddSingleton<MailTransport>(services =>
        {
            var destination = services.GetRequiredService<MailDestination>();
            return destination.PickupFolder is { } folder
                ? new PickupFolderTransport(folder)
                : new SmtpTransport(services.GetRequiredService<IOptions<MailOptions>>().Value);
        });
        // Links in messages start where respondents reach the app (checked by the Responding settings).
        builder.Services.AddSingleton(services => new MailLinkBase(services.GetRequiredService<IConfiguration>()["Responding:PublicBaseUrl"] ?? ""));
        builder.Services.AddSingleton<InvitationLinkProtector>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<ReminderScheduler>();
        // An app process can be kept from sending (Mail:Dispatch=false); the others on the database then send.
        if (builder.Configuration.GetValue("Mail:Dispatch", true))
        {
            builder.Services.AddHostedService<OutboxWorker>();
        }
        return builder;
    }
}
