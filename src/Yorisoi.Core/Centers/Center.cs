using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Centers;

public enum CenterKind
{
    National = 0,
    Prefectural = 1,
    Municipal = 2,
}

/// <summary>A consumer center (消費生活センター) or consultation desk; every staff user belongs to one.</summary>
public class Center
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short stable code used in receipt numbers, e.g. "13000" for a prefecture, "13101" for a municipality.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public CenterKind Kind { get; set; }

    /// <summary>6-digit 全国地方公共団体コード of the prefecture the center serves.</summary>
    public required string PrefectureCode { get; set; }

    /// <summary>5-digit municipality code for municipal centers.</summary>
    public string? MunicipalityCode { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>Demo centers exist only when demo seeding is on, and say so on screen.</summary>
    public bool IsDemo { get; set; }
}

public sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> builder)
    {
        builder.ToTable("centers");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.PrefectureCode).HasMaxLength(6);
        builder.Property(c => c.MunicipalityCode).HasMaxLength(5);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Address).HasMaxLength(400);
        builder.Property(c => c.OpeningHours).HasMaxLength(400);
    }
}
