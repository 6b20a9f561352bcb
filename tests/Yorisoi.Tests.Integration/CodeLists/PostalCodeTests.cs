using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Centers;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Web.Features.Cases;

namespace Yorisoi.Tests.Integration.CodeLists;

/// <summary>
/// POST /api/postal-codes/lookup, and how a postal address meets the municipalities a case is recorded with.
/// Postal data is embedded in the host, not read from the database, so one database (SQLite) is enough
/// here; who may call the endpoint is in the permission matrix.
/// </summary>
public sealed class PostalCodeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("1000001")]
    [InlineData("100-0001")]
    [InlineData("〒１００－０００１")]
    public async Task PostalCodeGivesItsMunicipalityCodeAndTown(string written)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/postal-codes/lookup", new { code = written });

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([new PostalAddress("13101", "東京都", "千代田区", "千代田")], await response.ReadAsync<List<PostalAddress>>());
    }

    [Fact]
    public async Task AnswerUsesTheApisCamelCaseNames()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/postal-codes/lookup", new { code = "060-0001" });

        var address = Assert.Single(JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray())!.AsObject();
        Assert.Equal(
            [("municipalityCode", "01101"), ("prefecture", "北海道"), ("municipality", "札幌市中央区"), ("town", "北一条西")],
            address.Select(p => (p.Key, p.Value!.GetValue<string>())));
    }

    [Fact]
    public async Task CodeOfSeveralTownsListsEachTown()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/postal-codes/lookup", new { code = "458-0817" });

        await response.ExpectAsync(HttpStatusCode.OK);
        var towns = await response.ReadAsync<List<PostalAddress>>();
        Assert.Equal(["鳴海町", "諸の木"], towns.Select(t => t.Town));
        Assert.All(towns, t => Assert.Equal("23114", t.MunicipalityCode));
    }

    [Fact]
    public async Task ThePostalCodeNeverTravelsInTheUrl()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var oldForm = await client.GetAsync("/api/postal-codes/100-0001");
        using var document = await client.GetAsync("/openapi/v1.json");

        Assert.NotEqual(HttpStatusCode.OK, oldForm.StatusCode);
        var paths = JsonNode.Parse(await document.ExpectAsync(HttpStatusCode.OK))!["paths"]!.AsObject();
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/api/postal-codes/{", StringComparison.Ordinal));
        Assert.Equal(["post"], paths["/api/postal-codes/lookup"]!.AsObject().Select(o => o.Key));
        Assert.NotNull(paths["/api/postal-codes/lookup"]!["post"]!["requestBody"]);
    }

    [Fact]
    public async Task UnknownPostalCodeIsAnEmptyListNotAnError()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/postal-codes/lookup", new { code = "000-0000" });

        Assert.Equal("[]", await response.ExpectAsync(HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("100-000")]
    [InlineData("10000011")]
    [InlineData("abc")]
    public async Task MalformedPostalCodeIsABadRequestWithAJapaneseMessage(string written)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/postal-codes/lookup", new { code = written });

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal("入力内容に誤りがあります。", problem["title"]!.GetValue<string>());
        Assert.Equal("郵便番号は7桁の数字で入力してください（例: 100-0001）。", problem["errors"]!["code"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryMunicipalityInThePostalDataIsOneACaseCanBeRecordedWith()
    {
        var all = await app.AsSystemAsync(db => MunicipalityDirectory.AllAsync(db));
        var known = all.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var mapped = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var address in EmbeddedPostalMunicipalities())
        {
            mapped[address.MunicipalityCode] = MunicipalityDirectory.ForPostalAddress(all, address)?.Code;
        }

        // Hamamatsu's 2024 wards are not in the list of local governments yet: 中央区 and 浜名区 fall back to the
        // city, the new 天竜区 (same area, new code) to the old 天竜区.
        Assert.Equal(1_892, mapped.Count);
        Assert.All(mapped.Values, code => Assert.True(code is not null && known.ContainsKey(code)));
        Assert.Equal(
            [("22138", "22130"), ("22139", "22130"), ("22140", "22137")],
            mapped.Where(m => m.Key != m.Value).Select(m => (m.Key, m.Value)));
    }

    [Fact]
    public async Task WardTheListOfLocalGovernmentsDoesNotHaveYetFallsBackToItsCity()
    {
        var postalCodes = new PostalCodeDirectory();
        var all = await app.AsSystemAsync(db => MunicipalityDirectory.AllAsync(db));
        var chuoWard = Assert.Single(postalCodes.Lookup("430-0801"));
        Assert.Equal(("22138", "浜松市中央区"), (chuoWard.MunicipalityCode, chuoWard.Municipality));
        Assert.DoesNotContain(all, e => e.Code == "22138");

        var entry = MunicipalityDirectory.ForPostalAddress(all, chuoWard);

        Assert.Equal(("22130", "静岡県 浜松市"), (entry?.Code, entry?.FullName));
    }

    /// <summary>One address per municipality code of the embedded Japan Post data, read as the product ships it.</summary>
    private static IEnumerable<PostalAddress> EmbeddedPostalMunicipalities()
    {
        using var resource = typeof(PostalCodeDirectory).Assembly.GetManifestResourceStream("Centers/Data/postal_codes_jp.csv.gz")!;
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        reader.ReadLine();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (seen.Add(fields[1]))
            {
                yield return new PostalAddress(fields[1], fields[2], fields[3], fields[4]);
            }
        }
    }
}
