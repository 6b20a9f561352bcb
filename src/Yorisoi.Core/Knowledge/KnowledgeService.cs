using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// The editors' side of the knowledge base: drafts, review, approval, publication and retirement, with every
/// step in the entry's history and the audit records. Which entries a user can see comes from the DbContext's
/// query filters; this class decides only what they may change: national entries belong to the national
/// center's editors and approvers, a center's local entries to that center's.
/// </summary>
public sealed class KnowledgeService(YorisoiDbContext db, CodeListCatalog catalog, FaqCategories categories, TimeProvider clock)
{
    private bool? _atNationalCenter;

    private AccessScope Scope => db.Scope;

    public DateOnly Today => DateOnly.FromDateTime(FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime);

    public async Task<IReadOnlyList<FaqListItem>> ListAsync(FaqListQuery query, CancellationToken ct = default)
    {
        var today = Today;
        var entries = db.FaqEntries.AsNoTracking();
        if (query.Audience is { } audience)
        {
            entries = entries.Where(e => e.Audience == audience);
        }

        if (query.Category is { Length: > 0 } category)
        {
            entries = entries.Where(e => e.Category == category);
        }

        entries = query.Owner switch
        {
            "national" => entries.Where(e => e.OwnerCenterId == null),
            "own" => entries.Where(e => e.OwnerCenterId != null && e.OwnerCenterId == Scope.CenterId),
            _ => entries,
        };
        if (query.ReviewOverdue)
        {
            entries = entries.Where(e => !e.IsRetired && e.ReviewDue != null && e.ReviewDue < today);
        }

        var rows = await entries
            .Select(e => new
            {
                e.Id, e.Category, e.Audience, e.OwnerCenterId, Owner = e.OwnerCenter!.Name, e.PublishedVersion, e.LatestVersion, e.IsRetired, e.ReviewDue, e.UpdatedAt,
                Latest = e.Versions.Where(v => v.Number == e.LatestVersion).Select(v => new { v.Question, v.State }).First(),
            })
            .ToListAsync(ct);
        if (query.State is { } state)
        {
            rows = rows.Where(r => r.Latest.State == state).ToList();
        }

        return rows
            .OrderBy(r => categories.Find(r.Category)?.Order ?? int.MaxValue)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new FaqListItem(
                r.Id, r.Latest.Question, r.Category, r.Audience, r.OwnerCenterId is null, r.Owner ?? Messages.Get("Faq.NationalOwner"), r.Latest.State,
                r.PublishedVersion, r.LatestVersion, r.IsRetired, r.ReviewDue, !r.IsRetired && r.ReviewDue < today, r.UpdatedAt))
            .ToList();
    }

    public async Task<FaqEntryDetail?> GetAsync(string id, KnowledgeRights rights, CancellationToken ct = default)
    {
        var entry = await db.FaqEntries.AsNoTracking().Include(e => e.OwnerCenter).Include(e => e.Versions).SingleOrDefaultAsync(e => e.Id == id, ct);
        return entry is null ? null : Detail(entry, await AllowedActionsAsync(entry, rights, ct));
    }

    public async Task<IReadOnlyList<FaqVersionSummary>?> VersionsAsync(string id, CancellationToken ct = default)
    {
        if (!await db.FaqEntries.AnyAsync(e => e.Id == id, ct))
        {
            return null;
        }

        var versions = await db.FaqEntryVersions.AsNoTracking().Where(v => v.EntryId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var history = await db.FaqHistory.AsNoTracking().Where(h => h.EntryId == id).OrderBy(h => h.Id).ToListAsync(ct);
        return versions.Select(v => new FaqVersionSummary(
                v.Number, v.State, v.Question, v.AuthorName, v.ApproverName, v.CreatedAt, v.PublishedAt,
                history.Where(h => h.Version == v.Number).Select(h => new FaqHistoryItem(h.Version, h.At, h.UserName, h.Action, h.Comment)).ToList()))
            .ToList();
    }

    public async Task<Outcome<FaqVersionDiff>> DiffAsync(string id, int from, int to, CancellationToken ct = default)
    {
        var versions = await db.FaqEntryVersions.AsNoTracking().Where(v => v.EntryId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return Outcome<FaqVersionDiff>.NotFound();
        }

        var a = versions.FirstOrDefault(v => v.Number == from);
        var b = versions.FirstOrDefault(v => v.Number == to);
        if (a is null || b is null)
        {
            return Outcome<FaqVersionDiff>.Invalid(a is null ? "from" : "to", Messages.Get("Faq.UnknownVersion"));
        }

        return new Outcome<FaqVersionDiff>(OutcomeKind.Ok, FaqDiff.Compare(a, b));
    }

    public async Task<Outcome<FaqEntryDetail>> CreateAsync(FaqInput input, KnowledgeRights rights, CancellationToken ct = default)
    {
        if (!rights.IsEditor)
        {
            return Outcome<FaqEntryDetail>.Forbidden(Messages.Get("Faq.EditorsOnly"));
        }

        var national = await AtNationalCenterAsync(ct);
        var errors = FaqRules.Validate(input, catalog.Current, categories, creating: true);
        if (!national && input.Audience == FaqAudience.Public)
        {
            errors.Add("Audience", Messages.Get("Faq.LocalEntriesAreInternal"));
        }

        if (!errors.IsValid)
        {
            return Outcome<FaqEntryDetail>.Invalid(errors);
        }

        // Ids are global (links, URLs, the search index), so another center's id is taken too.
        if (await db.FaqEntries.IgnoreQueryFilters().AnyAsync(e => e.Id == input.Id, ct))
        {
            return new Outcome<FaqEntryDetail>(OutcomeKind.Conflict, Message: Messages.Format("Faq.DuplicateId", input.Id!));
        }

        var now = clock.GetUtcNow();
        var entry = new FaqEntry
        {
            Id = input.Id!,
            OwnerCenterId = national ? null : Scope.CenterId,
            Audience = input.Audience!.Value,
            Category = input.Category!,
            LatestVersion = 1,
            ReviewDue = input.ReviewDue,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var version = new FaqEntryVersion
        {
            EntryId = entry.Id, Number = 1, State = FaqVersionState.Draft, Category = entry.Category, Question = "", Answer = "", AuthorId = Scope.UserId,
            AuthorName = Scope.UserName ?? "", CreatedAt = now,
        };
        Apply(version, input, now);
        entry.Versions.Add(version);
        db.FaqEntries.Add(entry);
        Record(entry.Id, 1, FaqHistoryActions.Created, null, now);
        await db.SaveChangesAsync(ct);
        return new Outcome<FaqEntryDetail>(OutcomeKind.Created, await GetAsync(entry.Id, rights, ct));
    }

    /// <summary>
    /// Edits the draft, or starts a new draft version when the latest one is published or retired; the live
    /// version stays what the public sees until the new one is published.
    /// </summary>
    public Task<Outcome<FaqEntryDetail>> UpdateAsync(string id, FaqInput input, int? expectedVersion, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: false, (entry, latest, now) =>
        {
            input.Id = entry.Id;
            var errors = FaqRules.Validate(input, catalog.Current, categories, creating: false);
            if (!entry.IsNational && input.Audience == FaqAudience.Public)
            {
                errors.Add("Audience", Messages.Get("Faq.LocalEntriesAreInternal"));
            }

            if (!errors.IsValid)
            {
                return Outcome<FaqEntryDetail>.Invalid(errors);
            }

            var target = latest;
            switch (latest.State)
            {
                case FaqVersionState.Draft:
                    Record(entry.Id, latest.Number, FaqHistoryActions.Edited, null, now);
                    break;
                case FaqVersionState.Published or FaqVersionState.Retired or FaqVersionState.Superseded:
                    target = new FaqEntryVersion
                    {
                        EntryId = entry.Id, Number = entry.LatestVersion + 1, State = FaqVersionState.Draft, Category = latest.Category, Question = "", Answer = "",
                        AuthorId = Scope.UserId, AuthorName = Scope.UserName ?? "", CreatedAt = now,
                    };
                    entry.Versions.Add(target);
                    entry.LatestVersion = target.Number;
                    Record(entry.Id, target.Number, FaqHistoryActions.Created, Messages.Format("Faq.BasedOn", latest.Number), now);
                    break;
                default:
                    return Conflict(Messages.Get("Faq.NotEditableInReview"));
            }

            Apply(target, input, now);
            if (entry.PublishedVersion is null)
            {
                // Before the first publication the entry shows its draft's audience and category.
                entry.Audience = target.Audience;
                entry.Category = target.Category;
                entry.ReviewDue = target.ReviewDue;
            }

            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> SubmitAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: false, (entry, latest, now) =>
        {
            if (latest.State != FaqVersionState.Draft)
            {
                return Conflict(Messages.Get("Faq.OnlyDraftsCanBeSubmitted"));
            }

            latest.State = FaqVersionState.InReview;
            latest.SubmittedAt = now;
            Record(entry.Id, latest.Number, FaqHistoryActions.Submitted, comment, now);
            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> ReturnAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: true, (entry, latest, now) =>
        {
            if (latest.State is not (FaqVersionState.InReview or FaqVersionState.Approved))
            {
                return Conflict(Messages.Get("Faq.OnlyReviewCanBeReturned"));
            }

            latest.State = FaqVersionState.Draft;
            latest.ApproverId = null;
            latest.ApproverName = null;
            latest.ApprovedAt = null;
            Record(entry.Id, latest.Number, FaqHistoryActions.Returned, comment, now);
            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> ApproveAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: true, (entry, latest, now) =>
        {
            if (latest.State != FaqVersionState.InReview)
            {
                return Conflict(Messages.Get("Faq.OnlyInReviewCanBeApproved"));
            }

            // Everyone who wrote any part of this version is its author for the four-eyes rule.
            var contributors = db.FaqHistory.AsNoTracking()
                .Where(h => h.EntryId == entry.Id && h.Version == latest.Number && (h.Action == FaqHistoryActions.Created || h.Action == FaqHistoryActions.Edited))
                .Select(h => h.UserId)
                .ToList();
            if (latest.AuthorId == Scope.UserId || contributors.Contains(Scope.UserId))
            {
                return Conflict(Messages.Get("Faq.AuthorCannotApprove"));
            }

            latest.State = FaqVersionState.Approved;
            latest.ApproverId = Scope.UserId;
            latest.ApproverName = Scope.UserName;
            latest.ApprovedAt = now;
            Record(entry.Id, latest.Number, FaqHistoryActions.Approved, comment, now);
            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> PublishAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: true, (entry, latest, now) =>
        {
            if (latest.State != FaqVersionState.Approved)
            {
                return Conflict(Messages.Get("Faq.OnlyApprovedCanBePublished"));
            }

            if (entry.PublishedVersion is { } previous && entry.Versions.SingleOrDefault(v => v.Number == previous) is { } live)
            {
                live.State = FaqVersionState.Superseded;
                live.UpdatedAt = now;
                Record(entry.Id, live.Number, FaqHistoryActions.Superseded, null, now);
            }

            latest.State = FaqVersionState.Published;
            latest.PublishedAt = now;
            entry.PublishedVersion = latest.Number;
            entry.IsRetired = false;
            entry.Audience = latest.Audience;
            entry.Category = latest.Category;
            entry.ReviewDue = latest.ReviewDue;
            Record(entry.Id, latest.Number, FaqHistoryActions.Published, comment, now);
            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> RetireAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: true, (entry, _, now) =>
        {
            if (entry.PublishedVersion is not { } number || entry.IsRetired)
            {
                return Conflict(Messages.Get("Faq.OnlyPublishedCanBeRetired"));
            }

            var live = entry.Versions.Single(v => v.Number == number);
            live.State = FaqVersionState.Retired;
            live.RetiredAt = now;
            entry.IsRetired = true;
            Record(entry.Id, number, FaqHistoryActions.Retired, comment, now);
            return null;
        }, ct);

    public Task<Outcome<FaqEntryDetail>> RestoreAsync(string id, int? expectedVersion, string? comment, KnowledgeRights rights, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, rights, needsApprover: true, (entry, _, now) =>
        {
            if (!entry.IsRetired || entry.PublishedVersion is not { } number)
            {
                return Conflict(Messages.Get("Faq.OnlyRetiredCanBeRestored"));
            }

            var live = entry.Versions.Single(v => v.Number == number);
            live.State = FaqVersionState.Published;
            live.RetiredAt = null;
            entry.IsRetired = false;
            Record(entry.Id, number, FaqHistoryActions.Restored, comment, now);
            return null;
        }, ct);

    /// <summary>The actions the user could take on the entry now; screens show only these.</summary>
    public async Task<IReadOnlyList<string>> AllowedActionsAsync(FaqEntry entry, KnowledgeRights rights, CancellationToken ct = default)
    {
        if (!await MayManageAsync(entry, ct))
        {
            return [];
        }

        var latest = entry.Versions.Single(v => v.Number == entry.LatestVersion);
        var actions = new List<string>();
        if (rights.IsEditor && latest.State is not (FaqVersionState.InReview or FaqVersionState.Approved))
        {
            actions.Add(KnowledgeActions.Edit);
        }

        if (rights.IsEditor && latest.State == FaqVersionState.Draft)
        {
            actions.Add(KnowledgeActions.Submit);
        }

        if (rights.IsApprover)
        {
            if (latest.State is FaqVersionState.InReview or FaqVersionState.Approved)
            {
                actions.Add(KnowledgeActions.Return);
            }

            if (latest.State == FaqVersionState.InReview && latest.AuthorId != Scope.UserId
                && !await db.FaqHistory.AnyAsync(h => h.EntryId == entry.Id && h.Version == latest.Number && h.UserId == Scope.UserId
                    && (h.Action == FaqHistoryActions.Created || h.Action == FaqHistoryActions.Edited), ct))
            {
                actions.Add(KnowledgeActions.Approve);
            }

            if (latest.State == FaqVersionState.Approved)
            {
                actions.Add(KnowledgeActions.Publish);
            }

            if (entry.PublishedVersion is not null)
            {
                actions.Add(entry.IsRetired ? KnowledgeActions.Restore : KnowledgeActions.Retire);
            }
        }

        return actions;
    }

    private async Task<Outcome<FaqEntryDetail>> ChangeAsync(
        string id, int? expectedVersion, KnowledgeRights rights, bool needsApprover,
        Func<FaqEntry, FaqEntryVersion, DateTimeOffset, Outcome<FaqEntryDetail>?> change, CancellationToken ct)
    {
        if (needsApprover ? !rights.IsApprover : !rights.IsEditor)
        {
            return Outcome<FaqEntryDetail>.Forbidden(Messages.Get(needsApprover ? "Faq.ApproversOnly" : "Faq.EditorsOnly"));
        }

        var entry = await db.FaqEntries.Include(e => e.Versions).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return Outcome<FaqEntryDetail>.NotFound();
        }

        if (!await MayManageAsync(entry, ct))
        {
            return Outcome<FaqEntryDetail>.Forbidden(Messages.Get(entry.IsNational ? "Faq.NationalCenterOnly" : "Faq.OwningCenterOnly"));
        }

        if (expectedVersion is { } expected && expected != entry.LatestVersion)
        {
            return Conflict(Messages.Get("Faq.VersionChanged"));
        }

        var now = clock.GetUtcNow();
        var latest = entry.Versions.Single(v => v.Number == entry.LatestVersion);
        if (change(entry, latest, now) is { } refused)
        {
            return refused;
        }

        latest.UpdatedAt = now;
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome<FaqEntryDetail>(OutcomeKind.Ok, await GetAsync(id, rights, ct));
    }

    private async Task<bool> MayManageAsync(FaqEntry entry, CancellationToken ct) =>
        entry.IsNational ? await AtNationalCenterAsync(ct) : entry.OwnerCenterId == Scope.CenterId;

    private async Task<bool> AtNationalCenterAsync(CancellationToken ct) =>
        _atNationalCenter ??= Scope.CenterId is { } center
            && await db.Centers.AsNoTracking().AnyAsync(c => c.Id == center && c.Kind == CenterKind.National, ct);

    private static Outcome<FaqEntryDetail> Conflict(string message) => new(OutcomeKind.Conflict, Message: message);

    private static void Apply(FaqEntryVersion version, FaqInput input, DateTimeOffset now)
    {
        version.Audience = input.Audience!.Value;
        version.Category = input.Category!;
        version.Question = input.Question!;
        version.Summary = input.Summary ?? "";
        version.Answer = input.Answer!;
        version.Products = input.Products ?? [];
        version.Keywords = input.Keywords ?? [];
        version.SalesForms = input.SalesForms ?? [];
        version.Laws = input.Laws ?? [];
        version.Related = input.Related ?? [];
        version.ReviewDue = input.ReviewDue;
        version.UpdatedAt = now;
    }

    private void Record(string entryId, int version, string action, string? comment, DateTimeOffset now)
    {
        db.FaqHistory.Add(new FaqHistoryEntry { EntryId = entryId, Version = version, At = now, UserId = Scope.UserId, UserName = Scope.UserName ?? "", Action = action, Comment = comment });
        db.AuditRecords.Add(new AuditRecord
        {
            At = now,
            UserId = Scope.UserId,
            UserName = Scope.UserName,
            CenterId = Scope.CenterId,
            Action = KnowledgeAuditActions.Prefix + action,
            Detail = $"{entryId} v{version}",
        });
    }

    private FaqEntryDetail Detail(FaqEntry entry, IReadOnlyList<string> actions)
    {
        var latest = entry.Versions.Single(v => v.Number == entry.LatestVersion);
        var published = entry.PublishedVersion is { } p ? entry.Versions.SingleOrDefault(v => v.Number == p) : null;
        return new FaqEntryDetail(
            entry.Id, entry.IsNational, entry.OwnerCenterId, entry.OwnerCenter?.Name ?? Messages.Get("Faq.NationalOwner"), entry.Audience, entry.Category,
            entry.PublishedVersion, entry.LatestVersion, entry.IsRetired, entry.ReviewDue, !entry.IsRetired && entry.ReviewDue < Today,
            VersionDetail(latest), published is null ? null : VersionDetail(published), actions);
    }

    public static FaqVersionDetail VersionDetail(FaqEntryVersion v) => new(
        v.Number, v.State, v.Audience, v.Category, v.Question, v.Summary, v.Answer, FaqMarkdown.ToHtml(v.Answer), v.Products, v.Keywords, v.SalesForms,
        v.Laws, v.Related, v.ReviewDue, v.AuthorName, v.ApproverName, v.CreatedAt, v.UpdatedAt, v.SubmittedAt, v.ApprovedAt, v.PublishedAt);
}
