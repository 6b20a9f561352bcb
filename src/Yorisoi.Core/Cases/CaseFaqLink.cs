using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yorisoi.Core.Knowledge;

namespace Yorisoi.Core.Cases;

/// <summary>
/// A knowledge-base entry a counselor used for a case (from the FAQ candidates beside the form or the case page).
/// The links are how the knowledge base learns which entries help in practice: editors see them counted per entry.
/// </summary>
public class CaseFaqLink
{
    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    public required string EntryId { get; set; }

    /// <summary>The entry's live version when it was linked, so a later rewrite does not change what was relied on.</summary>
    public int EntryVersion { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public Guid? LinkedById { get; set; }
}

public sealed class CaseFaqLinkConfiguration : IEntityTypeConfiguration<CaseFaqLink>
{
    public void Configure(EntityTypeBuilder<CaseFaqLink> builder)
    {
        builder.ToTable("case_faq_links");
        builder.HasKey(l => new { l.CaseId, l.EntryId });
        builder.Property(l => l.EntryId).HasMaxLength(FaqEntry.IdMaxLength);
        builder.HasOne(l => l.Case).WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.EntryId);
    }
}
