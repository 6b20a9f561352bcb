namespace Yorisoi.Core.Security;

/// <summary>
/// Whose data the current unit of work may see. The DbContext's global query filters read it,
/// so center scoping is decided here and nowhere else.
/// </summary>
public sealed class AccessScope
{
    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    /// <summary>The center whose cases (and cases shared with it) are visible. Null sees nothing.</summary>
    public Guid? CenterId { get; private set; }

    /// <summary>Only for system work: migrations, seeding, bulk loads. Never set from a request.</summary>
    public bool Unrestricted { get; private set; }

    public static AccessScope System() => new() { Unrestricted = true, UserName = "system" };

    public static AccessScope ForUser(Guid userId, string userName, Guid centerId) =>
        new() { UserId = userId, UserName = userName, CenterId = centerId };

    public void BecomeUser(Guid userId, string userName, Guid centerId)
    {
        UserId = userId;
        UserName = userName;
        CenterId = centerId;
        Unrestricted = false;
    }

    public void BecomeSystem()
    {
        UserId = null;
        UserName = "system";
        CenterId = null;
        Unrestricted = true;
    }
}
