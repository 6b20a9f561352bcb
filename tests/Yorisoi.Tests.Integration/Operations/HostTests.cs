using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Operations;

public abstract class HostTests(AppFixture app)
{
    [Fact]
    public async Task OpenApiDocumentDescribesTheCaseEndpoints()
    {
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] expected =
        [
            "/api/cases", "/api/cases/{id}", "/api/cases/{id}/personal-data", "/api/cases/{id}/handling-log",
            "/api/cases/{id}/mediation/start", "/api/cases/{id}/mediation/entries", "/api/cases/{id}/mediation/end",
            "/api/cases/{id}/transitions", "/api/cases/{id}/shares", "/api/cases/{id}/history", "/api/repeat-consumers/search",
            "/api/code-lists/{list}", "/api/centers", "/api/municipalities", "/api/postal-codes/lookup", "/api/auth/login",
            "/api/admin/centers", "/api/admin/centers/{id}/users", "/api/admin/users/{id}/lock", "/api/admin/users/{id}/unlock",
            "/api/admin/users/{id}/reset-two-factor", "/api/search/cases", "/api/cases/{id}/similar", "/api/cases/{id}/faq-links",
            "/api/cases/{id}/faq-links/{entryId}", "/api/faq/search", "/api/faq/{id}", "/api/faq/categories", "/api/faq/suggestions", "/api/assist/suggestions", "/api/cases/{id}/checks", "/api/assist/check-report", "/api/cases/{id}/handover", "/api/cases/{id}/handover/llm-summary", "/api/admin/assist/model", "/api/admin/assist/model/training",
            "/api/knowledge/search", "/api/assist/checklists", "/api/assist/checklists/versions", "/api/assist/checklists/versions/{id}",
            "/api/assist/checklists/versions/{id}/publish",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value?["operationId"]?.GetValue<string>()))
            .ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "ListCases", "RegisterCase", "GetCase", "UpdateCase", "GetCasePersonalData", "AddHandlingLogEntry", "TransitionCase", "ShareCase", "GetCaseHistory", "FindRepeatConsumer",
                "SearchCases", "SimilarCases", "SearchPublicFaq", "GetPublicFaq", "SuggestForNarrative", "LinkCaseFaq", "ListCaseFaqLinks", "UnlinkCaseFaq",
                "GetCurrentChecklists", "ListChecklistVersions", "GetChecklistVersion", "CreateChecklistDraft", "UpdateChecklistDraft", "PublishChecklistVersion" },
            operations);
    }

    [Fact]
    public async Task TheHostRunsOnTheDatabaseUnderTest()
    {
        var provider = await app.AsSystemAsync(db => Task.FromResult(db.Database.ProviderName));

        Assert.Equal(app.Kind == DatabaseKind.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task LivenessAnswersWithoutSignIn()
    {
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPageNamesTheSiteIconAndTheIconIsServed()
    {
        using var client = app.AnonymousClient();
        using var page = await client.GetAsync("/login");
        var html = await page.ExpectAsync(HttpStatusCode.OK);
        var links = Regex.Matches(html, """<link rel="icon" href="([^"]+)"[^>]*>""").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, links.Count);
        using var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]);
        using var svg = await client.GetAsync("/" + links.Single(l => l.Contains(".svg", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessChecksTheDatabase()
    {
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HostOnSqliteTests(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class HostOnPostgresTests(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;
