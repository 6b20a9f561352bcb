using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.CodeLists;

/// <summary>
/// The code lists copied into the database at start-up, so that SQL reports and analysts' tools
/// can join names to the codes on case records. The data files in the repository stay the source.
/// </summary>
public class CodeItemRow
{
    public required string Version { get; set; }

    public required string List { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }

    public required string Path { get; set; }

    public int Depth { get; set; }
}

public sealed class CodeItemRowConfiguration : IEntityTypeConfiguration<CodeItemRow>
{
    public void Configure(EntityTypeBuilder<CodeItemRow> builder)
    {
        builder.ToTable("code_items");
        builder.HasKey(c => new { c.Version, c.List, c.Code });
        builder.Property(c => c.Version).HasMaxLength(16);
        builder.Property(c => c.List).HasMaxLength(32);
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ParentCode).HasMaxLength(16);
        builder.Property(c => c.Path).HasMaxLength(400);
    }
}
