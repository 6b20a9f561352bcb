using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Administration;

/// <summary>Centers and staff accounts through /api/admin: who may do what, and what a created account can then do.</summary>
public abstract class AdministrationTests(AppFixture app)
{
    private const string NewPassword = "Initial-Password-2026";

    private static readonly string[] Admins = [Roles.CenterAdmin, Roles.PrefectureAdmin, Roles.SystemAdmin];

    public static TheoryData<string> AllRoles => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EachEndpointAnswersEachRoleWithTheExpectedStatus(string role)
    {
        var world = app.World;
        var client = await app.ClientAsync(world.RoleUsersA[role]);
        var isAdmin = Admins.Contains(role);
        var isSystemAdmin = role == Roles.SystemAdmin;
        var denied = HttpStatusCode.Forbidden;

        await (await client.GetAsync("/api/admin/centers")).ExpectAsync(isAdmin ? HttpStatusCode.OK : denied);
        await (await client.PostJsonAsync("/api/admin/centers", NewCenter())).ExpectAsync(isSystemAdmin ? HttpStatusCode.Created : denied);
        await (await client.GetAsync($"/api/admin/centers/{world.CenterA.Id}/users")).ExpectAsync(isAdmin ? HttpStatusCode.OK : denied);
        await (await client.GetAsync($"/api/admin/centers/{world.CenterB.Id}/users")).ExpectAsync(isSystemAdmin ? HttpStatusCode.OK : denied);
        await (await client.PostJsonAsync($"/api/admin/centers/{world.CenterA.Id}/users", NewUser(Roles.Counselor))).ExpectAsync(isAdmin ? HttpStatusCode.Created : denied);
        await (await client.PostJsonAsync($"/api/admin/centers/{world.CenterB.Id}/users", NewUser(Roles.Counselor))).ExpectAsync(isSystemAdmin ? HttpStatusCode.Created : denied);

        var target = await CreateUserAsync(world.CenterA.Id, Roles.Counselor);
        var other = await CreateUserAsync(world.CenterB.Id, Roles.Counselor);
        foreach (var action in new[] { "lock", "unlock", "reset-two-factor" })
        {
            await (await client.PostAsync($"/api/admin/users/{target}/{action}", null)).ExpectAsync(isAdmin ? HttpStatusCode.OK : denied);
            await (await client.PostAsync($"/api/admin/users/{other}/{action}", null)).ExpectAsync(isSystemAdmin ? HttpStatusCode.OK : denied);
        }
    }

    [Fact]
    public async Task AnonymousCallersAreToldToSignIn()
    {
        using var client = app.AnonymousClient();

        await (await client.GetAsync("/api/admin/centers")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", NewUser(Roles.Counselor))).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsync($"/api/admin/users/{app.World.CounselorA.Id}/lock", null)).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CenterAdminCannotCreateAUserInAnotherCenter()
    {
        var client = await app.ClientAsync(app.World.CenterAdminA);
        var input = NewUser(Roles.Counselor);

        await (await client.PostJsonAsync($"/api/admin/centers/{app.World.CenterB.Id}/users", input)).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.False(await app.AsSystemAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)));
    }

