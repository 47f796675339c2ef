namespace SurveyApp.Export;

public static class ExportExtensions
{
    /// <summary>Registers the exports; Program.cs is to call it once the download endpoint exists.</summary>
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResponseExport>();
        return builder;
    }
}
