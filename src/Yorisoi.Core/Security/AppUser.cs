using Microsoft.AspNetCore.Identity;

namespace Yorisoi.Core.Security;

/// <summary>A staff member. Every user belongs to exactly one center (analysts to the national center).</summary>
public class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public Guid CenterId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted; a code is never accepted twice.</summary>
    public long? LastTotpTimeStep { get; set; }
}
