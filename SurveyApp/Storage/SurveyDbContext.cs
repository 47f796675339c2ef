using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// The SurveyApp database. Reach it through IDbContextFactory, one short-lived context per operation.
/// Schema changes are migrations: <c>dotnet ef migrations add NAME --project SurveyApp --output-dir Storage/Migrations</c>.
/// </summary>
public class SurveyDbContext(DbContextOptions<SurveyDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Scale> Scales => Set<Scale>();
    public DbSet<Wave> Waves => Set<Wave>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AnswerCategory> AnswerCategories => Set<AnswerCategory>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);
    }
}
