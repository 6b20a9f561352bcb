using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Security;

public sealed record ApiKeySummary(
    Guid Id, Guid CenterId, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string? CreatedByName,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>A new key with its secret: the only time the secret is ever shown.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret);

public sealed record ApiKeyInput(Guid? CenterId, string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>
/// API keys of centers, with the same rights as staff accounts (<see cref="StaffAdministration"/>): a system administrator
/// for any center, a prefecture administrator for their prefecture's centers, a center administrator for their own.
/// </summary>
public sealed class ApiKeyAdministration(YorisoiDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private sealed record Actor(AppUser User, IList<string> Roles, Center Center)
    {
        public bool IsAdmin => Roles.Contains(Security.Roles.SystemAdmin) || Roles.Contains(Security.Roles.PrefectureAdmin) || Roles.Contains(Security.Roles.CenterAdmin);

        public bool CanManage(Center center) =>
            StaffAdministration.MayManageCenter(new StaffAccount(User.Id, Roles.ToList(), Center.Id, Center.PrefectureCode), center.Id, center.PrefectureCode);
    }

    public async Task<Outcome<IReadOnlyList<ApiKeySummary>>> ListAsync(Guid centerId, CancellationToken ct = default)
    {
        var (actor, center, refusal) = await CenterForActorAsync(centerId, ct);
        if (refusal is not null)
        {
            return new Outcome<IReadOnlyList<ApiKeySummary>>(refusal.Value, Message: Messages.Get("Api.Forbidden"));
        }

        var keys = await db.Set<ApiKey>().AsNoTracking().Where(k => k.CenterId == center!.Id).ToListAsync(ct);
        IReadOnlyList<ApiKeySummary> list = keys.OrderByDescending(k => k.CreatedAt).Select(Summary).ToList();
        return new Outcome<IReadOnlyList<ApiKeySummary>>(OutcomeKind.Ok, list);
    }

    public async Task<Outcome<CreatedApiKey>> CreateAsync(ApiKeyInput input, CancellationToken ct = default)
    {
        var (actor, center, refusal) = await CenterForActorAsync(input.CenterId ?? Guid.Empty, ct);
        if (refusal is not null)
        {
            return new Outcome<CreatedApiKey>(refusal.Value, Message: Messages.Get("Api.Forbidden"));
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("Name", Messages.Get("Admin.InvalidApiKeyName"));
        }

        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0 || scopes.Any(s => !ApiKeyScopes.All.Contains(s)))
        {
            errors.Add("Scopes", Messages.Format("Admin.InvalidApiKeyScopes", string.Join("、", ApiKeyScopes.All)));
        }

        var now = clock.GetUtcNow();
        var expires = input.ExpiresAt ?? now + DefaultLifetime;
        if (expires <= now.AddHours(1) || expires > now + MaxLifetime)
        {
            errors.Add("ExpiresAt", Messages.Format("Admin.InvalidApiKeyExpiry", (int)MaxLifetime.TotalDays));
        }

        if (!errors.IsValid)
        {
            return Outcome<CreatedApiKey>.Invalid(errors);
        }

        var prefix = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", ApiKey.PrefixLength);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = new ApiKey
        {
            CenterId = center!.Id,
            Name = name,
            Prefix = prefix,
            SecretHash = ApiKey.Hash(secret),
            Scopes = string.Join(' ', ApiKeyScopes.All.Where(scopes.Contains)),
            CreatedAt = now,
            CreatedById = actor!.User.Id,
            CreatedByName = actor.User.DisplayName,
            ExpiresAt = expires,
        };
        db.Add(key);
        db.AuditRecords.Add(Audit(actor, AuditActions.ApiKeyCreated, $"key={key.Prefix}; center={center.Code}; scopes={key.Scopes}; expires={expires:O}"));
        await db.SaveChangesAsync(ct);
        return new Outcome<CreatedApiKey>(OutcomeKind.Created, new CreatedApiKey(Summary(key), ApiKey.Format(prefix, secret)));
    }

    public async Task<Outcome<ApiKeySummary>> RevokeAsync(Guid keyId, CancellationToken ct = default)
    {
        var actor = await ActorAsync(ct);
        if (actor is null || !actor.IsAdmin)
        {
            return Outcome<ApiKeySummary>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == keyId, ct);
        if (key is null)
        {
            return Outcome<ApiKeySummary>.NotFound();
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == key.CenterId, ct);
        if (!actor.CanManage(center))
        {
            return Outcome<ApiKeySummary>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            key.RevokedById = actor.User.Id;
            db.AuditRecords.Add(Audit(actor, AuditActions.ApiKeyRevoked, $"key={key.Prefix}; center={center.Code}"));
            await db.SaveChangesAsync(ct);
        }

        return new Outcome<ApiKeySummary>(OutcomeKind.Ok, Summary(key));
    }

    /// <summary>The actor and the center, or why not: Forbidden when the caller may not manage it, NotFound when it does not exist.</summary>
    private async Task<(Actor? Actor, Center? Center, OutcomeKind? Refusal)> CenterForActorAsync(Guid centerId, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (actor is null || !actor.IsAdmin)
        {
            return (null, null, OutcomeKind.Forbidden);
        }

        var center = await db.Centers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == centerId, ct);
        if (center is null)
        {
            return (actor, null, OutcomeKind.NotFound);
        }

        return actor.CanManage(center) ? (actor, center, null) : (actor, center, OutcomeKind.Forbidden);
    }

    private async Task<Actor?> ActorAsync(CancellationToken ct)
    {
        if (db.Scope.UserId is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == user.CenterId, ct);
        return new Actor(user, await users.GetRolesAsync(user), center);
    }

    private AuditRecord Audit(Actor actor, string action, string detail) => new()
    {
        At = clock.GetUtcNow(),
        UserId = actor.User.Id,
        UserName = actor.User.UserName,
        CenterId = actor.Center.Id,
        Action = action,
        Detail = detail,
    };

    private static ApiKeySummary Summary(ApiKey k) =>
        new(k.Id, k.CenterId, k.Name, k.Prefix, k.ScopeList, k.CreatedAt, k.CreatedByName, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
}
