using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Assistance.Checklists;

/// <summary>
/// The checklist catalog in use on this host: the newest published version in the database, or the shipped file while
/// the database has none (so a new instance works at once).
/// <para>
/// Several hosts may share one database, and a publication must reach all of them. Publications are rare (a few a
/// year) and the catalog is small, so rather than an outbox message (the outbox carries case changes for the search
/// index, and its rows are pruned) each host asks the database for the id of the newest published version at most every
/// <see cref="CheckInterval"/>, one indexed single-row query, and reads and parses the document only when that id
/// moved. Every host therefore serves a newly published version within a few seconds, and the host that published it
/// at once (<see cref="Invalidate"/>). A host that starts needs nothing but the database.
/// </para>
/// </summary>
public sealed class ChecklistLibrary(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The file shipped in the repository (Assistance/Data/checklists.json).</summary>
    public static ChecklistCatalog Shipped { get; } = ChecklistCatalog.LoadEmbedded();

    /// <summary>The catalog in use, read again first if the last check is older than <see cref="CheckInterval"/>.</summary>
    public async Task<ChecklistCatalog> CurrentAsync(CancellationToken ct = default) => (await CurrentVersionAsync(ct)).Catalog;

    /// <summary>The catalog in use with the database id of its version (null for the shipped file).</summary>
    public async Task<(ChecklistCatalog Catalog, long? VersionId)> CurrentVersionAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.CheckedAt < CheckInterval)
        {
            return (current.Catalog, current.VersionId);
        }

        // One check at a time; requests that arrive meanwhile use the catalog as it is, unless there is none yet.
        if (current is not null && !await _gate.WaitAsync(0, ct))
        {
            return (current.Catalog, current.VersionId);
        }

        if (current is null)
        {
            await _gate.WaitAsync(ct);
        }

        try
        {
            if (_current is { } fresh && clock.GetUtcNow() - fresh.CheckedAt < CheckInterval)
            {
                return (fresh.Catalog, fresh.VersionId);
            }

            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
            var newest = await db.Set<ChecklistVersion>().AsNoTracking()
                .Where(v => v.State == ChecklistVersionState.Published)
                .OrderByDescending(v => v.PublicationNumber)
                .Select(v => (long?)v.Id)
                .FirstOrDefaultAsync(ct);
            var catalog = _current is { } known && known.VersionId == newest
                ? known.Catalog
                : newest is { } id
                    ? ChecklistDocument.FromJson(await db.Set<ChecklistVersion>().AsNoTracking().Where(v => v.Id == id).Select(v => v.Document).SingleAsync(ct)).ToCatalog()
                    : Shipped;
            var snapshot = new Snapshot(catalog, newest, clock.GetUtcNow());
            _current = snapshot;
            return (snapshot.Catalog, snapshot.VersionId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the next request read the database again (this host has just published a version).</summary>
    public void Invalidate()
    {
        if (_current is { } current)
        {
            _current = current with { CheckedAt = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(ChecklistCatalog Catalog, long? VersionId, DateTimeOffset CheckedAt);
}
