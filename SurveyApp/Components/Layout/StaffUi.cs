using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace SurveyApp.Components.Layout;

/// <summary>The staff pages' component library: MudBlazor with the app's theme and its own texts in Swedish.</summary>
public static class StaffUi
{
    public static WebApplicationBuilder AddStaffUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 8000;
            options.SnackbarConfiguration.PreventDuplicates = false;
        });
        builder.Services.AddTransient<MudLocalizer, SwedishMudTexts>();
        return builder;
    }

    /// <summary>Colours and type shared with the respondent pages' stylesheet (app.css).</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d3557",
            PrimaryDarken = "#12233a",
            Secondary = "#35627f",
            AppbarBackground = "#1d3557",
            AppbarText = "#ffffff",
            Error = "#b3261e",
            Success = "#1e6b3a",
            Warning = "#8a5300",
            Info = "#1f5f99",
            TextPrimary = "#1b1b1b",
            TextSecondary = "#4a4f55",
            ActionDefault = "#4a4f55",
            Background = "#ffffff",
            BackgroundGray = "#f4f6f8",
            DrawerBackground = "#f4f6f8",
            DrawerText = "#1b1b1b",
            LinesDefault = "#b1b4b6",
            TableLines = "#d6d9dc",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Buttons read as sentences, as on the respondent pages, not in capitals.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px" },
    };
}

/// <summary>
/// MudBlazor's own texts (pager, dialogs, pickers) in Swedish, from Resources/MudTexts.resx. In English the
/// library's built-in texts are used, which is what reporting "not found" asks for.
/// </summary>
public sealed class SwedishMudTexts : MudLocalizer
{
    private static readonly ResourceManager Texts = new("SurveyApp.Resources.MudTexts", typeof(SwedishMudTexts).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            var text = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv"
                ? Texts.GetString(key, CultureInfo.InvariantCulture)
                : null;
            return new LocalizedString(key, text ?? key, resourceNotFound: text is null);
        }
    }
}
