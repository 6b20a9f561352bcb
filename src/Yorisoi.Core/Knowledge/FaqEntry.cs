using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Yorisoi.Core.Centers;

namespace Yorisoi.Core.Knowledge;

/// <summary>Public entries are for consumers on the portal; internal ones are counselors' notes.</summary>
public enum FaqAudience
{
    Public = 0,
    Internal = 1,
}

/// <summary>
/// The life of one version: 作成中 → 確認待ち → 承認済み → 公開中, then 公開終了 (retired) or
/// 旧版 (superseded by a newer published version).
/// </summary>
public enum FaqVersionState
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
    Published = 3,
    Retired = 4,
    Superseded = 5,
}

/// <summary>
/// One knowledge-base entry (FAQ) under a stable slug. Its content lives in <see cref="FaqEntryVersion"/>s; the entry
/// holds who owns it and what the live version shows, because visibility is decided on these fields.
/// </summary>
public class FaqEntry
{
    public const int IdMaxLength = 80;

    /// <summary>Stable slug such as "teiki-kounyu-kaiyaku"; used in URLs, links between entries and the search index.</summary>
    public required string Id { get; set; }

    /// <summary>Null for the national knowledge base (国民生活センター); a center's id for its local internal entries.</summary>
    public Guid? OwnerCenterId { get; set; }

    public Center? OwnerCenter { get; set; }

    /// <summary>Audience of the live version (or of the first draft before anything is published).</summary>
    public FaqAudience Audience { get; set; }

    public required string Category { get; set; }

    /// <summary>Number of the version the public or the staff see; null until the first publication.</summary>
    public int? PublishedVersion { get; set; }

    public bool IsRetired { get; set; }

    public int LatestVersion { get; set; }

    /// <summary>Review-due date of the live version (of the draft before the first publication).</summary>
    public DateOnly? ReviewDue { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<FaqEntryVersion> Versions { get; set; } = [];

    public bool IsNational => OwnerCenterId is null;
}

public class FaqEntryVersion
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    public FaqEntry? Entry { get; set; }

    public int Number { get; set; }

    public FaqVersionState State { get; set; }

    public FaqAudience Audience { get; set; }

    public required string Category { get; set; }

    public required string Question { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>The answer as Markdown; rendered and sanitised on the way out (<see cref="FaqMarkdown"/>).</summary>
    public required string Answer { get; set; }

    public string[] Products { get; set; } = [];

    public string[] Keywords { get; set; } = [];

    public string[] SalesForms { get; set; } = [];

    public string[] Laws { get; set; } = [];

    public string[] Related { get; set; } = [];

    public DateOnly? ReviewDue { get; set; }

    public Guid? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public Guid? ApproverId { get; set; }

    public string? ApproverName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }
}

public static class FaqHistoryActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Published = "published";
    public const string Superseded = "superseded";
    public const string Retired = "retired";
    public const string Restored = "restored";
    public const string Imported = "imported";
}

/// <summary>Who did what to which version, in order; append-only like the case history.</summary>
public class FaqHistoryEntry
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    public FaqEntry? Entry { get; set; }

    public int Version { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public required string UserName { get; set; }

    public required string Action { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A 「役に立ちましたか」 answer. Holds no personal data: no user, no address, and a screened comment.</summary>
public class FaqFeedback
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    public FaqEntry? Entry { get; set; }

    public int Version { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    /// <summary>The search that led to the page, when the portal passes it on; links satisfaction to queries.</summary>
    public long? SearchLogId { get; set; }
}

/// <summary>Page views per entry, version and day (Japan time); counters, never single visits.</summary>
public class FaqViewCount
{
    public required string EntryId { get; set; }

    public FaqEntry? Entry { get; set; }

    public int Version { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }
}

internal static class StringArrayStorage
{
    // Lists are small and read whole, so one JSON column beats a join table per list.
    public static readonly ValueConverter<string[], string> Converter = new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<string[]>(v, (JsonSerializerOptions?)null) ?? Array.Empty<string>());

    public static readonly ValueComparer<string[]> Comparer = new(
        (a, b) => (a ?? Array.Empty<string>()).SequenceEqual(b ?? Array.Empty<string>()),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        v => v.ToArray());

    public static void Configure(PropertyBuilder<string[]> property) =>
        property.HasConversion(Converter, Comparer).HasMaxLength(4000);
}

public sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> builder)
    {
        builder.ToTable("faq_entries");
        builder.Property(e => e.Id).HasMaxLength(FaqEntry.IdMaxLength);
        builder.Property(e => e.Category).HasMaxLength(64);
        builder.HasOne(e => e.OwnerCenter).WithMany().HasForeignKey(e => e.OwnerCenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Versions).WithOne(v => v.Entry).HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OwnerCenterId, e.Category });
        builder.HasIndex(e => e.ReviewDue);
        builder.Ignore(e => e.IsNational);
    }
}

public sealed class FaqEntryVersionConfiguration : IEntityTypeConfiguration<FaqEntryVersion>
{
    public void Configure(EntityTypeBuilder<FaqEntryVersion> builder)
    {
        builder.ToTable("faq_entry_versions");
        builder.HasIndex(v => new { v.EntryId, v.Number }).IsUnique();
        builder.Property(v => v.Category).HasMaxLength(64);
        builder.Property(v => v.Question).HasMaxLength(FaqRules.QuestionMaxLength);
        builder.Property(v => v.Summary).HasMaxLength(FaqRules.SummaryMaxLength);
        builder.Property(v => v.Answer).HasMaxLength(FaqRules.AnswerMaxLength);
        builder.Property(v => v.AuthorName).HasMaxLength(100);
        builder.Property(v => v.ApproverName).HasMaxLength(100);
        StringArrayStorage.Configure(builder.Property(v => v.Products));
        StringArrayStorage.Configure(builder.Property(v => v.Keywords));
        StringArrayStorage.Configure(builder.Property(v => v.SalesForms));
        StringArrayStorage.Configure(builder.Property(v => v.Laws));
        StringArrayStorage.Configure(builder.Property(v => v.Related));
    }
}

public sealed class FaqHistoryEntryConfiguration : IEntityTypeConfiguration<FaqHistoryEntry>
{
    public void Configure(EntityTypeBuilder<FaqHistoryEntry> builder)
    {
        builder.ToTable("faq_history");
        builder.HasOne(h => h.Entry).WithMany().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.UserName).HasMaxLength(256);
        builder.Property(h => h.Action).HasMaxLength(32);
        builder.Property(h => h.Comment).HasMaxLength(1000);
        builder.HasIndex(h => new { h.EntryId, h.Version, h.At });
    }
}

public sealed class FaqFeedbackConfiguration : IEntityTypeConfiguration<FaqFeedback>
{
    public void Configure(EntityTypeBuilder<FaqFeedback> builder)
    {
        builder.ToTable("faq_feedback");
        builder.HasOne(f => f.Entry).WithMany().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Comment).HasMaxLength(FaqRules.CommentMaxLength);
        builder.HasIndex(f => new { f.EntryId, f.Version });
    }
}

public sealed class FaqViewCountConfiguration : IEntityTypeConfiguration<FaqViewCount>
{
    public void Configure(EntityTypeBuilder<FaqViewCount> builder)
    {
        builder.ToTable("faq_view_counts");
        builder.HasKey(v => new { v.EntryId, v.Version, v.Day });
        builder.HasOne(v => v.Entry).WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
