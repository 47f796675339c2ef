using SurveyApp.Administration.Audit;
using SurveyApp.Administration.Imports;
using SurveyApp.Administration.Participants;
using SurveyApp.Administration.Staff;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;

namespace SurveyApp.Administration;

public static class AdministrationExtensions
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SurveyImporter>();
        builder.Services.AddSingleton<SurveyEditing>();
        builder.Services.AddSingleton<InvitationService>();
        builder.Services.AddSingleton<ResponseImporter>();
        builder.Services.AddSingleton<CodingImporter>();
        builder.Services.AddSingleton<WaveAdministration>();
        builder.Services.AddSingleton<InvitationAdministration>();
        builder.Services.AddSingleton<InvitationQuery>();
        builder.Services.AddSingleton<InvitationLinksCsv>();
        builder.Services.AddSingleton<WaveMailing>();
        builder.Services.AddSingleton<MailingQuery>();
        builder.Services.AddSingleton<ResponseUpload>();
        builder.Services.AddSingleton<ParticipantAdministration>();
        builder.Services.AddSingleton<ParticipantQuery>();
        builder.Services.AddSingleton<ParticipantErasure>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddSingleton<StaffAdministration>();
        builder.Services.AddSingleton<AuditLogQuery>();
        return builder;
    }
}
