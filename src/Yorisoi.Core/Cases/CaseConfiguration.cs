using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.ReceiptNumber).HasMaxLength(32);
        builder.Property(c => c.ChannelCode).HasMaxLength(16);
        builder.Property(c => c.CodeListVersion).HasMaxLength(16);
        builder.Property(c => c.RelationshipCode).HasMaxLength(16);
        builder.Property(c => c.ConsumerRequestCode).HasMaxLength(16);
        builder.Property(c => c.ConsumerRequestNote).HasMaxLength(CaseLimits.NoteLength);
        builder.Property(c => c.Summary).HasMaxLength(CaseLimits.SummaryLength);
        builder.Property(c => c.ProductCode).HasMaxLength(16);
        builder.Property(c => c.SalesFormCode).HasMaxLength(16);
        builder.Property(c => c.PaymentMethodCode).HasMaxLength(16);
        builder.Property(c => c.HarmCode).HasMaxLength(16);
        builder.Property(c => c.ResultCode).HasMaxLength(16);
        builder.Property(c => c.ReturnComment).HasMaxLength(CaseLimits.NoteLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.OwnsOne(c => c.Consultant, ConfigureParty);
        builder.OwnsOne(c => c.ContractParty, ConfigureParty);
        builder.OwnsOne(c => c.Business, b =>
        {
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.NameKana).HasMaxLength(200);
            b.Property(x => x.NameFolded).HasMaxLength(200);
            b.Property(x => x.Address).HasMaxLength(400);
            b.Property(x => x.Phone).HasMaxLength(32);
            b.Property(x => x.Url).HasMaxLength(CaseLimits.UrlLength);
            b.Property(x => x.CorporateNumber).HasMaxLength(13);
            b.HasIndex(x => x.CorporateNumber);
        });
        builder.Navigation(c => c.Consultant).IsRequired();
        builder.Navigation(c => c.ContractParty).IsRequired();
        builder.Navigation(c => c.Business).IsRequired();

        builder.HasMany(c => c.Keywords).WithOne().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.HandlingLog).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Shares).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The list screens filter one center by status and date, newest first; these indexes serve them
        // without touching other centers' rows. Id completes the list's sort key (received_at, id), and with it
        // in the index the count and the center filter (which reads Id) need no table access (index-only scan).
        builder.HasIndex(c => new { c.CenterId, c.Status, c.ReceivedAt, c.Id });
        builder.HasIndex(c => new { c.CenterId, c.ReceivedAt, c.Id });
        builder.HasIndex(c => new { c.CenterId, c.ProductCode, c.ReceivedAt });
        builder.HasIndex(c => new { c.CenterId, c.SalesFormCode, c.ReceivedAt });
        builder.HasIndex(c => new { c.CenterId, c.AssigneeId, c.ReceivedAt });
        builder.HasIndex(c => new { c.CenterId, c.FiscalYear, c.ReceiptSequence }).IsUnique();
        builder.HasIndex(c => new { c.CenterId, c.ClientRequestId }).IsUnique();
    }

    private static void ConfigureParty<TOwner>(OwnedNavigationBuilder<TOwner, Party> party)
        where TOwner : class
    {
        // Encrypted values are longer than the plaintext (nonce, tag, base64), so limits are on input, not columns.
        party.Property(p => p.PhoneHash).HasMaxLength(64);
        party.Property(p => p.AgeBandCode).HasMaxLength(16);
        party.Property(p => p.GenderCode).HasMaxLength(16);
        party.Property(p => p.OccupationCode).HasMaxLength(16);
        party.Property(p => p.MunicipalityCode).HasMaxLength(5);
        party.HasIndex(p => p.PhoneHash);
    }
}

public sealed class CaseKeywordConfiguration : IEntityTypeConfiguration<CaseKeyword>
{
    public void Configure(EntityTypeBuilder<CaseKeyword> builder)
    {
        builder.ToTable("case_keywords");
        builder.HasKey(k => new { k.CaseId, k.Code });
        builder.Property(k => k.Code).HasMaxLength(16);
    }
}

public sealed class HandlingLogEntryConfiguration : IEntityTypeConfiguration<HandlingLogEntry>
{
    public void Configure(EntityTypeBuilder<HandlingLogEntry> builder)
    {
        builder.ToTable("handling_log_entries");
        builder.Property(e => e.MethodCode).HasMaxLength(16);
        builder.Property(e => e.CounterpartCode).HasMaxLength(16);
        builder.Property(e => e.CounterpartName).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(CaseLimits.LogTextLength);
        builder.Property(e => e.CreatedByName).HasMaxLength(256);
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt });
    }
}

public sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> builder)
    {
        builder.ToTable("case_shares");
        builder.HasKey(s => new { s.CaseId, s.CenterId });
        builder.Property(s => s.Reason).HasMaxLength(CaseLimits.NoteLength);
        builder.HasIndex(s => s.CenterId);
    }
}

public sealed class CaseChangeConfiguration : IEntityTypeConfiguration<CaseChange>
{
    public void Configure(EntityTypeBuilder<CaseChange> builder)
    {
        builder.ToTable("case_changes");
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Comment).HasMaxLength(CaseLimits.NoteLength);
        builder.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CaseId, c.At });
    }
}

public sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> builder)
    {
        builder.ToTable("receipt_counters");
        builder.HasKey(r => new { r.CenterId, r.FiscalYear });
    }
}

/// <summary>Input limits, shared by validation and the schema.</summary>
public static class CaseLimits
{
    public const int SummaryLength = 20_000;
    public const int NoteLength = 4_000;
    public const int LogTextLength = 20_000;
    public const int UrlLength = 2_000;
    public const int NameLength = 100;
    public const int AddressLength = 400;
    public const int EmailLength = 254;
    public const int ContactNoteLength = 2_000;
    public const int BusinessNameLength = 200;
    public const long MaxAmount = 100_000_000_000;
}
