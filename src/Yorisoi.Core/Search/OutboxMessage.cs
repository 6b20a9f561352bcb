using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Search;

public static class OutboxTopics
{
    /// <summary>A case or one of its parts (handling log, keywords, shares) changed; the entity id is the case's.</summary>
    public const string Case = "case";
}

/// <summary>
/// One change to follow, written in the same transaction as the change itself (transactional outbox), so whatever is
/// committed is announced and nothing that was rolled back is. It names what changed, never the values: whoever
/// reads it re-reads the current state, so reading one twice is harmless.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public required string Topic { get; set; }

    public Guid EntityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Topic).HasMaxLength(32);
        builder.HasIndex(m => m.CreatedAt);
    }
}
