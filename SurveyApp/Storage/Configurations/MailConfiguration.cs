using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SurveyApp.Domain;

namespace SurveyApp.Storage.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    // The sender compares these times in the database (due, lease expired). SQLite cannot compare a
    // DateTimeOffset, so on both engines they are stored as milliseconds since 1970 (UTC), which compare as the times do.
    private static readonly ValueConverter<DateTimeOffset, long> Milliseconds =
        new(t => t.ToUnixTimeMilliseconds(), ms => DateTimeOffset.FromUnixTimeMilliseconds(ms));

    private static readonly ValueConverter<DateTimeOffset?, long?> OptionalMilliseconds =
        new(t => t.HasValue ? t.Value.ToUnixTimeMilliseconds() : null, ms => ms.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value) : null);

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Recipients).HasMaxLength(ParticipantContacts.MaxEmailLength);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        builder.Property(m => m.Error).HasMaxLength(1000);
        builder.Property(m => m.DueAt).HasConversion(Milliseconds);
        builder.Property(m => m.ClaimedUntil).HasConversion(OptionalMilliseconds);
        // The sender looks for due queued messages and for expired claims.
        builder.HasIndex(m => new { m.State, m.DueAt });
        builder.HasIndex(m => new { m.InvitationId, m.Id });
        builder.HasIndex(m => m.WaveId);
        builder.HasOne(m => m.Invitation).WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Wave>().WithMany().HasForeignKey(m => m.WaveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WaveMessageTextConfiguration : IEntityTypeConfiguration<WaveMessageText>
{
    public void Configure(EntityTypeBuilder<WaveMessageText> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Subject).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(20000);
        builder.HasIndex(t => new { t.WaveId, t.Kind, t.Language }).IsUnique();
        builder.HasOne<Wave>().WithMany().HasForeignKey(t => t.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderScheduleConfiguration : IEntityTypeConfiguration<ReminderSchedule>
{
    public void Configure(EntityTypeBuilder<ReminderSchedule> builder)
    {
        builder.HasKey(s => s.WaveId);
        builder.Property(s => s.DaysBeforeClosing).HasMaxLength(200);
        builder.HasOne<Wave>().WithOne().HasForeignKey<ReminderSchedule>(s => s.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> builder)
    {
        // Whichever app process inserts first queues the reminder; the others fail here and queue nothing.
        builder.HasIndex(r => new { r.WaveId, r.DaysBeforeClosing }).IsUnique();
        builder.HasOne<Wave>().WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}
