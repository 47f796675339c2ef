namespace SurveyApp.Auditing;

public static class AuditingExtensions
{
    public static WebApplicationBuilder AddAuditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }
}
