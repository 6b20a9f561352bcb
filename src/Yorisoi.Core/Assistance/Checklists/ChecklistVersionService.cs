using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Assistance.Checklists;

public sealed record ChecklistVersionSummary(
    long Id, string Label, ChecklistVersionState State, bool IsCurrent, string? Note, long? BasedOnId, string? BasedOnLabel, int Revision,
    int? PublicationNumber, string CreatedByName, DateTimeOffset CreatedAt, string UpdatedByName, DateTimeOffset UpdatedAt,
    string? PublishedByName, DateTimeOffset? PublishedAt);

/// <param name="CurrentVersion">Label of the catalog in use.</param>
/// <param name="CurrentId">Its database id; null while the shipped file is in use.</param>
/// <param name="ShippedVersion">Label of the file shipped in the repository (in use while nothing is published).</param>
/// <param name="Versions">Every version in the database, newest first.</param>
public sealed record ChecklistVersionList(string CurrentVersion, long? CurrentId, string ShippedVersion, IReadOnlyList<ChecklistVersionSummary> Versions);

/// <param name="Changes">The difference from the previous version: the previous publication for a published version, the version it was started from for a draft.</param>
/// <param name="Actions">What the user may do with it now ("edit", "publish"); screens show only these.</param>
public sealed record ChecklistVersionDetail(ChecklistVersionSummary Version, ChecklistDocument Document, ChecklistChanges Changes, IReadOnlyList<string> Actions);

/// <param name="Version">Label of the catalog in use.</param>
/// <param name="VersionId">Its database id; null for the shipped file.</param>
public sealed record ChecklistCurrent(string Version, long? VersionId, ChecklistDocument Document);

public static class ChecklistActions
{
    public const string Edit = "edit";
    public const string Publish = "publish";
}

public static class ChecklistAuditActions
{
    public const string Created = "checklist.created";
    public const string Edited = "checklist.edited";
    public const string Published = "checklist.published";
}

/// <summary>
/// The editors' side of the checklists (Q出し): drafts of the whole catalog, started from the version in use, edited and
/// validated, then published by an approver. The roles are the knowledge base's: FAQ editors draft and FAQ approvers
/// publish, and as the catalog is national (one for every center), only those of the national center, as for national
/// FAQ entries. Whoever wrote a draft may not publish it. Every step is in the audit records.
/// </summary>
public sealed class ChecklistVersionService(YorisoiDbContext db, CodeListCatalog codes, ChecklistLibrary library, TimeProvider clock)
{
    private const string DocumentPrefix = "Document.";

    private bool? _atNationalCenter;

    private DbSet<ChecklistVersion> Versions => db.Set<ChecklistVersion>();

    public async Task<ChecklistCurrent> CurrentAsync(CancellationToken ct = default)
    {
        var (catalog, id) = await library.CurrentVersionAsync(ct);
        return new ChecklistCurrent(catalog.Version, id, ChecklistDocument.From(catalog));
    }

    public async Task<ChecklistVersionList> ListAsync(CancellationToken ct = default)
    {
        var (catalog, currentId) = await library.CurrentVersionAsync(ct);
        var rows = await Versions.AsNoTracking().OrderByDescending(v => v.Id).ToListAsync(ct);
        return new ChecklistVersionList(catalog.Version, currentId, ChecklistLibrary.Shipped.Version, rows.Select(r => Summary(r, currentId)).ToList());
    }

    public async Task<ChecklistVersionDetail?> GetAsync(long id, KnowledgeRights rights, CancellationToken ct = default)
    {
        var version = await Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null)
        {
            return null;
        }

