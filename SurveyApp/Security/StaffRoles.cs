namespace SurveyApp.Security;

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";

    /// <summary>For [Authorize(Roles = ...)]: either staff role may read results.</summary>
    public const string AnyStaff = Admin + "," + Analyst;

    public static readonly string[] All = [Admin, Analyst];
}
