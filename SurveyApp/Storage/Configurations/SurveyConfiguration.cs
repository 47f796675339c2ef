using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyApp.Domain;

namespace SurveyApp.Storage.Configurations;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.HasIndex(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.Ignore(s => s.Questions);
        // Surveys stored before versions existed are first versions.
        builder.Property(s => s.Version).HasDefaultValue(1).HasSentinel(1);
        builder.HasOne<Survey>().WithMany().HasForeignKey(s => s.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Sections).WithOne().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Scales).WithOne().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.HasIndex(s => new { s.SurveyId, s.Key }).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleConfiguration : IEntityTypeConfiguration<Scale>
{
    public void Configure(EntityTypeBuilder<Scale> builder)
    {
        builder.HasIndex(s => new { s.SurveyId, s.Key }).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.ScaleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.OffScaleOptions).WithOne().HasForeignKey(o => o.ScaleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleStepConfiguration : IEntityTypeConfiguration<ScaleStep>
{
    public void Configure(EntityTypeBuilder<ScaleStep> builder)
    {
        builder.Ignore(s => s.Code);
        builder.HasIndex(s => new { s.ScaleId, s.Value }).IsUnique();
    }
}

internal sealed class ScaleOffScaleOptionConfiguration : IEntityTypeConfiguration<ScaleOffScaleOption>
{
    public void Configure(EntityTypeBuilder<ScaleOffScaleOption> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.HasIndex(o => new { o.ScaleId, o.Code }).IsUnique();
    }
}
