using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// Keeps sign-in tickets in the user_sessions table, so that ending a session (sign-out, password change, lock,
/// two-factor reset) takes effect on the next request on every host, not when the cookie runs out.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>The session key inside the principal, so an interactive circuit can check its session too.</summary>
    public const string SessionClaim = "yorisoi:sid";

    // Writing last-seen on every request would turn each read into a write; a minute is precise enough to see who is active.
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Yorisoi.UserSessions.Ticket");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        SetSessionClaim(ticket, key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        // Abandoned sessions are cleared as new ones start, so the table holds only live ones and needs no job.
        await db.Set<UserSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Add(new UserSession
        {
            Id = UserSession.HashKey(key),
            UserId = Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : Guid.Empty,
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now + SecurityRegistration.IdleTimeout,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        SetSessionClaim(ticket, key);
        var id = UserSession.HashKey(key);
        var now = clock.GetUtcNow();
        var bytes = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? now + SecurityRegistration.IdleTimeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        // An update, never an insert: a session ended meanwhile on another host must stay ended.
        await db.Set<UserSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var id = UserSession.HashKey(key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= now)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync();
            return null;
        }

        var ticket = Unprotect(session.Ticket);
        if (ticket is null)
        {
            return null;
        }

        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        SetSessionClaim(ticket, key);
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserSessions>().EndAsync(key);
    }

    /// <summary>
    /// Whether the session still exists; while <paramref name="activeUntil"/> lies beyond its expiry (the user works on an
    /// interactive screen, which sends no HTTP requests), the expiry moves with it, as a request would slide the cookie.
    /// </summary>
    public async Task<bool> IsActiveAsync(string key, DateTimeOffset activeUntil, CancellationToken ct)
    {
        var id = UserSession.HashKey(key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || session.ExpiresAt <= now)
        {
            return false;
        }

        if (activeUntil > session.ExpiresAt && Unprotect(session.Ticket) is { } ticket)
        {
            ticket.Properties.ExpiresUtc = activeUntil;
            var bytes = Protect(ticket);
            await db.Set<UserSession>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, activeUntil).SetProperty(x => x.LastSeenAt, now), ct);
        }

        return true;
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] bytes)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            // Written with a data-protection key this host does not have (rotated away or not shared): not a valid session.
            return null;
        }
    }

    private static void SetSessionClaim(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var old in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionClaim, key));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
