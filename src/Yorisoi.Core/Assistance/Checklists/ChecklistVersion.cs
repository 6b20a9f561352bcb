using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yorisoi.Core.Knowledge;

namespace Yorisoi.Core.Assistance.Checklists;

/// <summary>A version is edited while it is a draft (作成中); once published (公開) it never changes again.</summary>
public enum ChecklistVersionState
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// One version of the whole checklist catalog: the validated document as JSON, its label, and who made and published
/// it. The current catalog is the published version with the highest <see cref="PublicationNumber"/>; while there is
/// none, the shipped file is. Published rows are frozen by database triggers (both providers) and never deleted, so
/// the version a case was shown stays readable.
/// </summary>
public class ChecklistVersion
{
    public const int NameMaxLength = 256;
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }

    public required string Label { get; set; }

    public ChecklistVersionState State { get; set; }

    /// <summary>The catalog as <see cref="ChecklistDocument"/> JSON, validated on every save.</summary>
    public required string Document { get; set; }

    /// <summary>What changed and why, written by the editor and completed by the approver at publication.</summary>
    public string? Note { get; set; }

    /// <summary>The version the draft was started from; null when it was started from the shipped file.</summary>
    public long? BasedOnId { get; set; }

    /// <summary>Label of that version (or of the shipped file), kept for the difference view and the history.</summary>
    public string? BasedOnLabel { get; set; }

    /// <summary>Counts the draft's saves: a save that names an older revision was made over someone else's and is refused.</summary>
    public int Revision { get; set; }

    /// <summary>1, 2, 3 … in order of publication (unique); null for a draft.</summary>
    public int? PublicationNumber { get; set; }

    /// <summary>Everyone who created or saved the draft: none of them may publish it (four eyes, as for FAQ entries).</summary>
    public string[] Contributors { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }

    public required string UpdatedByName { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public Guid? PublishedById { get; set; }

    public string? PublishedByName { get; set; }
}

public sealed class ChecklistVersionConfiguration : IEntityTypeConfiguration<ChecklistVersion>
{
    public void Configure(EntityTypeBuilder<ChecklistVersion> builder)
    {
        builder.ToTable("checklist_versions");
        builder.Property(v => v.Label).HasMaxLength(ChecklistValidator.LabelMaxLength);
        builder.Property(v => v.BasedOnLabel).HasMaxLength(ChecklistValidator.LabelMaxLength);
        builder.Property(v => v.Note).HasMaxLength(ChecklistVersion.NoteMaxLength);
        builder.Property(v => v.CreatedByName).HasMaxLength(ChecklistVersion.NameMaxLength);
        builder.Property(v => v.UpdatedByName).HasMaxLength(ChecklistVersion.NameMaxLength);
        builder.Property(v => v.PublishedByName).HasMaxLength(ChecklistVersion.NameMaxLength);
        builder.Property(v => v.Revision).IsConcurrencyToken();
        StringArrayStorage.Configure(builder.Property(v => v.Contributors));
        builder.HasIndex(v => v.Label).IsUnique();

        // Two approvers publishing at once both compute the next number; the second insert of it fails instead of
        // leaving two versions that each claim to be current.
        builder.HasIndex(v => v.PublicationNumber).IsUnique();
    }
}

/// <summary>
/// The database's own guard for checklist versions, whoever is connected (the owner role included): a published
/// version is never updated, and no version is deleted or truncated. Drafts stay editable. Called from the migrations
/// of both providers.
/// </summary>
public static class ChecklistVersionSql
{
    public const string Table = "checklist_versions";

    public const string PostgresUp = """
        CREATE FUNCTION yorisoi_checklist_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'table % is append-only: versions are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF OLD.state = 1 THEN
                RAISE EXCEPTION 'table % is append-only: a published version never changes', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER checklist_versions_guard BEFORE UPDATE OR DELETE ON checklist_versions
            FOR EACH ROW EXECUTE FUNCTION yorisoi_checklist_version_guard();
        CREATE TRIGGER checklist_versions_no_truncate BEFORE TRUNCATE ON checklist_versions
            FOR EACH STATEMENT EXECUTE FUNCTION yorisoi_reject_change();
        """;

    public const string PostgresDown = """
        DROP TRIGGER checklist_versions_no_truncate ON checklist_versions;
        DROP TRIGGER checklist_versions_guard ON checklist_versions;
        DROP FUNCTION yorisoi_checklist_version_guard();
        """;

    /// <summary>One statement each: SQLite's trigger bodies hold semicolons of their own.</summary>
    public static IReadOnlyList<string> SqliteUp { get; } =
    [
        "CREATE TRIGGER checklist_versions_published_frozen BEFORE UPDATE ON checklist_versions WHEN OLD.state = 1 BEGIN SELECT RAISE(ABORT, 'checklist_versions is append-only: a published version never changes'); END;",
        "CREATE TRIGGER checklist_versions_no_delete BEFORE DELETE ON checklist_versions BEGIN SELECT RAISE(ABORT, 'checklist_versions is append-only: versions are never deleted'); END;",
    ];

    public static IReadOnlyList<string> SqliteDown { get; } = ["DROP TRIGGER checklist_versions_no_delete;", "DROP TRIGGER checklist_versions_published_frozen;"];
}
