using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// This host's FAQ search index, kept in step with the database. The knowledge base is small (hundreds to a few
/// thousand entries) and changes a few times a day, so instead of an outbox each host compares a cheap stamp at most
/// every <see cref="CheckInterval"/> (the number of live entries and the last history row: every publication,
/// retirement or restoration writes one) and, when it moved, rebuilds its in-memory index from the live versions in
/// well under a second. Every host does the same against the same database, so a change shows on all of them within
/// a few seconds, and a host that starts or restarts needs nothing but the database.
/// </summary>
public sealed class FaqIndexKeeper(IServiceScopeFactory scopes, IMorphologicalAnalyzer analyzer, CodeListCatalog catalog, FaqCategories categories, TimeProvider clock)
    : IDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private FaqSearchIndex? _index;
    private (int Live, long LastHistory) _stamp = (-1, -1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The index, rebuilt first if the knowledge base changed since the last check.</summary>
    public async Task<FaqSearchIndex> CurrentAsync(CancellationToken ct = default)
    {
        if (_index is { } current && clock.GetUtcNow() - _checkedAt < CheckInterval)
        {
            return current;
        }

        // One check at a time; searches that arrive meanwhile use the index as it is, unless there is none yet.
        var existing = _index;
        if (existing is not null && !await _gate.WaitAsync(0, ct))
        {
            return existing;
        }

        if (existing is null)
        {
            await _gate.WaitAsync(ct);
        }

        try
        {
            if (_index is { } fresh && clock.GetUtcNow() - _checkedAt < CheckInterval)
            {
                return fresh;
            }

            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
            var stamp = await StampAsync(db, ct);
            var index = _index ?? new FaqSearchIndex(analyzer, catalog.Current, categories);
            if (stamp != _stamp || _index is null)
            {
                index.Replace(await LiveEntriesAsync(db, ct));
                _stamp = stamp;
                _index = index;
            }

            _checkedAt = clock.GetUtcNow();
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _index?.Dispose();
        _gate.Dispose();
    }

    private static async Task<(int, long)> StampAsync(YorisoiDbContext db, CancellationToken ct)
    {
        var live = await db.FaqEntries.IgnoreQueryFilters().CountAsync(e => e.PublishedVersion != null && !e.IsRetired, ct);
        var last = await db.FaqHistory.IgnoreQueryFilters().MaxAsync(h => (long?)h.Id, ct) ?? 0;
        return (live, last);
    }

    private static async Task<List<FaqIndexEntry>> LiveEntriesAsync(YorisoiDbContext db, CancellationToken ct)
    {
        var rows = await db.FaqEntryVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Entry!.PublishedVersion == v.Number && !v.Entry.IsRetired)
            .Select(v => new { v.EntryId, v.Entry!.Audience, v.Entry.OwnerCenterId, v.Entry.Category, v.Question, v.Summary, v.Answer, v.Products, v.Keywords, v.SalesForms, v.Laws, v.Related, v.Number })
            .ToListAsync(ct);
        return rows
            .Select(r => new FaqIndexEntry(r.EntryId, r.Audience, r.OwnerCenterId, r.Category, r.Question, r.Summary, r.Answer, r.Products, r.Keywords, r.SalesForms, r.Laws, r.Related, r.Number))
            .ToList();
    }
}
