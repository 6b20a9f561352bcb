using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Security;

/// <summary>
/// A credential for another system (a web form, a phone system, a center's own tools). It acts for one center only and
/// only within its scopes. The secret is shown once at creation; only its SHA-256 is kept.
/// </summary>
public class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CenterId { get; set; }

    public required string Name { get; set; }

    /// <summary>The public part of the key, for lookup and for telling keys apart in lists and audit records.</summary>
    public required string Prefix { get; set; }

    public required byte[] SecretHash { get; set; }

    /// <summary>Space-separated <see cref="ApiKeyScopes"/>.</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public string? CreatedByName { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedById { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The key as the client sends it: <c>yk_{prefix}_{secret}</c>.</summary>
    public static string Format(string prefix, string secret) => $"{KeyPrefix}{prefix}_{secret}";

    public const string KeyPrefix = "yk_";

    /// <summary>Splits a presented key into prefix and secret; false when it has not the key's shape.</summary>
    public static bool TryParse(string? presented, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (presented is null || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return false;
        }

        var rest = presented[KeyPrefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator != PrefixLength || rest.Length - separator - 1 < 43)
        {
            return false;
        }

        prefix = rest[..separator];
        secret = rest[(separator + 1)..];
        return prefix.All(char.IsAsciiLetterOrDigit);
    }

    public const int PrefixLength = 12;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>What a key may do. Deliberately few: no scope reaches personal contact details or administration.</summary>
public static class ApiKeyScopes
{
    /// <summary>List and read the center's cases (no personal contact details) and their history (masked).</summary>
    public const string CasesRead = "cases:read";

    /// <summary>Register cases and append handling log entries.</summary>
    public const string CasesWrite = "cases:write";

    public static IReadOnlyList<string> All { get; } = [CasesRead, CasesWrite];
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength);
        builder.Property(k => k.Scopes).HasMaxLength(200);
        builder.Property(k => k.CreatedByName).HasMaxLength(256);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.CenterId);
    }
}