    [Theory]
    [InlineData(Roles.SystemAdmin)]
    [InlineData(Roles.PrefectureAdmin)]
    [InlineData(Roles.NationalAnalyst)]
    public async Task CenterAndPrefectureAdminsCannotGrantWiderRoles(string role)
    {
        foreach (var admin in new[] { app.World.CenterAdminA, app.World.PrefectureAdminA })
        {
            var client = await app.ClientAsync(admin);
            var input = NewUser(role);

            await (await client.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", input)).ExpectAsync(HttpStatusCode.Forbidden);

            Assert.False(await app.AsSystemAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)));
        }
    }

    [Fact]
    public async Task CenterAdminCannotLockASystemAdministrator()
    {
        var client = await app.ClientAsync(app.World.CenterAdminA);

        await (await client.PostAsync($"/api/admin/users/{app.World.SystemAdminA.Id}/lock", null)).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NobodyCanLockThemselves()
    {
        foreach (var admin in new[] { app.World.CenterAdminA, app.World.PrefectureAdminA, app.World.SystemAdminA })
        {
            var client = await app.ClientAsync(admin);

            await (await client.PostAsync($"/api/admin/users/{admin.Id}/lock", null)).ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/admin/users/{admin.Id}/reset-two-factor", null)).ExpectAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task ACreatedUserSignsInAndSeesOnlyTheirCentersCases()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);
        var input = NewUser(Roles.Counselor);
        using var created = await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterC.Id}/users", input);
        await created.ExpectAsync(HttpStatusCode.Created);
        var user = await created.ReadAsync<StaffUser>();
        Assert.Equal(app.World.CenterC.Id, user.CenterId);
        Assert.Equal([Roles.Counselor], user.Roles);

        using var client = await SignInAsync(input.Email!, HttpStatusCode.NoContent);
        using var list = await client.GetAsync("/api/cases?pageSize=100");
        await list.ExpectAsync(HttpStatusCode.OK);
        var page = await list.ReadAsync<PagedResult<CaseListItem>>();

        Assert.Contains(app.World.C1.Id, page.Items.Select(i => i.Id));
        Assert.DoesNotContain(page.Items, i => i.Id == app.World.A1.Id || i.Id == app.World.A2.Id || i.Id == app.World.B1.Id || i.Id == app.World.B2.Id);
        await (await client.GetAsync($"/api/cases/{app.World.A1.Id}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALockedUserCannotSignInUntilUnlocked()
    {
        var input = NewUser(Roles.Counselor);
        var id = await CreateUserAsync(app.World.CenterA.Id, input);
        var admin = await app.ClientAsync(app.World.CenterAdminA);

        using var locked = await admin.PostAsync($"/api/admin/users/{id}/lock", null);
        await locked.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await locked.ReadAsync<StaffUser>()).LockedOut);
        // A locked account is refused like a wrong password, so the answer does not reveal that it exists.
        (await SignInAsync(input.Email!, HttpStatusCode.Unauthorized)).Dispose();

        await (await admin.PostAsync($"/api/admin/users/{id}/unlock", null)).ExpectAsync(HttpStatusCode.OK);
        (await SignInAsync(input.Email!, HttpStatusCode.NoContent)).Dispose();
    }

    [Fact]
    public async Task ChangesAreAuditedWithoutPasswords()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);
        var center = NewCenter();
        await (await admin.PostJsonAsync("/api/admin/centers", center)).ExpectAsync(HttpStatusCode.Created);
        var input = NewUser(Roles.Supervisor);
        var id = await CreateUserAsync(app.World.CenterA.Id, input);
        await (await admin.PostAsync($"/api/admin/users/{id}/lock", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/admin/users/{id}/unlock", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/admin/users/{id}/reset-two-factor", null)).ExpectAsync(HttpStatusCode.OK);

        var records = await app.AsSystemAsync(db => db.AuditRecords.AsNoTracking()
            .Where(a => a.UserId == app.World.SystemAdminA.Id && a.Detail != null && (a.Detail.Contains(id.ToString()) || a.Detail.Contains(center.Code!)))
            .OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(
            [AuditActions.CenterCreated, AuditActions.UserCreated, AuditActions.UserLocked, AuditActions.UserUnlocked, AuditActions.UserTwoFactorReset],
            records.Select(r => r.Action));
        Assert.All(records, r => Assert.DoesNotContain(NewPassword, r.Detail!, StringComparison.Ordinal));
        Assert.Contains($"role={Roles.Supervisor}", records[1].Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputIsAnsweredWithJapaneseProblemDetails()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);

        using var weak = await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", NewUser(Roles.Counselor) with { Password = "short" });
        var weakErrors = JsonNode.Parse(await weak.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!;
        Assert.Contains("12文字以上", weakErrors["Password"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var duplicate = await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", NewUser(Roles.Counselor) with { Email = app.World.CounselorA.Email });
        Assert.NotNull(JsonNode.Parse(await duplicate.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["Email"]);

        using var noRole = await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", NewUser("boss"));
        Assert.NotNull(JsonNode.Parse(await noRole.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["Role"]);

        using var badCenter = await admin.PostJsonAsync("/api/admin/centers", new CenterInput("", "", CenterKind.National, "999999", "99999"));
        var centerErrors = JsonNode.Parse(await badCenter.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        Assert.Equal(["Code", "Kind", "Name", "PrefectureCode"], centerErrors.Select(e => e.Key).Order(StringComparer.Ordinal));

        using var duplicateCode = await admin.PostJsonAsync("/api/admin/centers", NewCenter() with { Code = app.World.CenterA.Code });
        Assert.NotNull(JsonNode.Parse(await duplicateCode.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["Code"]);

        using var foreignMunicipality = await admin.PostJsonAsync("/api/admin/centers", NewCenter() with { MunicipalityCode = "14100" });
        Assert.NotNull(JsonNode.Parse(await foreignMunicipality.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["MunicipalityCode"]);

        await (await admin.GetAsync($"/api/admin/centers/{Guid.NewGuid()}/users")).ExpectAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/lock", null)).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PrefectureAdminSeesTheCentersOfTheirPrefectureOnly()
    {
        var admin = await app.ClientAsync(app.World.PrefectureAdminA);

        using var response = await admin.GetAsync("/api/admin/centers");
        await response.ExpectAsync(HttpStatusCode.OK);
        var centers = await response.ReadAsync<List<CenterSummary>>();

        Assert.Contains(centers, c => c.Id == app.World.CenterA.Id);
        Assert.All(centers, c => Assert.Equal(app.World.CenterA.PrefectureCode, c.PrefectureCode));
    }

    [Fact]
    public async Task ACenterCreatedBySystemAdminTakesUsers()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);
        using var response = await admin.PostJsonAsync("/api/admin/centers", NewCenter() with { Kind = CenterKind.Municipal, MunicipalityCode = "13101" });
        await response.ExpectAsync(HttpStatusCode.Created);
        var center = await response.ReadAsync<CenterSummary>();
        Assert.Equal("130001", center.PrefectureCode);

        await CreateUserAsync(center.Id, Roles.CenterAdmin);

        using var users = await admin.GetAsync($"/api/admin/centers/{center.Id}/users");
        var list = await users.ReadAsync<List<StaffUser>>();
        Assert.Equal([Roles.CenterAdmin], Assert.Single(list).Roles);
    }

    private static CenterInput NewCenter() =>
        new("8" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), "新設消費生活センター", CenterKind.Prefectural, "130001", null);

    private static StaffUserInput NewUser(string role) =>
        new($"new-{Guid.NewGuid():N}@test.yorisoi.jp", "新規 職員", role, NewPassword);

    private Task<Guid> CreateUserAsync(Guid centerId, string role) => CreateUserAsync(centerId, NewUser(role));

    private async Task<Guid> CreateUserAsync(Guid centerId, StaffUserInput input)
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);
        using var response = await admin.PostJsonAsync($"/api/admin/centers/{centerId}/users", input);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadAsync<StaffUser>()).Id;
    }

    private async Task<HttpClient> SignInAsync(string email, params HttpStatusCode[] expected)
    {
        var client = app.AnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });
        Assert.Contains(response.StatusCode, expected);
        return client;
    }
}

public sealed class AdministrationOnSqliteTests(SqliteApp app) : AdministrationTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AdministrationOnPostgresTests(PostgresApp app) : AdministrationTests(app), IClassFixture<PostgresApp>;