        var (_, currentId) = await library.CurrentVersionAsync(ct);
        var document = ChecklistDocument.FromJson(version.Document);
        var previous = await PreviousAsync(version, ct);
        return new ChecklistVersionDetail(
            Summary(version, currentId), document, ChecklistDiff.Compare(previous, document.ToCatalog()), await ActionsAsync(version, rights, ct));
    }

    /// <summary>
    /// Starts a draft from the version in use: <paramref name="document"/> as given (an import), or, when null, a copy of
    /// the version in use under the next free label.
    /// </summary>
    public async Task<Outcome<ChecklistVersionDetail>> CreateDraftAsync(ChecklistDocument? document, string? note, KnowledgeRights rights, CancellationToken ct = default)
    {
        if (await RefusedAsync(rights.IsEditor, "Checklist.EditorsOnly", ct) is { } refused)
        {
            return refused;
        }

        var (current, currentId) = await library.CurrentVersionAsync(ct);
        document ??= ChecklistDocument.From(current);
        if (string.IsNullOrWhiteSpace(document.Version) || document.Version.Trim() == current.Version)
        {
            document.Version = await NextLabelAsync(current.Version, ct);
        }

        var errors = await ValidateAsync(document, note, null, ct);
        if (!errors.IsValid)
        {
            return Outcome<ChecklistVersionDetail>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var version = new ChecklistVersion
        {
            Label = document.Version!,
            State = ChecklistVersionState.Draft,
            Document = document.ToJson(),
            Note = Clean(note),
            BasedOnId = currentId,
            BasedOnLabel = current.Version,
            Revision = 1,
            Contributors = [Contributor()],
            CreatedAt = now,
            CreatedById = db.Scope.UserId,
            CreatedByName = db.Scope.UserName ?? "",
            UpdatedAt = now,
            UpdatedById = db.Scope.UserId,
            UpdatedByName = db.Scope.UserName ?? "",
        };
        Versions.Add(version);
        Audit(ChecklistAuditActions.Created, version, now);
        if (!await SaveAsync(ct))
        {
            return Conflict(Messages.Format("Checklist.LabelTaken", version.Label));
        }

        return new Outcome<ChecklistVersionDetail>(OutcomeKind.Created, await GetAsync(version.Id, rights, ct));
    }

    /// <summary>Saves a draft's new content; <paramref name="revision"/>, when given, must be the one the editor loaded.</summary>
    public async Task<Outcome<ChecklistVersionDetail>> UpdateDraftAsync(
        long id, int? revision, ChecklistDocument document, string? note, KnowledgeRights rights, CancellationToken ct = default)
    {
        if (await RefusedAsync(rights.IsEditor, "Checklist.EditorsOnly", ct) is { } refused)
        {
            return refused;
        }

        var version = await Versions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null)
        {
            return Outcome<ChecklistVersionDetail>.NotFound();
        }

        if (version.State != ChecklistVersionState.Draft)
        {
            return Conflict(Messages.Get("Checklist.PublishedIsFrozen"));
        }

        if (revision is { } expected && expected != version.Revision)
        {
            return Conflict(Messages.Get("Checklist.RevisionChanged"));
        }

        var errors = await ValidateAsync(document, note, version.Id, ct);
        if (!errors.IsValid)
        {
            return Outcome<ChecklistVersionDetail>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        version.Label = document.Version!;
        version.Document = document.ToJson();
        version.Note = Clean(note);
        version.Revision++;
        version.Contributors = [.. version.Contributors.Append(Contributor()).Distinct(StringComparer.Ordinal)];
        version.UpdatedAt = now;
        version.UpdatedById = db.Scope.UserId;
        version.UpdatedByName = db.Scope.UserName ?? "";
        Audit(ChecklistAuditActions.Edited, version, now);
        if (!await SaveAsync(ct))
        {
            return Conflict(Messages.Get("Checklist.RevisionChanged"));
        }

        return new Outcome<ChecklistVersionDetail>(OutcomeKind.Ok, await GetAsync(version.Id, rights, ct));
    }

    /// <summary>Makes a draft the catalog in use on every host, with the approver's note on what changed.</summary>
    public async Task<Outcome<ChecklistVersionDetail>> PublishAsync(long id, string? note, KnowledgeRights rights, CancellationToken ct = default)
    {
        if (await RefusedAsync(rights.IsApprover, "Checklist.ApproversOnly", ct) is { } refused)
        {
            return refused;
        }

        var version = await Versions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null)
        {
            return Outcome<ChecklistVersionDetail>.NotFound();
        }

        note = Clean(note);
        if (string.IsNullOrEmpty(note))
        {
            return Outcome<ChecklistVersionDetail>.Invalid("Note", Messages.Get("Checklist.NoteRequired"));
        }

        if (note.Length > ChecklistVersion.NoteMaxLength)
        {
            return Outcome<ChecklistVersionDetail>.Invalid("Note", Messages.Format("Checklist.NoteTooLong", ChecklistVersion.NoteMaxLength));
        }

        if (version.State != ChecklistVersionState.Draft)
        {
            return Conflict(Messages.Get("Checklist.AlreadyPublished"));
        }

        if (version.Contributors.Contains(Contributor(), StringComparer.Ordinal))
        {
            return Conflict(Messages.Get("Checklist.AuthorCannotPublish"));
        }

        // A draft made from an older version would silently undo what was published since.
        var (current, _) = await library.CurrentVersionAsync(ct);
        var newest = await Versions.AsNoTracking().Where(v => v.State == ChecklistVersionState.Published)
            .OrderByDescending(v => v.PublicationNumber).Select(v => new { v.Id, v.Label, v.PublicationNumber }).FirstOrDefaultAsync(ct);
        if (newest?.Id != version.BasedOnId)
        {
            return Conflict(Messages.Format("Checklist.StaleBase", version.BasedOnLabel ?? current.Version, newest?.Label ?? current.Version));
        }

        // The code lists may have changed since the draft was saved: what goes live is checked against today's.
        var errors = ChecklistValidator.Validate(ChecklistDocument.FromJson(version.Document), codes.Current, DocumentPrefix);
        if (!errors.IsValid)
        {
            return Outcome<ChecklistVersionDetail>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        version.State = ChecklistVersionState.Published;
        version.PublicationNumber = (newest?.PublicationNumber ?? 0) + 1;
        version.Note = note;
        version.PublishedAt = now;
        version.PublishedById = db.Scope.UserId;
        version.PublishedByName = db.Scope.UserName ?? "";
        Audit(ChecklistAuditActions.Published, version, now);
        if (!await SaveAsync(ct))
        {
            return Conflict(Messages.Get("Checklist.PublishedMeanwhile"));
        }

        library.Invalidate();
        return new Outcome<ChecklistVersionDetail>(OutcomeKind.Ok, await GetAsync(version.Id, rights, ct));
    }

    /// <summary>Whether the user may start drafts at all (a national-center FAQ editor): the list shows its button only then.</summary>
    public async Task<bool> MayEditAsync(KnowledgeRights rights, CancellationToken ct = default) => rights.IsEditor && await AtNationalCenterAsync(ct);

    private async Task<IReadOnlyList<string>> ActionsAsync(ChecklistVersion version, KnowledgeRights rights, CancellationToken ct)
    {
        if (version.State != ChecklistVersionState.Draft || !(rights.IsEditor || rights.IsApprover) || !await AtNationalCenterAsync(ct))
        {
            return [];
        }

        var actions = new List<string>();
        if (rights.IsEditor)
        {
            actions.Add(ChecklistActions.Edit);
        }

        if (rights.IsApprover && !version.Contributors.Contains(Contributor(), StringComparer.Ordinal))
        {
            actions.Add(ChecklistActions.Publish);
        }

        return actions;
    }

    private async Task<ValidationErrors> ValidateAsync(ChecklistDocument document, string? note, long? self, CancellationToken ct)
    {
        var errors = ChecklistValidator.Validate(document, codes.Current, DocumentPrefix);
        if (Clean(note) is { Length: > ChecklistVersion.NoteMaxLength })
        {
            errors.Add("Note", Messages.Format("Checklist.NoteTooLong", ChecklistVersion.NoteMaxLength));
        }

        if (errors.IsValid
            && (document.Version == ChecklistLibrary.Shipped.Version || await Versions.AnyAsync(v => v.Label == document.Version && v.Id != self, ct)))
        {
            errors.Add(DocumentPrefix + "Version", Messages.Format("Checklist.LabelTaken", document.Version!));
        }

        return errors;
    }

    private async Task<ChecklistCatalog> PreviousAsync(ChecklistVersion version, CancellationToken ct)
    {
        var previous = version.PublicationNumber is { } number
            ? await Versions.AsNoTracking().Where(v => v.PublicationNumber == number - 1).Select(v => v.Document).SingleOrDefaultAsync(ct)
            : version.BasedOnId is { } basedOn
                ? await Versions.AsNoTracking().Where(v => v.Id == basedOn).Select(v => v.Document).SingleOrDefaultAsync(ct)
                : null;
        return previous is null ? ChecklistLibrary.Shipped : ChecklistDocument.FromJson(previous).ToCatalog();
    }

    /// <summary>The next label after <paramref name="label"/> that no version uses: 2026.1 → 2026.2 (→ 2026.3 if taken).</summary>
    private async Task<string> NextLabelAsync(string label, CancellationToken ct)
    {
        var taken = (await Versions.AsNoTracking().Select(v => v.Label).ToListAsync(ct)).Append(ChecklistLibrary.Shipped.Version).ToHashSet(StringComparer.Ordinal);
        var dot = label.LastIndexOf('.');
        var stem = dot >= 0 && int.TryParse(label[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? label[..dot] : label;
        var number = dot >= 0 && int.TryParse(label[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        string next;
        do
        {
            next = string.Create(CultureInfo.InvariantCulture, $"{stem}.{++number}");
        }
        while (taken.Contains(next));

        return next.Length <= ChecklistValidator.LabelMaxLength ? next : string.Create(CultureInfo.InvariantCulture, $"v{number}");
    }

    private async Task<Outcome<ChecklistVersionDetail>?> RefusedAsync(bool hasRole, string roleMessage, CancellationToken ct)
    {
        if (!hasRole)
        {
            return Outcome<ChecklistVersionDetail>.Forbidden(Messages.Get(roleMessage));
        }

        return await AtNationalCenterAsync(ct) ? null : Outcome<ChecklistVersionDetail>.Forbidden(Messages.Get("Checklist.NationalCenterOnly"));
    }

    /// <summary>False when a unique label or publication number, or the draft's revision, was taken by someone else meanwhile.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<bool> AtNationalCenterAsync(CancellationToken ct) =>
        _atNationalCenter ??= db.Scope.CenterId is { } center
            && await db.Centers.AsNoTracking().AnyAsync(c => c.Id == center && c.Kind == CenterKind.National, ct);

    private string Contributor() => db.Scope.UserId?.ToString("D") ?? "";

    private void Audit(string action, ChecklistVersion version, DateTimeOffset now) =>
        db.AuditRecords.Add(new AuditRecord
        {
            At = now,
            UserId = db.Scope.UserId,
            UserName = db.Scope.UserName,
            CenterId = db.Scope.CenterId,
            Action = action,
            Detail = $"checklists {version.Label} r{version.Revision}",
        });

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static Outcome<ChecklistVersionDetail> Conflict(string message) => new(OutcomeKind.Conflict, Message: message);

    private static ChecklistVersionSummary Summary(ChecklistVersion v, long? currentId) => new(
        v.Id, v.Label, v.State, v.Id == currentId, v.Note, v.BasedOnId, v.BasedOnLabel, v.Revision, v.PublicationNumber, v.CreatedByName, v.CreatedAt,
        v.UpdatedByName, v.UpdatedAt, v.PublishedByName, v.PublishedAt);
}
