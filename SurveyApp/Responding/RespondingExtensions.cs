namespace SurveyApp.Responding;

public static class RespondingExtensions
{
    public static WebApplicationBuilder AddResponding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResponseService>();
        builder.Services.AddOptions<RespondentLinkOptions>().BindConfiguration(RespondentLinkOptions.Section)
            .Validate(o => RespondentLinkOptions.IsValidBase(o.PublicBaseUrl),
                "Responding:PublicBaseUrl must be the absolute http or https address respondents reach the app at.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RespondentLinks>();
        return builder;
    }
}
