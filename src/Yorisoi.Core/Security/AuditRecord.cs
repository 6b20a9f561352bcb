using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yorisoi.Core.Security;

public static class AuditActions
{
    public const string ViewPersonalData = "view-personal-data";
    public const string DeniedCaseAccess = "denied-case-access";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string RepeatConsumerLookup = "repeat-consumer-lookup";
    public const string CenterCreated = "center-created";
    public const string UserCreated = "user-created";
    public const string UserLocked = "user-locked";
    public const string UserUnlocked = "user-unlocked";
    public const string UserTwoFactorReset = "user-two-factor-reset";
    public const string PasswordChanged = "password-changed";
    public const string ApiKeyCreated = "api-key-created";
    public const string ApiKeyRevoked = "api-key-revoked";

    /// <summary>A presented key was unknown, malformed, wrong, revoked or expired (the detail says which; never the secret).</summary>
    public const string ApiKeyRejected = "api-key-rejected";

    /// <summary>A valid key asked for something outside its scopes.</summary>
    public const string ApiKeyDenied = "api-key-denied";
}

/// <summary>Append-only: the application offers no way to change or remove one (see YorisoiDbContext.SaveChanges).</summary>
public class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public Guid? CenterId { get; set; }

    public required string Action { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>Names of the personal fields shown, comma-separated; never their values.</summary>
    public string? Fields { get; set; }

    public string? Detail { get; set; }
}

public sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Fields).HasMaxLength(1000);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => new { a.CaseId, a.At });
        builder.HasIndex(a => a.At);
    }
}
