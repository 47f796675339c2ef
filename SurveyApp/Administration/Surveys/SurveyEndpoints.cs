using System.Text;
using Microsoft.AspNetCore.Authorization;
using SurveyApp.Administration.Staff;
using SurveyApp.Definitions;
using SurveyApp.Domain;
using SurveyApp.Export;
using SurveyApp.Storage;
using SurveyApp.Auditing;
using SurveyApp.Security;
using SurveyApp.Shared;

namespace SurveyApp.Administration.Surveys;

public static class SurveyEndpoints
{
    // The survey in the definition format of data/ and docs/survey-format.md, which the import on the same
    // page reads back. Admins only; every download is logged.
    public static void MapSurveyAdministration(this WebApplication app) =>
        app.MapGet("/admin/enkater/{surveyId:int}.json", async (int surveyId, HttpContext context, SurveyCatalog catalog, AuditLog audit, CancellationToken cancellationToken) =>
            {
                if (await catalog.GetAsync(surveyId, cancellationToken) is not { } survey) return Results.NotFound();
                var json = SurveyDefinitionReader.Write(SurveyDefinitionMapper.ToDefinition(survey));
                await audit.RecordAsync(context.User.Identity?.Name ?? "", AuditActions.SurveyExported, $"{survey.Title} ({survey.Id})", null, cancellationToken);
                Attachment.Set(context, $"{survey.Key}.json", "application/json; charset=utf-8");
                return Results.Text(json, "application/json", Encoding.UTF8);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Admin });
}
