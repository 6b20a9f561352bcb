using System.Net;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Assistance;

/// <summary>The printable cooling-off postcard of a case: built from the case, for its own center only, with no personal data.</summary>
public abstract class CoolingOffNoticePageTests(AppFixture app)
{
    [Fact]
    public async Task ThePostcardCarriesTheContractAndTheBusinessButNoPersonalData()
    {
        var world = app.World;
        var registered = await app.RegisterAsync(world.CounselorA, i =>
        {
            i.SalesFormCode = "S2";
            i.ProductCode = "0301";
            i.ContractDate = new DateOnly(2026, 11, 20);
            i.DocumentReceivedDate = new DateOnly(2026, 11, 20);
            i.ContractAmount = 298_000;
            i.PaymentMethodCode = "P05";
            i.Business.Name = "株式会社ふとん本舗テスト";
            i.Business.Address = "東京都千代田区丸の内9-9-9";
            i.Consultant.Name = "通知太郎ユニーク";
        });
        var client = await app.ClientAsync(world.CounselorA);

        using var response = await client.GetAsync($"/cases/{registered.Id}/cooling-off-notice?salesPerson={Uri.EscapeDataString("山田")}&credit={Uri.EscapeDataString("テスト信販株式会社")}");
        var page = WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("契約解除通知書", page, StringComparison.Ordinal);
        Assert.Contains("株式会社ふとん本舗テスト", page, StringComparison.Ordinal);
        Assert.Contains("東京都千代田区丸の内9-9-9", page, StringComparison.Ordinal);
        Assert.Contains("2026年11月20日", page, StringComparison.Ordinal);
        Assert.Contains("298,000円", page, StringComparison.Ordinal);
        Assert.Contains("家具・寝具", page, StringComparison.Ordinal);
        Assert.Contains("山田", page, StringComparison.Ordinal);
        // Paid by 個別クレジット: a second card goes to the credit company.
        Assert.Contains("テスト信販株式会社", page, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(page, "data-testid=\"postcard-"));
        Assert.DoesNotContain("通知太郎ユニーク", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCentersCaseIsNotFoundAndTheAttemptIsAudited()
    {
        var world = app.World;
        var deniedBefore = (await app.AuditAsync(world.B1.Id, AuditActions.DeniedCaseAccess)).Count;
        var client = await app.ClientAsync(world.CounselorA);

        using var response = await client.GetAsync($"/cases/{world.B1.Id}/cooling-off-notice");
        var page = WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.NotFound));

        Assert.DoesNotContain("契約解除通知書", page, StringComparison.Ordinal);
        Assert.Equal(deniedBefore + 1, (await app.AuditAsync(world.B1.Id, AuditActions.DeniedCaseAccess)).Count);
    }

    [Fact]
    public async Task OnlyCaseWorkersOpenThePage()
    {
        var world = app.World;
        using var anonymous = await app.AnonymousClient().GetAsync($"/cases/{world.A1.Id}/cooling-off-notice");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var analyst = await app.ClientAsync(world.RoleUsersA[Roles.NationalAnalyst]);
        using var denied = await analyst.GetAsync($"/cases/{world.A1.Id}/cooling-off-notice");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.DoesNotContain("契約解除通知書", WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class CoolingOffNoticePageOnSqliteTests(SqliteApp app) : CoolingOffNoticePageTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CoolingOffNoticePageOnPostgresTests(PostgresApp app) : CoolingOffNoticePageTests(app), IClassFixture<PostgresApp>;
