using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SurveyApp.Administration.Staff;
using SurveyApp.Domain;

namespace SurveyApp.Storage;

/// <summary>
/// The SurveyApp database. Reach it through IDbContextFactory, one short-lived context per operation.
/// Each database engine has a context of its own deriving from this one (<see cref="Providers"/>), so that
/// each has its own migrations; the model is the same.
/// </summary>
public abstract class SurveyDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Scale> Scales => Set<Scale>();
    public DbSet<Wave> Waves => Set<Wave>();
    public DbSet<ParticipantList> ParticipantLists => Set<ParticipantList>();
    public DbSet<Participant> Participants => Set<Participant>();

    /// <summary>Every participant's further details, one row per detail; a view over <see cref="Participant.Attributes"/>, read only.</summary>
    public DbSet<ParticipantDetail> ParticipantDetails => Set<ParticipantDetail>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AnswerCategory> AnswerCategories => Set<AnswerCategory>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<WaveMessageText> WaveMessageTexts => Set<WaveMessageText>();
    public DbSet<ReminderSchedule> ReminderSchedules => Set<ReminderSchedule>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();

    /// <summary>The keys that protect sign-in cookies and forms, shared by every app process on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read in id order as cheaply as the engine allows; the export reads a whole wave this way.</summary>
    public virtual IQueryable<Response> ResponsesInIdOrder() => Responses;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);
        modelBuilder.Entity<ParticipantDetail>().HasNoKey().ToTable((string?)null).ToSqlQuery(ParticipantDetailsSql);
    }

    /// <summary>
    /// The engine's query that unfolds each participant's JSON object of details into (ParticipantId, Key, Value) rows.
    /// Keys are matched as they are, whatever characters they hold (no JSON path is built from them).
    /// </summary>
    protected abstract string ParticipantDetailsSql { get; }
}
