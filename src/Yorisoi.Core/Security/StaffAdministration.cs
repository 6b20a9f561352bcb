using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Security;

public sealed record CenterSummary(Guid Id, string Code, string Name, CenterKind Kind, string PrefectureCode, string? MunicipalityCode, bool IsDemo);

public sealed record CenterInput(string? Code, string? Name, CenterKind? Kind, string? PrefectureCode, string? MunicipalityCode);

public sealed record StaffUser(Guid Id, Guid CenterId, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactorEnabled);

public sealed record StaffUserInput(string? Email, string? DisplayName, string? Role, string? Password);

/// <summary>An account as the rule on who may change whom sees it: who, with which roles, in which center and prefecture.</summary>
public sealed record StaffAccount(Guid UserId, IReadOnlyCollection<string> Roles, Guid CenterId, string PrefectureCode);

/// <summary>
/// Centers and staff accounts. Who may manage whom is decided here, from the signed-in user's roles and center
/// (the DbContext's AccessScope), so the API and the admin screen apply the same rules.
/// </summary>
public sealed class StaffAdministration(
    YorisoiDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    UserSessions sessions,
    TimeProvider clock)
{
    /// <summary>Roles a center or prefecture administrator may grant; anything wider needs a system administrator.</summary>
    public static IReadOnlyList<string> DelegableRoles { get; } = [Roles.Counselor, Roles.Supervisor, Roles.CenterAdmin];

    private sealed record Actor(AppUser User, IList<string> Roles, Center Center)
    {
        public bool IsSystemAdmin => Roles.Contains(Security.Roles.SystemAdmin);

        public bool IsPrefectureAdmin => Roles.Contains(Security.Roles.PrefectureAdmin);

        public bool IsCenterAdmin => Roles.Contains(Security.Roles.CenterAdmin);

        public StaffAccount Account => new(User.Id, Roles.ToList(), Center.Id, Center.PrefectureCode);
    }

    public const int DisplayNameMaxLength = 100;
    public const int CenterNameMaxLength = 200;
    public const int CenterCodeMaxLength = 16;

    /// <summary>
    /// Whether <paramref name="actor"/> may lock, unlock or reset the two-factor sign-in of <paramref name="target"/>:
    /// never themselves; only accounts of centers they manage; and, below a system administrator, only accounts
    /// whose every role they could have granted. The knowledge-base roles add no reach over cases or accounts, so a
    /// counselor who also edits FAQ entries stays in their center administrator's hands. The service enforces it and the
    /// admin screen offers only what it allows.
    /// </summary>
    public static bool MayChangeUser(StaffAccount actor, StaffAccount target)
    {
        var isSystemAdmin = actor.Roles.Contains(Roles.SystemAdmin);
        return actor.UserId != target.UserId
            && MayManageCenter(actor, target.CenterId, target.PrefectureCode)
            && (isSystemAdmin || target.Roles.All(r => DelegableRoles.Contains(r) || Roles.KnowledgeWorkers.Contains(r)));
    }

    /// <summary>The same rule for a row of the user list, whose center is <paramref name="center"/>.</summary>
    public static bool MayChangeUser(StaffAccount actor, StaffUser target, CenterSummary center) =>
        target.CenterId == center.Id && MayChangeUser(actor, new StaffAccount(target.Id, target.Roles, center.Id, center.PrefectureCode));

    /// <summary>Whether <paramref name="actor"/> administers the center: the one rule for staff accounts and API keys.</summary>
    internal static bool MayManageCenter(StaffAccount actor, Guid centerId, string prefectureCode) =>
        actor.Roles.Contains(Roles.SystemAdmin)
        || (actor.Roles.Contains(Roles.PrefectureAdmin) && prefectureCode == actor.PrefectureCode)
        || (actor.Roles.Contains(Roles.CenterAdmin) && centerId == actor.CenterId);

    /// <summary>The signed-in user as the rule on who may change whom sees them; null when nobody is signed in.</summary>
    public async Task<StaffAccount?> CurrentAccountAsync(CancellationToken ct = default) => (await ActorAsync(ct))?.Account;

    /// <summary>Centers whose users the signed-in user may manage.</summary>
    public async Task<IReadOnlyList<CenterSummary>> ManageableCentersAsync(CancellationToken ct = default)
    {
        var actor = await ActorAsync(ct);
        if (actor is null)
        {
            return [];
        }

        var query = db.Centers.AsNoTracking();
        if (!actor.IsSystemAdmin)
        {
            var prefecture = actor.Center.PrefectureCode;
            var own = actor.Center.Id;
            var byPrefecture = actor.IsPrefectureAdmin;
            if (!byPrefecture && !actor.IsCenterAdmin)
            {
                return [];
            }

            query = query.Where(c => c.Id == own || (byPrefecture && c.PrefectureCode == prefecture));
        }

        return await query.OrderBy(c => c.Code)
            .Select(c => new CenterSummary(c.Id, c.Code, c.Name, c.Kind, c.PrefectureCode, c.MunicipalityCode, c.IsDemo))
            .ToListAsync(ct);
    }

    public async Task<Outcome<CenterSummary>> CreateCenterAsync(CenterInput input, CancellationToken ct = default)
    {
        var actor = await ActorAsync(ct);
        if (actor is null || !actor.IsSystemAdmin)
        {
            return Outcome<CenterSummary>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        var errors = new ValidationErrors();
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add("Code", Messages.Get("Admin.CenterCodeRequired"));
        }
        else if (code.Length > CenterCodeMaxLength || !code.All(char.IsAsciiDigit))
        {
            errors.Add("Code", Messages.Format("Admin.InvalidCenterCode", CenterCodeMaxLength));
        }
        else if (await db.Centers.AnyAsync(c => c.Code == code, ct))
        {
            errors.Add("Code", Messages.Format("Admin.DuplicateCenterCode", code));
        }

        if (name.Length == 0)
        {
            errors.Add("Name", Messages.Get("Admin.CenterNameRequired"));
        }
        else if (name.Length > CenterNameMaxLength)
        {
            errors.Add("Name", Messages.Format("Admin.CenterNameTooLong", CenterNameMaxLength));
        }

        if (input.Kind is not (CenterKind.Prefectural or CenterKind.Municipal))
        {
            errors.Add("Kind", Messages.Get("Admin.InvalidCenterKind"));
        }

        var prefectureCode = input.PrefectureCode?.Trim() ?? "";
        var prefecture = prefectureCode.Length is 5 or 6
            ? await db.LocalGovernments.AsNoTracking()
                .FirstOrDefaultAsync(g => g.Kind == LocalGovernmentKind.Prefecture && (g.Code6 == prefectureCode || g.Code == prefectureCode), ct)
            : null;
        if (prefectureCode.Length == 0)
        {
            errors.Add("PrefectureCode", Messages.Get("Admin.PrefectureCodeRequired"));
        }
        else if (prefecture is null)
        {
            errors.Add("PrefectureCode", Messages.Get("Admin.UnknownPrefecture"));
        }

        var municipalityCode = string.IsNullOrWhiteSpace(input.MunicipalityCode) ? null : input.MunicipalityCode.Trim();
        if (municipalityCode is not null && prefecture is not null
            && !await db.LocalGovernments.AnyAsync(g => g.Code == municipalityCode && g.Kind != LocalGovernmentKind.Prefecture && g.PrefectureCode == prefecture.Code, ct))
        {
            errors.Add("MunicipalityCode", Messages.Get("Admin.UnknownMunicipality"));
        }

        if (!errors.IsValid)
        {
            return Outcome<CenterSummary>.Invalid(errors);
        }

        var center = new Center
        {
            Code = code,
            Name = name,
            Kind = input.Kind!.Value,
            PrefectureCode = prefecture!.Code6,
            MunicipalityCode = municipalityCode,
        };
        db.Centers.Add(center);
        db.AuditRecords.Add(Audit(actor, AuditActions.CenterCreated, $"center={center.Code}"));
        await db.SaveChangesAsync(ct);
        return new Outcome<CenterSummary>(OutcomeKind.Created, Summary(center));
    }

    public async Task<Outcome<IReadOnlyList<StaffUser>>> ListUsersAsync(Guid centerId, CancellationToken ct = default)
    {
        var (actor, center) = await CenterForActorAsync(centerId, ct);
        if (actor is null)
        {
            return Outcome<IReadOnlyList<StaffUser>>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        if (center is null)
        {
            return Outcome<IReadOnlyList<StaffUser>>.NotFound();
        }

        var members = await db.Users.AsNoTracking().Where(u => u.CenterId == centerId).OrderBy(u => u.Email).ToListAsync(ct);
        var memberIds = members.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where memberIds.Contains(ur.UserId)
                              select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        IReadOnlyList<StaffUser> list = members
            .Select(u => new StaffUser(u.Id, u.CenterId, u.Email ?? "", u.DisplayName,
                roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd is { } end && end > now, u.TwoFactorEnabled))
            .ToList();
        return new Outcome<IReadOnlyList<StaffUser>>(OutcomeKind.Ok, list);
    }

    public async Task<Outcome<StaffUser>> CreateUserAsync(Guid centerId, StaffUserInput input, CancellationToken ct = default)
    {
        var (actor, center) = await CenterForActorAsync(centerId, ct);
        if (actor is null)
        {
            return Outcome<StaffUser>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        if (center is null)
        {
            return Outcome<StaffUser>.NotFound();
        }

        var errors = new ValidationErrors();
        var email = input.Email?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add("Email", Messages.Get("Admin.EmailRequired"));
        }

        if (displayName.Length == 0)
        {
            errors.Add("DisplayName", Messages.Get("Admin.DisplayNameRequired"));
        }
        else if (displayName.Length > DisplayNameMaxLength)
        {
            errors.Add("DisplayName", Messages.Format("Admin.DisplayNameTooLong", DisplayNameMaxLength));
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("Password", Messages.Get("Admin.PasswordRequired"));
        }

        if (input.Role is null || !Roles.All.Contains(input.Role) || !await roles.RoleExistsAsync(input.Role))
        {
            errors.Add("Role", Messages.Get("Admin.UnknownRole"));
        }
        else if (!actor.IsSystemAdmin && !DelegableRoles.Contains(input.Role))
        {
            return Outcome<StaffUser>.Forbidden(Messages.Format("Admin.RoleNotGrantable", Roles.DisplayName(input.Role)));
        }

        if (!errors.IsValid)
        {
            return Outcome<StaffUser>.Invalid(errors);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CenterId = center.Id };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, input.Password);
            foreach (var error in check.Errors)
            {
                errors.Add("Password", error.Description);
            }
        }

        if (!errors.IsValid)
        {
            return Outcome<StaffUser>.Invalid(errors);
        }

        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email", error.Description);
            }

            return Outcome<StaffUser>.Invalid(errors);
        }

        await users.AddToRoleAsync(user, input.Role!);
        db.AuditRecords.Add(Audit(actor, AuditActions.UserCreated, $"user={user.Id}; center={center.Code}; role={input.Role}"));
        await db.SaveChangesAsync(ct);
        return new Outcome<StaffUser>(OutcomeKind.Created, new StaffUser(user.Id, user.CenterId, email, displayName, [input.Role!], false, false));
    }

    public Task<Outcome<StaffUser>> LockAsync(Guid userId, CancellationToken ct = default) =>
        ChangeUserAsync(userId, AuditActions.UserLocked, async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, ct);
        }, ct);

    public Task<Outcome<StaffUser>> UnlockAsync(Guid userId, CancellationToken ct = default) =>
        ChangeUserAsync(userId, AuditActions.UserUnlocked, async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }, ct);

    public Task<Outcome<StaffUser>> ResetTwoFactorAsync(Guid userId, CancellationToken ct = default) =>
        ChangeUserAsync(userId, AuditActions.UserTwoFactorReset, async user =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            // Sessions signed in with the old authenticator end with it.
            await sessions.EndAllAsync(user.Id, ct);
        }, ct);

    private async Task<Outcome<StaffUser>> ChangeUserAsync(Guid userId, string action, Func<AppUser, Task> change, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (actor is null || !(actor.IsSystemAdmin || actor.IsPrefectureAdmin || actor.IsCenterAdmin))
        {
            return Outcome<StaffUser>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome<StaffUser>.NotFound();
        }

        if (user.Id == actor.User.Id)
        {
            return Outcome<StaffUser>.Forbidden(Messages.Get("Admin.NotOnYourself"));
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == user.CenterId, ct);
        var targetRoles = await users.GetRolesAsync(user);
        if (!MayChangeUser(actor.Account, new StaffAccount(user.Id, targetRoles.ToList(), center.Id, center.PrefectureCode)))
        {
            return Outcome<StaffUser>.Forbidden(Messages.Get("Api.Forbidden"));
        }

        await change(user);
        db.AuditRecords.Add(Audit(actor, action, $"user={user.Id}; center={center.Code}"));
        await db.SaveChangesAsync(ct);
        return new Outcome<StaffUser>(OutcomeKind.Ok, new StaffUser(user.Id, user.CenterId, user.Email ?? "", user.DisplayName,
            targetRoles.ToList(), user.LockoutEnd is { } end && end > clock.GetUtcNow(), user.TwoFactorEnabled));
    }

    private static bool CanManage(Actor actor, Center center) => MayManageCenter(actor.Account, center.Id, center.PrefectureCode);

    /// <summary>The actor, when they may manage the center's users; the center, when it exists.</summary>
    private async Task<(Actor? Actor, Center? Center)> CenterForActorAsync(Guid centerId, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (actor is null)
        {
            return (null, null);
        }

        var center = await db.Centers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == centerId, ct);
        if (center is null)
        {
            return actor.IsSystemAdmin || actor.IsPrefectureAdmin || actor.IsCenterAdmin ? (actor, null) : (null, null);
        }

        return CanManage(actor, center) ? (actor, center) : (null, center);
    }

    private async Task<Actor?> ActorAsync(CancellationToken ct)
    {
        if (db.Scope.UserId is not { } id)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
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

    private static CenterSummary Summary(Center c) => new(c.Id, c.Code, c.Name, c.Kind, c.PrefectureCode, c.MunicipalityCode, c.IsDemo);
}
