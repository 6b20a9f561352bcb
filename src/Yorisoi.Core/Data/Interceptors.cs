using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Data;

/// <summary>
/// Keeps every change of a case: stamps who and when, bumps the concurrency version, and writes one
/// history row per changed field with the old and new value.
/// </summary>
internal sealed class CaseHistoryInterceptor : SaveChangesInterceptor
{
    public static CaseHistoryInterceptor Instance { get; } = new();

    private static readonly HashSet<string> Untracked = new(StringComparer.Ordinal)
    {
        nameof(Case.Version), nameof(Case.UpdatedAt), nameof(Case.UpdatedById), nameof(Case.CreatedAt), nameof(Case.CreatedById),
        nameof(Party.PhoneHash), nameof(Business.NameFolded), nameof(Case.Status), nameof(Case.ApprovedAt), nameof(Case.ApprovedById),
        nameof(Case.MediationStartedAt), nameof(Case.MediationEndedAt), nameof(Case.IsMediation),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not YorisoiDbContext db)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var scope = db.Scope;
        var changes = new List<CaseChange>();
        var touchedCases = new HashSet<Guid>();

        // One pass over the tracker (Entries() runs DetectChanges each time it is called); the lookups below use
        // this snapshot, so a save of many cases with their keywords stays linear.
        var entries = db.ChangeTracker.Entries().ToList();
        var caseStates = new Dictionary<Guid, EntityState>();
        foreach (var entry in entries)
        {
            if (entry.Entity is Case tracked)
            {
                caseStates[tracked.Id] = entry.State;
            }
        }

        foreach (var entry in entries)
        {
            if (entry.Entity is Case c)
            {
                if (entry.State == EntityState.Added)
                {
                    c.CreatedAt = c.CreatedAt == default ? now : c.CreatedAt;
                    c.CreatedById ??= scope.UserId;
                    c.UpdatedAt = c.CreatedAt;
                    c.UpdatedById = c.CreatedById;
                    c.Version = 1;
                    changes.Add(new CaseChange { CaseId = c.Id, At = c.CreatedAt, UserId = scope.UserId, UserName = scope.UserName, Kind = CaseChangeKind.Created });
                }
                else if (entry.State == EntityState.Modified)
                {
                    AddFieldChanges(entry, c.Id, prefix: null, changes, now, scope);
                    touchedCases.Add(c.Id);
                }
            }
            else if (entry.Entity is Party or Business && entry.State == EntityState.Modified)
            {
                var ownership = entry.Metadata.FindOwnership()!;
                var caseId = (Guid)entry.Property(ownership.Properties[0].Name).CurrentValue!;
                AddFieldChanges(entry, caseId, ownership.PrincipalToDependent!.Name, changes, now, scope);
                touchedCases.Add(caseId);
            }
            else if (entry.Entity is CaseKeyword k && entry.State is EntityState.Added or EntityState.Deleted
                     && caseStates.TryGetValue(k.CaseId, out var caseState) && caseState is EntityState.Unchanged or EntityState.Modified)
            {
                changes.Add(new CaseChange
                {
                    CaseId = k.CaseId, At = now, UserId = scope.UserId, UserName = scope.UserName, Kind = CaseChangeKind.FieldChanged,
                    Field = "Keywords",
                    OldValue = entry.State == EntityState.Deleted ? k.Code : null,
                    NewValue = entry.State == EntityState.Added ? k.Code : null,
                });
                touchedCases.Add(k.CaseId);
            }
        }

        foreach (var caseEntry in entries.Where(e => e.Entity is Case c && touchedCases.Contains(c.Id)))
        {
            if (caseEntry.State == EntityState.Unchanged)
            {
                caseEntry.State = EntityState.Modified;
            }

            var touched = (Case)caseEntry.Entity;
            touched.UpdatedAt = now;
            touched.UpdatedById = scope.UserId;
            touched.Version++;
        }

        db.CaseChanges.AddRange(changes);
    }

    private static void AddFieldChanges(EntityEntry entry, Guid caseId, string? prefix, List<CaseChange> into, DateTimeOffset now, AccessScope scope)
    {
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified || property.Metadata.IsShadowProperty() || Untracked.Contains(property.Metadata.Name))
            {
                continue;
            }

            var oldValue = Format(property.OriginalValue);
            var newValue = Format(property.CurrentValue);
            if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                continue;
            }

            into.Add(new CaseChange
            {
                CaseId = caseId,
                At = now,
                UserId = scope.UserId,
                UserName = scope.UserName,
                Kind = CaseChangeKind.FieldChanged,
                Field = prefix is null ? property.Metadata.Name : $"{prefix}.{property.Metadata.Name}",
                IsPersonal = property.Metadata.PropertyInfo?.GetCustomAttribute<PersonalFieldAttribute>() is not null,
                OldValue = oldValue,
                NewValue = newValue,
            });
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Audit records can be added, never changed or removed, whatever code path tries.</summary>
internal sealed class AuditImmutabilityInterceptor : SaveChangesInterceptor
{
    public static AuditImmutabilityInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || context.ChangeTracker.Entries<CaseChange>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit records and case history are append-only.");
        }
    }
}

/// <summary>
/// Every command on its way to the database, whatever made it (SaveChanges, queries, bulk statements, raw SQL):
/// <list type="bullet">
/// <item>Bulk statements (ExecuteUpdate, ExecuteDelete, raw SQL) do not pass through SaveChanges, so the check above
/// cannot see them; any UPDATE or DELETE aimed at the append-only tables is refused before it reaches the database.</item>
/// <item>PostgreSQL refuses U+0000 in text, so one pasted NUL would fail the whole statement. The HTTP edge already
/// removes control characters from API input; this is the last line for every other path (interactive screens,
/// commands, jobs): NUL characters are dropped from every text parameter, reads and writes alike, on both providers
/// so that both store the same text.</item>
/// </list>
/// </summary>
internal sealed partial class CommandGuardInterceptor : DbCommandInterceptor
{
    public static CommandGuardInterceptor Instance { get; } = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Guard(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Guard(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Guard(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Guard(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Guard(command);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbCommand command)
    {
        if (AppendOnlyStatement().IsMatch(command.CommandText))
        {
            throw new InvalidOperationException("Audit records and case history are append-only.");
        }

        foreach (DbParameter parameter in command.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    parameter.Value = text.Replace("\0", "", StringComparison.Ordinal);
                    break;
                case string[] texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)):
                    parameter.Value = texts.Select(t => t?.Replace("\0", "", StringComparison.Ordinal)).ToArray();
                    break;
            }
        }
    }

    [GeneratedRegex("""\b(UPDATE|DELETE\s+FROM)\s+("?\w+"?\.)?"?(audit_records|case_changes|faq_history)\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppendOnlyStatement();
}
