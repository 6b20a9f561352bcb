using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Knowledge;

public enum SearchSurface
{
    Portal = 0,
    /// <summary>FAQ search on staff screens.</summary>
    Staff = 1,

    /// <summary>Case search (staff); what was opened is a case.</summary>
    Cases = 2,
}

/// <summary>
/// One search as typed on the portal or a staff screen, screened for personal data before it is stored.
/// No user, session or address is kept: the log says what people look for, never who.
/// </summary>
public class SearchLogEntry
{
    public const int QueryMaxLength = 200;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public SearchSurface Surface { get; set; }

    /// <summary>Normalised (NFKC, spaces collapsed, lower case) and masked (〔電話番号〕 …).</summary>
    public required string Query { get; set; }

    public int ResultCount { get; set; }

    public string? OpenedEntryId { get; set; }

    public Guid? OpenedCaseId { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Set when the entry opened from this search was rated 「役に立たなかった」.</summary>
    public bool RatedUnhelpful { get; set; }
}

public sealed class SearchLogEntryConfiguration : IEntityTypeConfiguration<SearchLogEntry>
{
    public void Configure(EntityTypeBuilder<SearchLogEntry> builder)
    {
        builder.ToTable("search_log");
        builder.Property(s => s.Query).HasMaxLength(SearchLogEntry.QueryMaxLength);
        builder.Property(s => s.OpenedEntryId).HasMaxLength(FaqEntry.IdMaxLength);
        builder.HasIndex(s => new { s.At, s.Query });
    }
}
