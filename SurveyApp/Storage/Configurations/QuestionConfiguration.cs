using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyApp.Domain;

namespace SurveyApp.Storage.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Key).HasMaxLength(64);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.ConditionQuestionKey).HasMaxLength(64);
        builder.HasOne(q => q.Scale).WithMany().HasForeignKey(q => q.ScaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Items).WithOne().HasForeignKey(i => i.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionItemConfiguration : IEntityTypeConfiguration<QuestionItem>
{
    public void Configure(EntityTypeBuilder<QuestionItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.HasIndex(i => new { i.QuestionId, i.Code }).IsUnique();
    }
}

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
    }
}
