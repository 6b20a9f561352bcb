using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// What consumers get: published public entries, their 「役に立ちましたか」 answers and view counts. Whoever
/// asks (anonymous or staff), only the live version of a published public entry is shown here.
/// </summary>
public sealed class FaqPublicService(YorisoiDbContext db, FaqCategories categories, TimeProvider clock, Yorisoi.Text.Analysis.IMorphologicalAnalyzer? words = null)
{
    public IReadOnlyList<FaqCategory> Categories => categories.All;

    /// <summary>The live version of a published public entry; counts a view unless <paramref name="countView"/> is false.</summary>
    public async Task<PublicFaq?> GetAsync(string id, bool countView = true, CancellationToken ct = default)
    {
        var version = await LiveVersions().AsNoTracking().SingleOrDefaultAsync(v => v.EntryId == id, ct);
        if (version is null)
        {
            return null;
        }

        if (countView)
        {
            await CountViewAsync(id, version.Number, ct);
        }

        return new PublicFaq(
            id, version.Question, version.Summary, FaqMarkdown.ToHtml(version.Answer), version.Category, categories.Find(version.Category)?.Name ?? version.Category,
            version.Laws, version.Related, version.PublishedAt ?? version.UpdatedAt, version.Number);
    }

    /// <summary>Published public entries of a category (or, for <paramref name="ids"/>, those entries), in category order, for the portal's lists.</summary>
    public async Task<IReadOnlyList<PublicFaqLink>> ListAsync(string? category, IReadOnlyCollection<string>? ids = null, CancellationToken ct = default)
    {
        var versions = LiveVersions().AsNoTracking();
        if (category is not null)
        {
            versions = versions.Where(v => v.Entry!.Category == category);
        }

        if (ids is not null)
        {
            var wanted = ids.ToList();
            versions = versions.Where(v => wanted.Contains(v.EntryId));
        }

        var rows = await versions.Select(v => new PublicFaqLink(v.EntryId, v.Question, v.Summary)).ToListAsync(ct);
        return ids is null
            ? rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList()
            : rows.OrderBy(r => ids.ToList().IndexOf(r.Id)).ToList();
    }

    /// <summary>Stores a 「役に立ちましたか」 answer for the live version, with the comment screened for personal data.</summary>
    public async Task<Outcome<bool>> FeedbackAsync(string id, bool helpful, string? comment, long? searchId, CancellationToken ct = default)
    {
        var version = await LiveVersions().AsNoTracking().Where(v => v.EntryId == id).Select(v => (int?)v.Number).SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return Outcome<bool>.NotFound();
        }

        var text = comment is null ? null : Yorisoi.Text.JapaneseNormalizer.StripControlCharacters(comment).Trim();
        if (text is { Length: > FaqRules.CommentMaxLength })
        {
            return Outcome<bool>.Invalid("Comment", Messages.Format("Faq.CommentLength", FaqRules.CommentMaxLength));
        }

        text = string.IsNullOrEmpty(text) ? null : words is null ? PersonalDataScreen.Mask(text) : PersonalDataScreen.Mask(text, words);
        db.FaqFeedback.Add(new FaqFeedback
        {
            EntryId = id, Version = version.Value, At = clock.GetUtcNow(), Helpful = helpful,
            Comment = text is { Length: > FaqRules.CommentMaxLength } ? text[..FaqRules.CommentMaxLength] : text,
            SearchLogId = searchId,
        });
        await db.SaveChangesAsync(ct);
        if (searchId is { } search && !helpful)
        {
            await db.SearchLog.Where(s => s.Id == search && s.OpenedEntryId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RatedUnhelpful, true), ct);
        }

        return new Outcome<bool>(OutcomeKind.Ok, true);
    }

    private IQueryable<FaqEntryVersion> LiveVersions() =>
        db.FaqEntryVersions.Where(v => v.Entry!.Audience == FaqAudience.Public && !v.Entry.IsRetired && v.Entry.PublishedVersion == v.Number);

    private async Task CountViewAsync(string id, int version, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(Cases.FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime);

        // The entry was just read through the visibility filter; the counter update itself needs no second check.
        var counters = db.FaqViewCounts.IgnoreQueryFilters().Where(v => v.EntryId == id && v.Version == version && v.Day == day);
        if (await counters.ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), ct) > 0)
        {
            return;
        }

        db.FaqViewCounts.Add(new FaqViewCount { EntryId = id, Version = version, Day = day, Count = 1 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created today's counter first; add to it instead.
            db.ChangeTracker.Clear();
            await counters.ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), ct);
        }
    }
}
