using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

/// <summary>
/// Keeps this host's <see cref="CaseIndex"/> in step with the database. It tails the outbox from the position the index
/// recorded, re-reads the current state of each changed case (the message says only which case changed) and upserts
/// or deletes its document, committing documents and the new position together once per batch. Re-reading a message
/// is harmless, so a crash at any point loses nothing: the next start reads again from the committed position.
/// <para>
/// PostgreSQL hands out outbox ids when a row is inserted, not when its transaction commits, so id 11 may become
/// visible after id 12. Messages after a missing id are indexed at once, but the recorded position stays before the
/// gap until it has been missing for <see cref="CaseSearchOptions.GapSeconds"/>; a late message inside the gap is
/// still picked up. Only then does the gap count as a rolled-back transaction.
/// </para>
/// One instance per host; its methods are not meant to run concurrently except <see cref="RebuildAsync"/>, which
/// builds without blocking the tail and swaps between two of its batches.
/// </summary>
public sealed partial class CaseIndexer(CaseIndex index, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CaseIndexer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedSet<long> _processed = [];
    private readonly Dictionary<long, DateTimeOffset> _gapSince = [];
    private long _position;
    private long _high;
    private bool _tailReady;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>Builds the index from all cases when it is new, half built or of an older schema; the first start does this.</summary>
    public async Task EnsureBuiltAsync(CancellationToken ct = default)
    {
        if (!index.NeedsBuild)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!index.NeedsBuild)
            {
                return;
            }

            index.IsBuilding = true;
            LogBuilding(index.Root);
            // In place, so search answers with what has been indexed so far.
            index.Write(i => i.DeleteAll());
            var (count, position, seconds) = await BuildAsync(write => index.Write(write), refresh: true, ct);
            index.BuildDone();
            _tailReady = false;
            LogBuilt(count, position, seconds);
        }
        finally
        {
            index.IsBuilding = false;
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds a fresh index from all cases in a new directory while search keeps answering from the current one (and the
    /// tail keeps it up to date), then swaps it in. Changes during the build are applied after the swap from the
    /// position the build recorded.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var (next, name) = index.CreateNext();
        try
        {
            index.IsBuilding = true;
            LogBuilding(Path.Combine(index.Root, name));
            var (count, position, seconds) = await BuildAsync(write => write(next), refresh: false, ct);
            await _gate.WaitAsync(ct);
            try
            {
                index.Swap(next, name);
                _tailReady = false;
            }
            finally
            {
                _gate.Release();
            }

            LogBuilt(count, position, seconds);
            return count;
        }
        catch
        {
            next.Dispose();
            throw;
        }
        finally
        {
            index.IsBuilding = false;
        }
    }

    /// <summary>
    /// For the `reindex` command run beside a live host: builds a new directory and points the host at it (the host
    /// swaps at its next poll); without a running host, the next start opens it.
    /// </summary>
    public async Task<int> BuildOfflineAsync(CancellationToken ct = default)
    {
        var (next, name) = index.CreateNext();
        int count;
        try
        {
            (count, var position, var seconds) = await BuildAsync(write => write(next), refresh: false, ct);
            LogBuilt(count, position, seconds);
        }
        finally
        {
            // Closed before the pointer moves, so the host can open it for writing.
            next.Dispose();
        }

        index.WritePointer(name);
        return count;
    }

    /// <summary>One batch of the outbox: returns whether there was anything to do, so the caller polls again at once.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (index.PointedElsewhere() is { } name)
            {
                // The reindex command built a new index beside this host.
                index.Swap(index.OpenNamed(name), name);
                _tailReady = false;
                LogSwapped(name);
            }

            if (!_tailReady)
            {
                _position = index.Position ?? 0;
                _high = _position;
                _processed.Clear();
                _gapSince.Clear();
                _tailReady = true;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = SystemContext(scope);
            var batch = index.Options.BatchSize;
            var late = new List<(long Id, string Topic, Guid EntityId)>();
            if (_high > _position)
            {
                var (from, to) = (_position, _high);
                late = (await db.OutboxMessages.AsNoTracking().Where(m => m.Id > from && m.Id <= to).Select(m => new { m.Id, m.Topic, m.EntityId }).ToListAsync(ct))
                    .Where(m => !_processed.Contains(m.Id)).Select(m => (m.Id, m.Topic, m.EntityId)).ToList();
            }

            var high = _high;
            var fresh = (await db.OutboxMessages.AsNoTracking().Where(m => m.Id > high).OrderBy(m => m.Id).Take(batch).Select(m => new { m.Id, m.Topic, m.EntityId }).ToListAsync(ct))
                .Select(m => (m.Id, m.Topic, m.EntityId)).ToList();
            var messages = late.Concat(fresh).ToList();
            var caseIds = messages.Where(m => m.Topic == OutboxTopics.Case).Select(m => m.EntityId).Distinct().ToList();
            if (caseIds.Count > 0)
            {
                var documents = await CaseDocuments.LoadAsync(db, caseIds, ct);
                index.Write(target =>
                {
                    foreach (var id in caseIds)
                    {
                        if (documents.TryGetValue(id, out var document))
                        {
                            target.Upsert(document);
                        }
                        else
                        {
                            target.Delete(id.ToString());
                        }
                    }
                });
            }

            foreach (var message in messages)
            {
                _processed.Add(message.Id);
            }

            if (fresh.Count > 0)
            {
                _high = fresh[^1].Id;
            }

            var advanced = Advance();
            if (messages.Count > 0 || advanced)
            {
                var position = _position;
                index.Write(target =>
                {
                    target.Commit(CommitData(position));
                    target.Refresh();
                });
            }

            return fresh.Count == batch || late.Count > 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Deletes outbox messages older than the retention, at most once per <see cref="CaseSearchOptions.PruneIntervalMinutes"/>.
    /// The newest message is always kept, so a host that was down longer than the retention sees that messages after its
    /// position are gone (the oldest id left is past it) and rebuilds instead of missing them.
    /// </summary>
    public async Task<int> PruneOutboxAsync(bool force = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!force && now - _lastPrune < TimeSpan.FromMinutes(index.Options.PruneIntervalMinutes))
        {
            return 0;
        }

        _lastPrune = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = SystemContext(scope);
        var cutoff = now.AddDays(-index.Options.OutboxRetentionDays);
        var newest = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var deleted = await db.OutboxMessages.Where(m => m.CreatedAt < cutoff && m.Id < newest).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            LogPruned(deleted);
        }

        return deleted;
    }

    /// <summary>At start: whether messages after this index's position were pruned while the host was away, so the index must be rebuilt.</summary>
    public async Task<bool> MissedPrunedMessagesAsync(CancellationToken ct = default)
    {
        if (index.NeedsBuild || index.Position is not { } position)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var oldest = await SystemContext(scope).OutboxMessages.MinAsync(m => (long?)m.Id, ct);
        return oldest is { } first && first > position + 1;
    }

    public void Dispose() => _gate.Dispose();

    private static YorisoiDbContext SystemContext(AsyncServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        return scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
    }

    private static Dictionary<string, string> CommitData(long position) => new(StringComparer.Ordinal)
    {
        [CaseIndex.PositionKey] = position.ToString(CultureInfo.InvariantCulture),
        [CaseIndex.VersionKey] = CaseIndexSchema.Version,
    };

    // Moves the position over the processed ids that follow it without a gap, and over gaps older than the limit.
    private bool Advance()
    {
        var now = clock.GetUtcNow();
        var limit = TimeSpan.FromSeconds(index.Options.GapSeconds);
        var start = _position;
        var expected = _position + 1;
        foreach (var id in _processed)
        {
            if (id != expected)
            {
                if (!_gapSince.TryGetValue(expected, out var since))
                {
                    _gapSince[expected] = now;
                    break;
                }

                if (now - since < limit)
                {
                    break;
                }
            }

            _position = id;
            expected = id + 1;
        }

        _processed.RemoveWhere(id => id <= _position);
        foreach (var key in _gapSince.Keys.Where(k => k <= _position).ToList())
        {
            _gapSince.Remove(key);
        }

        return _position != start;
    }

    /// <summary>
    /// Indexes every case. The position recorded is that of the newest message older than the gap limit at the start:
    /// every change announced up to it was committed before the cases were read, and later ones are applied again by
    /// the tail, which is harmless.
    /// </summary>
    private async Task<(int Count, long Position, double Seconds)> BuildAsync(Action<Action<TextIndex>> write, bool refresh, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = SystemContext(scope);
        var settled = clock.GetUtcNow().AddSeconds(-index.Options.GapSeconds);
        var position = await db.OutboxMessages.Where(m => m.CreatedAt <= settled).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var ids = await db.Cases.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var count = 0;
        var chunks = ids.Chunk(Math.Max(1, index.Options.BatchSize)).ToList();
        // The next batch is read from the database while this one is analysed, and a batch's documents are analysed on
        // every core (TextIndex.UpsertMany): analysis is most of the cost.
        var next = chunks.Count > 0 ? CaseDocuments.LoadAsync(db, chunks[0], ct) : null;
        for (var i = 0; i < chunks.Count; i++)
        {
            var documents = await next!;
            next = i + 1 < chunks.Count ? CaseDocuments.LoadAsync(db, chunks[i + 1], ct) : null;
            write(target =>
            {
                ct.ThrowIfCancellationRequested();
                target.UpsertMany([.. documents.Values]);
                count += documents.Count;
                if (refresh)
                {
                    // Visible to search while the rest is indexed, but not committed: a crash leaves the last complete
                    // commit (or none), and the next start builds again.
                    target.Refresh();
                }
            });
            if (count % 10_000 < documents.Count)
            {
                LogProgress(count, ids.Count);
            }
        }

        write(target =>
        {
            target.Commit(CommitData(position));
            target.Refresh();
        });
        return (count, position, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the case index in {Directory}")]
    private partial void LogBuilding(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case index: {Count}/{Total} cases")]
    private partial void LogProgress(int count, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case index built: {Count} cases up to outbox position {Position} in {Seconds:0.0} s")]
    private partial void LogBuilt(int count, long position, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case index swapped to {Name}, built by the reindex command")]
    private partial void LogSwapped(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} outbox messages past the retention")]
    private partial void LogPruned(int count);
}
