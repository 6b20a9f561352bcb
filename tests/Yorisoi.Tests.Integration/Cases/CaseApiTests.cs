using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Cases;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>The API as an integrator reads it: the OpenAPI document, the code-list index, list parameters, and the case pages' status codes.</summary>
public abstract class CaseApiTests(AppFixture app)
{
    [Fact]
    public async Task AnUnknownListParameterIsABadRequestNotEveryCase()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync($"/api/cases?receipt={app.World.A1.ReceiptNumber}");

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.StartsWith("「receipt」は相談一覧の検索条件にありません（使える条件: status, ", problem["errors"]!["receipt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiptNumberTypedInFullWidthFindsTheCase()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var wide = string.Concat(app.World.A2.ReceiptNumber.Select(c => c == '-' ? 'ー' : (char)(c - '0' + '０')));

        using var response = await client.GetAsync($"/api/cases?receiptNumber={Uri.EscapeDataString(wide)}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([app.World.A2.Id], (await response.ReadAsync<PagedResult<CaseListItem>>()).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task FindingByReceiptNumberSeesOwnAndSharedCasesButNeverAnotherCentersCase()
    {
        var world = app.World;

        Assert.Equal(world.A1.Id, await app.AsUserAsync(world.CounselorA, cases => cases.FindByReceiptNumberAsync(world.A1.ReceiptNumber)));
        Assert.Equal(world.B2.Id, await app.AsUserAsync(world.CounselorA, cases => cases.FindByReceiptNumberAsync(world.B2.ReceiptNumber)));
        Assert.Null(await app.AsUserAsync(world.CounselorA, cases => cases.FindByReceiptNumberAsync(world.B1.ReceiptNumber)));
        Assert.Null(await app.AsUserAsync(world.CounselorC, cases => cases.FindByReceiptNumberAsync(world.A1.ReceiptNumber)));
        Assert.Null(await app.AsUserAsync(world.CounselorA, cases => cases.FindByReceiptNumberAsync("   ")));
    }

    [Fact]
    public async Task TheCodeListIndexNamesEveryListWithVersionSizeAndShape()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/code-lists");

        var lists = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        var byName = lists.ToDictionary(l => l!["name"]!.GetValue<string>(), l => l!);
        Assert.Equal(14, byName.Count);
        Assert.All(lists, l => Assert.Equal("2021.1", l!["version"]!.GetValue<string>()));
        Assert.True(byName["product"]["isHierarchical"]!.GetValue<bool>());
        Assert.True(byName["keyword"]["isHierarchical"]!.GetValue<bool>());
        Assert.False(byName["result"]["isHierarchical"]!.GetValue<bool>());
        Assert.Equal(7, byName["result"]["itemCount"]!.GetValue<int>());

        using var unknown = await client.GetAsync("/api/code-lists?version=1999.1");
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANumberWrittenWithItsTrunkPrefixInParenthesesIsTheSameCallerAsTheDomesticForm()
    {
        var local = $"03-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";
        var registered = await app.RegisterAsync(app.World.CounselorA, i => i.Consultant.Phone = "+81 (0)" + local[1..]);
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/repeat-consumers/search", new { phone = local });

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([registered.Id], (await response.ReadAsync<List<RepeatConsumerMatch>>()).Select(m => m.CaseId));
    }

    [Theory]
    [InlineData("keyword", "ていき", "K0208")] // 定期購入, by its reading
    [InlineData("keyword", "テイキ", "K0208")]
    [InlineData("product", "えいようほじょ", "0201")] // 健康食品, through the synonym list (栄養補助食品)
    [InlineData("product", "けいたいでんわ", "0702")] // 携帯電話・スマートフォン, beside 携帯電話サービス
    [InlineData("salesForm", "つうはん", "S3")] // 通信販売 (通販)
    public async Task TheCodeListSearchMatchesReadingsAndSynonymsNearTheTop(string list, string q, string expected)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync($"/api/code-lists/{list}?q={Uri.EscapeDataString(q)}");

        var items = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Contains(expected, items.Take(2).Select(i => i!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheCodeListSearchOffersTheProductsBoughtOnSubscriptionForTeiki()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync($"/api/code-lists/product?q={Uri.EscapeDataString("ていき")}&limit=10");

        var codes = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("0201", codes); // 健康食品
        Assert.Contains("0601", codes); // 化粧品
        Assert.True(codes.Count <= 10);
    }

    [Theory]
    [InlineData("/cases/{own}", HttpStatusCode.OK)]
    [InlineData("/cases/{other}", HttpStatusCode.NotFound)]
    [InlineData("/cases/{missing}", HttpStatusCode.NotFound)]
    [InlineData("/cases/{own}/edit", HttpStatusCode.OK)]
    [InlineData("/cases/{other}/edit", HttpStatusCode.NotFound)]
    public async Task TheCasePageAnswersNotFoundForACaseTheCenterMayNotSee(string path, HttpStatusCode status)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var url = path.Replace("{own}", app.World.A1.Id.ToString(), StringComparison.Ordinal)
            .Replace("{other}", app.World.B1.Id.ToString(), StringComparison.Ordinal)
            .Replace("{missing}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(status == HttpStatusCode.NotFound, html.Contains("相談が見つかりません", StringComparison.Ordinal));
        Assert.DoesNotContain("株式会社ビー販売", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheErrorsEachOperationCanReturn()
    {
        var paths = (await OpenApiAsync())["paths"]!;

        Assert.Superset(new HashSet<string> { "200", "400", "401", "403" }, Responses(paths["/api/cases"]!["get"]!));
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409" }, Responses(paths["/api/cases/{id}"]!["put"]!));
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409", "422" }, Responses(paths["/api/cases/{id}/transitions"]!["post"]!));
        Assert.Superset(new HashSet<string> { "409" }, Responses(paths["/api/cases/{id}/handling-log"]!["post"]!));
        Assert.Superset(new HashSet<string> { "401", "403" }, Responses(paths["/api/repeat-consumers/search"]!["post"]!));
        Assert.Superset(new HashSet<string> { "200", "401", "403" }, Responses(paths["/api/approvals"]!["get"]!));
        Assert.Superset(new HashSet<string> { "200", "401" }, Responses(paths["/api/code-lists"]!["get"]!));
        Assert.Contains(paths["/api/cases"]!["get"]!["parameters"]!.AsArray(), p => string.Equals(p!["name"]!.GetValue<string>(), "receiptNumber", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("CaseInput", "amountBilled")]
    [InlineData("CaseInput", "contractAmount")]
    [InlineData("CaseInput", "amountPaid")]
    [InlineData("CaseInput", "amountRelieved")]
    [InlineData("CaseDetail", "amountBilled")]
    public async Task AmountsArePublishedAsNonNegativeIntegers(string schema, string property)
    {
        var amount = (await OpenApiAsync())["components"]!["schemas"]![schema]!["properties"]![property]!;

        var types = amount["type"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [amount["type"]!.GetValue<string>()];
        Assert.Contains("integer", types);
        Assert.DoesNotContain("string", types);
        Assert.Null(amount["pattern"]);
        Assert.Equal(0, amount["minimum"]!.GetValue<decimal>());
    }

    private static HashSet<string> Responses(JsonNode operation) => operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    private async Task<JsonNode> OpenApiAsync()
    {
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
    }
}

public sealed class CaseApiOnSqliteTests(SqliteApp app) : CaseApiTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseApiOnPostgresTests(PostgresApp app) : CaseApiTests(app), IClassFixture<PostgresApp>;
