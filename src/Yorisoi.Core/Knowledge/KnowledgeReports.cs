using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Knowledge;

/// <summary>Evaluation for editors: views and helpfulness, overdue reviews, and what people search for in vain.</summary>
public sealed class KnowledgeReports(YorisoiDbContext db, KnowledgeService knowledge, TimeProvider clock)
{
    /// <summary>Views and 「役に立ちましたか」 answers per entry and version, for the entries the user can see.</summary>
    public async Task<IReadOnlyList<FaqVersionStats>> StatsAsync(string? entryId, CancellationToken ct = default)
    {
        var views = db.FaqViewCounts.AsNoTracking();
        var feedback = db.FaqFeedback.AsNoTracking();
        // Links are counted across centers: a count per entry says how useful it is and nothing about any case. The
        // entries themselves stay filtered (below), so an editor sees counts only for entries they may see.
        var links = db.CaseFaqLinks.AsNoTracking().IgnoreQueryFilters();
        if (entryId is not null)
        {
            views = views.Where(v => v.EntryId == entryId);
            feedback = feedback.Where(f => f.EntryId == entryId);
            links = links.Where(l => l.EntryId == entryId);
        }

        var viewRows = await views.GroupBy(v => new { v.EntryId, v.Version }).Select(g => new { g.Key.EntryId, g.Key.Version, Views = g.Sum(v => v.Count) }).ToListAsync(ct);
        var feedbackRows = await feedback.GroupBy(f => new { f.EntryId, f.Version })
            .Select(g => new { g.Key.EntryId, g.Key.Version, Helpful = g.Count(f => f.Helpful), NotHelpful = g.Count(f => !f.Helpful) })
            .ToListAsync(ct);
        var linkRows = await links.GroupBy(l => new { l.EntryId, Version = l.EntryVersion }).Select(g => new { g.Key.EntryId, g.Key.Version, Count = g.Count() }).ToListAsync(ct);
        var keys = viewRows.Select(v => (v.EntryId, v.Version)).Union(feedbackRows.Select(f => (f.EntryId, f.Version))).Union(linkRows.Select(l => (l.EntryId, l.Version))).ToList();
        var ids = keys.Select(k => k.EntryId).Distinct().ToList();
        var questions = await db.FaqEntryVersions.AsNoTracking().Where(v => ids.Contains(v.EntryId))
            .Select(v => new { v.EntryId, v.Number, v.Question }).ToListAsync(ct);
        var visible = questions.Select(q => (q.EntryId, q.Number)).ToHashSet();
        return keys
            .Where(visible.Contains)
            .Select(k =>
            {
                var v = viewRows.FirstOrDefault(r => r.EntryId == k.EntryId && r.Version == k.Version);
                var f = feedbackRows.FirstOrDefault(r => r.EntryId == k.EntryId && r.Version == k.Version);
                var helpful = f?.Helpful ?? 0;
                var notHelpful = f?.NotHelpful ?? 0;
                var question = questions.FirstOrDefault(q => q.EntryId == k.EntryId && q.Number == k.Version)?.Question ?? "";
                return new FaqVersionStats(k.EntryId, k.Version, question, v?.Views ?? 0, helpful, notHelpful,
                    helpful + notHelpful == 0 ? null : Math.Round((double)helpful / (helpful + notHelpful), 3),
                    linkRows.FirstOrDefault(r => r.EntryId == k.EntryId && r.Version == k.Version)?.Count ?? 0);
            })
            .OrderBy(s => s.EntryId, StringComparer.Ordinal)
            .ThenBy(s => s.Version)
            .ToList();
    }

    /// <summary>Entries whose review date has passed (not retired), oldest first.</summary>
    public async Task<IReadOnlyList<FaqListItem>> ReviewDueAsync(CancellationToken ct = default) =>
        (await knowledge.ListAsync(new FaqListQuery { ReviewOverdue = true }, ct)).OrderBy(e => e.ReviewDue).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Candidates for new entries from the search log of the last <paramref name="days"/> days: the most frequent queries
    /// that found nothing, and those that found results but left the searcher unsatisfied (nothing was opened, or the
    /// entry opened was rated 「役に立たなかった」).
    /// </summary>
    public async Task<SearchGapReport> SearchGapsAsync(int days, int limit, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days, 1, 3660));
        limit = Math.Clamp(limit, 1, 200);
        var recent = db.SearchLog.AsNoTracking().Where(s => s.At >= since && s.Surface != SearchSurface.Cases);
        var zero = await recent.Where(s => s.ResultCount == 0)
            .GroupBy(s => s.Query)
            .Select(g => new { Query = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Query)
            .Take(limit)
            .ToListAsync(ct);
        var low = await recent.Where(s => s.ResultCount > 0)
            .GroupBy(s => s.Query)
            .Select(g => new { Query = g.Key, Count = g.Count(), Unsatisfied = g.Count(s => s.RatedUnhelpful || (s.OpenedEntryId == null && s.OpenedCaseId == null)) })
            .Where(g => g.Unsatisfied > 0)
            .OrderByDescending(g => g.Unsatisfied).ThenBy(g => g.Query)
            .Take(limit)
            .ToListAsync(ct);
        var caseZero = await db.SearchLog.AsNoTracking().Where(s => s.At >= since && s.Surface == SearchSurface.Cases && s.ResultCount == 0)
            .GroupBy(s => s.Query)
            .Select(g => new { Query = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Query)
            .Take(limit)
            .ToListAsync(ct);
        return new SearchGapReport(
            zero.Select(z => new SearchGap(z.Query, z.Count, z.Count)).ToList(),
            low.Select(l => new SearchGap(l.Query, l.Count, l.Unsatisfied)).ToList(),
            caseZero.Select(z => new SearchGap(z.Query, z.Count, z.Count)).ToList());
    }
}
