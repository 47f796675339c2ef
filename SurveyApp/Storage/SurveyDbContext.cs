using Microsoft.EntityFrameworkCore;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// The SurveyApp database. Reach it through IDbContextFactory, one short-lived context per operation.
/// Schema changes are migrations: <c>dotnet ef migrations add NAME --project SurveyApp --output-dir Storage/Migrations</c>.
/// </summary>
public class SurveyDbContext(DbContextOptions<SurveyDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);
}
