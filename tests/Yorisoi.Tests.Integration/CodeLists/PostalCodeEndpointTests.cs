using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Centers;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.CodeLists;

/// <summary>
/// GET /api/postal-codes/{code}. The answer comes from data embedded in the host, not from the database,
/// so one database (SQLite) is enough here; who may call it is in the permission matrix.
/// </summary>
public sealed class PostalCodeEndpointTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("1000001")]
    [InlineData("100-0001")]
    [InlineData("〒１００－０００１")]
    public async Task PostalCodeGivesItsMunicipalityCodeAndTown(string written)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/postal-codes/" + Uri.EscapeDataString(written));

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([new PostalAddress("13101", "東京都", "千代田区", "千代田")], await response.ReadAsync<List<PostalAddress>>());
    }

    [Fact]
    public async Task AnswerUsesTheApisCamelCaseNames()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/postal-codes/060-0001");

        var address = Assert.Single(JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray())!.AsObject();
        Assert.Equal(
            [("municipalityCode", "01101"), ("prefecture", "北海道"), ("municipality", "札幌市中央区"), ("town", "北一条西")],
            address.Select(p => (p.Key, p.Value!.GetValue<string>())));
    }

    [Fact]
    public async Task CodeOfSeveralTownsListsEachTown()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/postal-codes/458-0817");

        await response.ExpectAsync(HttpStatusCode.OK);
        var towns = await response.ReadAsync<List<PostalAddress>>();
        Assert.Equal(["鳴海町", "諸の木"], towns.Select(t => t.Town));
        Assert.All(towns, t => Assert.Equal("23114", t.MunicipalityCode));
    }

    [Fact]
    public async Task UnknownPostalCodeIsAnEmptyListNotAnError()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/postal-codes/000-0000");

        Assert.Equal("[]", await response.ExpectAsync(HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("100-000")]
    [InlineData("10000011")]
    [InlineData("abc")]
    public async Task MalformedPostalCodeIsABadRequestWithAJapaneseMessage(string written)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/postal-codes/" + Uri.EscapeDataString(written));

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal("入力内容に誤りがあります。", problem["title"]!.GetValue<string>());
        Assert.Equal("郵便番号は7桁の数字で入力してください（例: 100-0001）。", problem["errors"]!["code"]![0]!.GetValue<string>());
    }
}
