using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Cases;

public sealed record CaseFaqLinkItem(string EntryId, string Question, int EntryVersion, DateTimeOffset LinkedAt);

/// <summary>Knowledge-base entries linked to a case.</summary>
public sealed partial class CaseService
{
    public async Task<IReadOnlyList<CaseFaqLinkItem>?> FaqLinksAsync(Guid id, CancellationToken ct = default)
    {
        if (!await db.Cases.AsNoTracking().AnyAsync(c => c.Id == id, ct))
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return null;
        }

        // The entry filter applies: a link to an entry the user may not see (another center's local entry, which a
        // shared case can carry) is left out rather than revealing its question.
        return await (
                from link in db.CaseFaqLinks.AsNoTracking()
                where link.CaseId == id
                join version in db.FaqEntryVersions.AsNoTracking() on new { link.EntryId, Number = link.EntryVersion } equals new { version.EntryId, version.Number }
                orderby link.LinkedAt
                select new CaseFaqLinkItem(link.EntryId, version.Question, link.EntryVersion, link.LinkedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Links an entry the user may see to a case of their center. Neither the case's version nor its status changes, so
    /// a counselor can link entries from the candidates panel while the form is open without a conflict on saving.
    /// Linking twice is one link.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<CaseFaqLinkItem>>> LinkFaqAsync(Guid id, string? entryId, CancellationToken ct = default)
    {
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterEdit, includeKeywords: false, ct);
        if (entity is null)
        {
            return new Outcome<IReadOnlyList<CaseFaqLinkItem>>(refused!.Kind, Errors: refused.Errors, Message: refused.Message);
        }

        var entry = string.IsNullOrWhiteSpace(entryId)
            ? null
            : await db.FaqEntries.AsNoTracking().Where(e => e.Id == entryId && e.PublishedVersion != null && !e.IsRetired)
                .Select(e => new { e.Id, Version = e.PublishedVersion!.Value, Question = e.Versions.Where(v => v.Number == e.PublishedVersion).Select(v => v.Question).First() })
                .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return Outcome<IReadOnlyList<CaseFaqLinkItem>>.Invalid("EntryId", Messages.Error("UnknownFaqEntry", "EntryId"));
        }

        if (!await db.CaseFaqLinks.AnyAsync(l => l.CaseId == id && l.EntryId == entry.Id, ct))
        {
            db.CaseFaqLinks.Add(new CaseFaqLink { CaseId = id, EntryId = entry.Id, EntryVersion = entry.Version, LinkedAt = clock.GetUtcNow(), LinkedById = Scope.UserId });
            db.CaseChanges.Add(Change(id, CaseChangeKind.FaqLinked, "FaqLinks", null, entry.Question, entry.Id));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request linked the same entry at the same moment: the outcome the user wanted holds.
                if (!await LinkExistsAfterRaceAsync(id, entry.Id, ct))
                {
                    throw;
                }
            }
        }

        return new Outcome<IReadOnlyList<CaseFaqLinkItem>>(OutcomeKind.Ok, (await FaqLinksAsync(id, ct))!);
    }

    public async Task<Outcome<IReadOnlyList<CaseFaqLinkItem>>> UnlinkFaqAsync(Guid id, string entryId, CancellationToken ct = default)
    {
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterEdit, includeKeywords: false, ct);
        if (entity is null)
        {
            return new Outcome<IReadOnlyList<CaseFaqLinkItem>>(refused!.Kind, Errors: refused.Errors, Message: refused.Message);
        }

        var link = await db.CaseFaqLinks.FirstOrDefaultAsync(l => l.CaseId == id && l.EntryId == entryId, ct);
        if (link is null)
        {
            return Outcome<IReadOnlyList<CaseFaqLinkItem>>.NotFound();
        }

        db.CaseFaqLinks.Remove(link);
        db.CaseChanges.Add(Change(id, CaseChangeKind.FaqUnlinked, "FaqLinks", link.EntryId, null, link.EntryId));
        await db.SaveChangesAsync(ct);
        return new Outcome<IReadOnlyList<CaseFaqLinkItem>>(OutcomeKind.Ok, (await FaqLinksAsync(id, ct))!);
    }

    private async Task<bool> LinkExistsAfterRaceAsync(Guid id, string entryId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.CaseFaqLinks.AsNoTracking().AnyAsync(l => l.CaseId == id && l.EntryId == entryId, ct);
    }
}
