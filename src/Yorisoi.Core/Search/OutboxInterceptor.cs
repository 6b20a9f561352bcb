using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Search;

/// <summary>
/// Announces every change to a case or its parts (the case row with its contract party and business, handling log
/// entries, keywords, shares) by adding an <see cref="OutboxMessage"/> to the same SaveChanges, hence the same
/// transaction. A share is announced too: it changes who may find the case. Registered by the DbContext itself, so no
/// caller can skip it.
/// </summary>
internal sealed class OutboxInterceptor : SaveChangesInterceptor
{
    public static OutboxInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Announce(DbContext? context)
    {
        if (context is not YorisoiDbContext db)
        {
            return;
        }

        var changed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Case c:
                    changed.Add(c.Id);
                    break;
                case HandlingLogEntry e:
                    changed.Add(e.CaseId);
                    break;
                case CaseKeyword k:
                    changed.Add(k.CaseId);
                    break;
                case CaseShare s:
                    changed.Add(s.CaseId);
                    break;
                case Party or Business when entry.Metadata.FindOwnership() is { } ownership:
                    changed.Add((Guid)entry.Property(ownership.Properties[0].Name).CurrentValue!);
                    break;
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        db.OutboxMessages.AddRange(changed.Select(id => new OutboxMessage { Topic = OutboxTopics.Case, EntityId = id, CreatedAt = now }));
    }
}
