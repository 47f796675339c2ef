using Microsoft.AspNetCore.Identity;

namespace SurveyApp.Domain;

/// <summary>A staff account: an administrator or an analyst. Respondents never have one.</summary>
public class StaffUser : IdentityUser;
