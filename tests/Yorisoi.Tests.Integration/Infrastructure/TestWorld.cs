using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Integration.Infrastructure;

public sealed record TestUser(string Key, string Email, string DisplayName, string? Role, Guid CenterId, string? AuthenticatorKey)
{
    public Guid Id { get; set; }

    public override string ToString() => Key;
}

/// <summary>
/// A small, known world: centers A, B and C; a user for every role in A (admins with two-factor sign-in),
/// case workers in B and C; cases A1 (受付) and A2 (対応中) in A, B1 and B2 in B with B2 shared with A, and C1 in C
/// shared with B. A1 and B1 were filed for the same caller (<see cref="SharedPhone"/>). Tests that need more make their own cases.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-Password-2026";

    /// <summary>The consultant's phone number on A1 and on B1: one person who called both centers.</summary>
    public const string SharedPhone = "03-1111-0001";

    /// <summary>The test administrators' authenticator secret (base32).</summary>
    public const string AuthenticatorKey = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT";

    private TestWorld(Center a, Center b, Center c, IReadOnlyList<TestUser> users)
    {
        CenterA = a;
        CenterB = b;
        CenterC = c;
        Users = users;
    }

    public Center CenterA { get; }

    public Center CenterB { get; }

    public Center CenterC { get; }

    public IReadOnlyList<TestUser> Users { get; }

    public TestUser User(string key) => Users.Single(u => u.Key == key);

    public TestUser CounselorA => User("A.counselor");

    public TestUser Counselor2A => User("A.counselor2");

    public TestUser SupervisorA => User("A.supervisor");

    public TestUser CenterAdminA => User("A.center-admin");

    public TestUser PrefectureAdminA => User("A.prefecture-admin");

    public TestUser AnalystA => User("A.national-analyst");

    public TestUser SystemAdminA => User("A.system-admin");

    /// <summary>A center administrator who has not set up two-factor sign-in yet.</summary>
    public TestUser AdminWithoutTwoFactorA => User("A.center-admin-no-2fa");

    public TestUser CounselorB => User("B.counselor");

    public TestUser SupervisorB => User("B.supervisor");

    public TestUser CounselorC => User("C.counselor");

    public TestUser SupervisorC => User("C.supervisor");

    /// <summary>The signed-in user of each role of center A, keyed by role.</summary>
    public IReadOnlyDictionary<string, TestUser> RoleUsersA => Roles.All.ToDictionary(role => role, role => User("A." + role));

    public CaseDetail A1 { get; private set; } = null!;

    public CaseDetail A2 { get; private set; } = null!;

    public CaseDetail B1 { get; private set; } = null!;

    public CaseDetail B2 { get; private set; } = null!;

    public CaseDetail C1 { get; private set; } = null!;

    public static async Task<TestWorld> SeedAsync(AppFixture app)
    {
        var a = new Center { Code = "90001", Name = "試験A消費生活センター", Kind = CenterKind.Prefectural, PrefectureCode = "130001" };
        var b = new Center { Code = "90002", Name = "試験B消費生活センター", Kind = CenterKind.Municipal, PrefectureCode = "140007" };
        var c = new Center { Code = "90003", Name = "試験C消費生活センター", Kind = CenterKind.Municipal, PrefectureCode = "270008" };
        var users = new List<TestUser>();
        foreach (var role in Roles.All)
        {
            var twoFactor = Roles.RequireTwoFactor.Contains(role) ? AuthenticatorKey : null;
            users.Add(new TestUser("A." + role, $"a-{role}@test.yorisoi.jp", $"試験A {role}", role, a.Id, twoFactor));
        }

        users.Add(new TestUser("A.counselor2", "a-counselor2@test.yorisoi.jp", "試験A 相談員2", Roles.Counselor, a.Id, null));
        users.Add(new TestUser("A.center-admin-no-2fa", "a-admin-no2fa@test.yorisoi.jp", "試験A 管理者（2FA未設定）", Roles.CenterAdmin, a.Id, null));
        users.Add(new TestUser("B.counselor", "b-counselor@test.yorisoi.jp", "試験B 相談員", Roles.Counselor, b.Id, null));
        users.Add(new TestUser("B.supervisor", "b-supervisor@test.yorisoi.jp", "試験B 所属長", Roles.Supervisor, b.Id, null));
        users.Add(new TestUser("C.counselor", "c-counselor@test.yorisoi.jp", "試験C 相談員", Roles.Counselor, c.Id, null));
        users.Add(new TestUser("C.supervisor", "c-supervisor@test.yorisoi.jp", "試験C 所属長", Roles.Supervisor, c.Id, null));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
            db.Centers.AddRange(a, b, c);
            await db.SaveChangesAsync();

            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var user in users)
            {
                var entity = new AppUser { UserName = user.Email, Email = user.Email, EmailConfirmed = true, DisplayName = user.DisplayName, CenterId = user.CenterId, LockoutEnabled = true };
                Check(await userManager.CreateAsync(entity, Password));
                Check(await userManager.AddToRoleAsync(entity, user.Role!));
                if (user.AuthenticatorKey is { } key)
                {
                    Check(await userManager.SetAuthenticationTokenAsync(entity, "[AspNetUserStore]", "AuthenticatorKey", key));
                    Check(await userManager.SetTwoFactorEnabledAsync(entity, true));
                }

                user.Id = entity.Id;
            }
        }

        var world = new TestWorld(a, b, c, users);
        world.A1 = await app.RegisterAsync(world.CounselorA, i => Describe(i, "A1: 受付のままの相談。", SharedPhone, "株式会社エー商事"));
        world.A2 = await app.RegisterAsync(world.CounselorA, i => Describe(i, "A2: 対応中の相談。", "03-1111-0002", "株式会社ビー販売"));
        world.A2 = await app.DoAsync(world.CounselorA, s => s.AddHandlingLogAsync(world.A2.Id, CaseInputs.Log(), HandlingLogKind.Handling));
        world.B1 = await app.RegisterAsync(world.CounselorB, i => Describe(i, "B1: B センターだけの相談。", SharedPhone, "株式会社エー商事"));
        world.B2 = await app.RegisterAsync(world.CounselorB, i => Describe(i, "B2: A センターと共有した相談。", "03-1111-0003", "株式会社シー"));
        world.B2 = await app.DoAsync(world.CounselorB, s => s.ShareAsync(world.B2.Id, a.Id, "広域連携"));
        world.C1 = await app.RegisterAsync(world.CounselorC, i => Describe(i, "C1: B センターと共有した相談。", "03-1111-0004", "株式会社エー商事"));
        world.C1 = await app.DoAsync(world.CounselorC, s => s.ShareAsync(world.C1.Id, b.Id, "広域連携"));
        return world;
    }

    private static void Describe(CaseInput input, string summary, string phone, string business)
    {
        input.Summary = summary;
        input.Consultant.Phone = phone;
        input.Business.Name = business;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
