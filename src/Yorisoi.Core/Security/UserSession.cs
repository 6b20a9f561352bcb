using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Security;

/// <summary>
/// One signed-in browser session. The cookie carries only a random session key; the ticket (claims, expiry) lives here, so
/// deleting the row ends the session at once on every host that shares the database.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the session key (hex): a copy of the table is not enough to take over a session.</summary>
    public required string Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The serialized authentication ticket, protected with the host's data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

/// <summary>Ends sessions: one on sign-out, all of a user's when the account's credentials or standing change.</summary>
public sealed class UserSessions(YorisoiDbContext db)
{
    public Task<int> EndAllAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    public Task<int> EndAsync(string sessionKey, CancellationToken ct = default)
    {
        var id = UserSession.HashKey(sessionKey);
        return db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    public Task<int> CountAsync(Guid userId, DateTimeOffset now, CancellationToken ct = default) =>
        db.Set<UserSession>().CountAsync(s => s.UserId == userId && s.ExpiresAt > now, ct);
}
