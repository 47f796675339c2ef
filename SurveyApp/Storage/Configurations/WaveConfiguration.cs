using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyApp.Domain;

namespace SurveyApp.Storage.Configurations;

internal sealed class WaveConfiguration : IEntityTypeConfiguration<Wave>
{
    public void Configure(EntityTypeBuilder<Wave> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.HasOne(w => w.Survey).WithMany().HasForeignKey(w => w.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantListConfiguration : IEntityTypeConfiguration<ParticipantList>
{
    public void Configure(EntityTypeBuilder<ParticipantList> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.HasIndex(l => l.SurveyId);
        builder.HasOne(l => l.Survey).WithMany().HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Code).HasMaxLength(64);
        // A code names one participant of its list; participants without a code are many (NULLs are distinct).
        builder.HasIndex(p => new { p.ListId, p.Code }).IsUnique();
        builder.HasOne(p => p.List).WithMany().HasForeignKey(p => p.ListId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Type).HasMaxLength(64);
        // Existing rows become active; the sentinel makes EF write false explicitly instead of leaving it to the default.
        builder.Property(p => p.IsActive).HasDefaultValue(true).HasSentinel(true);
        // A small open-ended set of facts, stored as one JSON object.
        builder.Property(p => p.Attributes)
            .HasConversion(
                a => System.Text.Json.JsonSerializer.Serialize(a, (System.Text.Json.JsonSerializerOptions?)null),
                json => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json, (System.Text.Json.JsonSerializerOptions?)null) ?? new(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    a => a.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    a => new Dictionary<string, string>(a)))
            .HasDefaultValueSql("'{}'");
        builder.Property(p => p.Email).HasMaxLength(ParticipantContacts.MaxEmailLength);
        builder.Property(p => p.Language).HasMaxLength(8).HasDefaultValue(MessageLanguages.Swedish);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.ProtectedToken).HasMaxLength(500);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.WaveId, i.RevokedAt, i.ParticipantId });
        builder.HasOne(i => i.Wave).WithMany().HasForeignKey(i => i.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Participant).WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        // One response per invitation: the database, not the page, guarantees it.
        builder.HasIndex(r => r.InvitationId).IsUnique();
        builder.HasIndex(r => new { r.WaveId, r.SubmittedAt, r.ParticipantId });
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Invitation).WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Wave>().WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(64);
        // Covers the distribution queries: a wave's GROUP BY question, item, code reads one index range.
        builder.HasIndex(a => new { a.WaveId, a.QuestionId, a.ItemId, a.Code, a.ParticipantId, a.ResponseId });
        builder.HasOne<Wave>().WithMany().HasForeignKey(a => a.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ResponseId);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.QuestionId, c.Name }).IsUnique();
        builder.HasOne<Question>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerCategoryConfiguration : IEntityTypeConfiguration<AnswerCategory>
{
    public void Configure(EntityTypeBuilder<AnswerCategory> builder)
    {
        builder.HasKey(c => new { c.AnswerId, c.CategoryId });
        builder.HasIndex(c => c.CategoryId);
        builder.HasOne<Answer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
