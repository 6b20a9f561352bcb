using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Centers;

public enum LocalGovernmentKind
{
    Prefecture = 1,
    Municipality = 2,
    Ward = 3,
}

/// <summary>A prefecture, municipality or designated-city ward (全国地方公共団体コード).</summary>
public class LocalGovernment
{
    /// <summary>5-digit code without the check digit; the key used on case records.</summary>
    public required string Code { get; set; }

    public required string Code6 { get; set; }

    public LocalGovernmentKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Reading { get; set; }

    /// <summary>5-digit code of the prefecture.</summary>
    public required string PrefectureCode { get; set; }

    /// <summary>5-digit code of the parent (the city, for a ward; the prefecture otherwise).</summary>
    public string? ParentCode { get; set; }
}

public sealed class LocalGovernmentConfiguration : IEntityTypeConfiguration<LocalGovernment>
{
    public void Configure(EntityTypeBuilder<LocalGovernment> builder)
    {
        builder.ToTable("local_governments");
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(5);
        builder.Property(g => g.Code6).HasMaxLength(6);
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.Reading).HasMaxLength(200);
        builder.Property(g => g.PrefectureCode).HasMaxLength(5);
        builder.Property(g => g.ParentCode).HasMaxLength(5);
        builder.HasIndex(g => g.PrefectureCode);
    }
}
