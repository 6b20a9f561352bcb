using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Administration;

/// <summary>Validation messages of /api/admin (the admin screen shows the same): a missing value is called missing, a long one too long.</summary>
public sealed class StaffInputMessageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnEmptyNewUserIsToldWhichFieldsAreRequired()
    {
        var admin = await app.ClientAsync(app.World.CenterAdminA);

        var errors = await ErrorsAsync(await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", new StaffUserInput("", " ", Roles.Counselor, "")));

        Assert.Equal("メールアドレスを入力してください。", errors["Email"]![0]!.GetValue<string>());
        Assert.Equal("氏名を入力してください。", errors["DisplayName"]![0]!.GetValue<string>());
        Assert.Equal("初期パスワードを入力してください。", errors["Password"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ATooLongNameIsToldItsLimit()
    {
        var admin = await app.ClientAsync(app.World.CenterAdminA);

        var errors = await ErrorsAsync(await admin.PostJsonAsync($"/api/admin/centers/{app.World.CenterA.Id}/users",
            new StaffUserInput($"long-{Guid.NewGuid():N}@test.yorisoi.jp", new string('名', 101), Roles.Counselor, "Initial-Password-2026")));

        Assert.Equal("氏名は100文字以内で入力してください。", Assert.Single(errors.AsObject()).Value![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEmptyNewCenterIsToldWhichFieldsAreRequired()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);

        var errors = await ErrorsAsync(await admin.PostJsonAsync("/api/admin/centers", new CenterInput("", "", CenterKind.Prefectural, "", null)));

        Assert.Equal("センターコードを入力してください。", errors["Code"]![0]!.GetValue<string>());
        Assert.Equal("センター名を入力してください。", errors["Name"]![0]!.GetValue<string>());
        Assert.Equal("都道府県コードを入力してください。", errors["PrefectureCode"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ABadCenterCodeAndATooLongNameAreToldTheirLimits()
    {
        var admin = await app.ClientAsync(app.World.SystemAdminA);

        var badCode = await ErrorsAsync(await admin.PostJsonAsync("/api/admin/centers", new CenterInput("12a", "テストセンター", CenterKind.Prefectural, "130001", null)));
        // A name longer than its column is refused at the request's edge, before the service sees the other fields.
        var longName = await ErrorsAsync(await admin.PostJsonAsync("/api/admin/centers", new CenterInput("13999", new string('名', 201), CenterKind.Prefectural, "130001", null)));

        Assert.Equal("センターコードは16桁以内の数字で入力してください。", badCode["Code"]![0]!.GetValue<string>());
        Assert.Equal("センター名は200文字以内で入力してください。", longName["Name"]![0]!.GetValue<string>());
    }

    private static async Task<JsonNode> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!;
        }
    }
}
