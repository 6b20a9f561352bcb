using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;
using static Yorisoi.Tests.Integration.Security.PermissionMatrixKnowledgeReadTests;

namespace Yorisoi.Tests.Integration.Assistance;

/// <summary>
/// Checklists as versioned data in the database (/api/assist/checklists): every signed-in staff member reads the version
/// in use and the versions; the national center's FAQ editors draft and its FAQ approvers publish, as for national FAQ
/// entries. A publication changes what POST /api/assist/suggestions returns, on this host at once and on a second host
/// sharing the database within seconds; published versions never change and none is deleted, whoever asks.
/// </summary>
public abstract class ChecklistVersionApiTests(AppFixture app)
{
    private const string Versions = "/api/assist/checklists/versions";

    //                                                   anon coun sup  cadm padm anal sys  edA  appA edN  appN
    private static readonly Dictionary<string, int[]> Endpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/assist/checklists"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/assist/checklists/versions"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/assist/checklists/versions/{draft}"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/assist/checklists/versions"] = [401, 403, 403, 403, 403, 403, 403, 403, 403, 201, 403],
        ["PUT /api/assist/checklists/versions/{draft}"] = [401, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
        ["POST /api/assist/checklists/versions/{draft}/publish"] = [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
    };

    public static TheoryData<string, string, int> Cells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in Endpoints)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(endpoint, Columns[i], statuses[i]);
            }
        }

        return data;
    }

    private Task<KnowledgeWorld> WorldAsync() => app.OnceAsync(KnowledgeWorld.SeedAsync);

    private async Task<HttpClient> ClientAsync(string column)
    {
        var world = await WorldAsync();
        return column switch
        {
            Yorisoi.Tests.Integration.Security.PermissionMatrix.Anonymous => app.AnonymousClient(),
            NationalEditor => await app.ClientAsync(world.NationalEditor),
            NationalApprover => await app.ClientAsync(world.NationalApprover),
            _ => await app.ClientAsync(app.World.RoleUsersA[column]),
        };
    }

    private static string NewLabel() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The document of the version in use, as the API gives it, with a new label.</summary>
    private async Task<JsonObject> CurrentDocumentAsync(string label)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        using var response = await client.GetAsync("/api/assist/checklists");
        var document = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!["document"]!.AsObject();
        document["version"] = label;
        return document;
    }

    /// <summary>A draft started by the national editor from the version in use.</summary>
    private async Task<(long Id, string Label)> DraftAsync(Action<JsonObject>? change = null)
    {
        var label = NewLabel();
        var document = await CurrentDocumentAsync(label);
        change?.Invoke(document);
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        using var response = await editor.PostJsonAsync(Versions, new { document, note = "試験の下書き" });
        var created = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.Created))!;
        return (created["version"]!["id"]!.GetValue<long>(), label);
    }

    private async Task PublishAsync(long id)
    {
        var approver = await app.ClientAsync((await WorldAsync()).NationalApprover);
        using var response = await approver.PostJsonAsync($"{Versions}/{id}/publish", new { note = "試験の公開" });
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    private Task<int> RowCountAsync() => app.AsSystemAsync(db => db.Set<ChecklistVersion>().CountAsync());

    /// <summary>Adds an item of its own id: versions published by the other tests of the class may hold earlier ones.</summary>
    private static void AddItemToDoorToDoor(JsonObject document, string text, string id)
    {
        var houmon = document["checklists"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "houmon-hanbai")!;
        houmon["items"]!.AsArray().Add(new JsonObject { ["id"] = id, ["text"] = text, ["field"] = "businessName" });
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachEndpointAnswersEachRoleAsTheMatrixSays(string endpoint, string column, int status)
    {
        var client = await ClientAsync(column);
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var needsDraft = path.Contains("{draft}", StringComparison.Ordinal);
        var (draft, label) = needsDraft ? await DraftAsync() : (0, "");
        path = path.Replace("{draft}", draft.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var rowsBefore = await RowCountAsync();

        using var response = (method, path) switch
        {
            ("GET", _) => await client.GetAsync(path),
            ("POST", Versions) => await client.PostJsonAsync(path, new { document = await CurrentDocumentAsync(NewLabel()) }),
            ("PUT", _) => await client.PutJsonAsync(path, new { revision = 1, document = await CurrentDocumentAsync(label), note = "行列" }),
            _ => await client.PostJsonAsync(path, new { note = "行列" }),
        };

        await response.ExpectAsync((HttpStatusCode)status);
        Assert.Equal(status == 201 ? rowsBefore + 1 : rowsBefore, await RowCountAsync());
        if (needsDraft && method != "GET")
        {
            var row = await app.AsSystemAsync(db => db.Set<ChecklistVersion>().AsNoTracking().SingleAsync(v => v.Id == draft));
            Assert.Equal(status == 200 && path.EndsWith("/publish", StringComparison.Ordinal) ? ChecklistVersionState.Published : ChecklistVersionState.Draft, row.State);
            Assert.Equal(status == 200 && method == "PUT" ? 2 : 1, row.Revision);
        }
    }

    [Fact]
    public async Task APublishedDraftIsWhatTheSuggestionsReturnWithItsVersionLabel()
    {
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var itemId = "t-" + Guid.NewGuid().ToString("N")[..8];
        var (id, label) = await DraftAsync(d => AddItemToDoorToDoor(d, "試験：勧誘した担当者の名刺をもらったか", itemId));
        var request = new { text = "訪問販売で布団を契約した", @case = new { salesForm = "S2" } };

        using (var before = await counselor.PostJsonAsync("/api/assist/suggestions", request))
        {
            var result = JsonNode.Parse(await before.ExpectAsync(HttpStatusCode.OK))!;
            Assert.NotEqual(label, result["checklistVersion"]!.GetValue<string>());
        }

        await PublishAsync(id);

        using var after = await counselor.PostJsonAsync("/api/assist/suggestions", request);
        var suggestions = JsonNode.Parse(await after.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(label, suggestions["checklistVersion"]!.GetValue<string>());
        var houmon = suggestions["checklists"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "houmon-hanbai")!;
        Assert.Equal(label, houmon["version"]!.GetValue<string>());
        var item = houmon["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == itemId)!;
        Assert.Equal("試験：勧誘した担当者の名刺をもらったか", item["text"]!.GetValue<string>());
        Assert.False(item["done"]!.GetValue<bool>());

        using var current = await counselor.GetAsync("/api/assist/checklists");
        var body = JsonNode.Parse(await current.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(label, body["version"]!.GetValue<string>());
        Assert.Equal(id, body["versionId"]!.GetValue<long>());
    }

    [Fact]
    public async Task TheVersionListShowsTheCurrentOneAndEarlierVersionsStayReadable()
    {
        var (first, firstLabel) = await DraftAsync(d => AddItemToDoorToDoor(d, "一つ目の版の質問", "t-" + Guid.NewGuid().ToString("N")[..8]));
        await PublishAsync(first);
        var (second, secondLabel) = await DraftAsync();
        await PublishAsync(second);
        var counselor = await app.ClientAsync(app.World.CounselorA);

        using var list = await counselor.GetAsync(Versions);
        var body = JsonNode.Parse(await list.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(secondLabel, body["currentVersion"]!.GetValue<string>());
        Assert.Equal(ChecklistLibrary.Shipped.Version, body["shippedVersion"]!.GetValue<string>());
        var versions = body["versions"]!.AsArray();
        Assert.True(versions.Single(v => v!["id"]!.GetValue<long>() == second)!["isCurrent"]!.GetValue<bool>());
        Assert.False(versions.Single(v => v!["id"]!.GetValue<long>() == first)!["isCurrent"]!.GetValue<bool>());

        using var old = await counselor.GetAsync($"{Versions}/{first}");
        var detail = JsonNode.Parse(await old.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(firstLabel, detail["document"]!["version"]!.GetValue<string>());
        Assert.Equal("Published", detail["version"]!["state"]!.GetValue<string>());
        Assert.Equal("試験の公開", detail["version"]!["note"]!.GetValue<string>());
        Assert.Empty(detail["actions"]!.AsArray());
        var change = detail["changes"]!["checklists"]!.AsArray().Single()!;
        Assert.Equal("houmon-hanbai", change["id"]!.GetValue<string>());
        Assert.Equal("Changed", change["kind"]!.GetValue<string>());
        Assert.Contains("項目を追加: 一つ目の版の質問", change["details"]!.AsArray().Select(d => d!.GetValue<string>()));

        using var missing = await counselor.GetAsync($"{Versions}/999999999");
        await missing.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADraftStartedWithoutADocumentCopiesTheVersionInUseUnderTheNextLabel()
    {
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        var current = await CurrentDocumentAsync("ignored");

        using var response = await editor.PostJsonAsync(Versions, new { });
        var created = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal("Draft", created["version"]!["state"]!.GetValue<string>());
        Assert.NotEqual(created["version"]!["basedOnLabel"]!.GetValue<string>(), created["version"]!["label"]!.GetValue<string>());
        Assert.Equal(current["checklists"]!.ToJsonString(), created["document"]!["checklists"]!.ToJsonString());
        Assert.Empty(created["changes"]!["checklists"]!.AsArray());
        Assert.Equal(["edit"], created["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal($"/api/assist/checklists/versions/{created["version"]!["id"]}", response.Headers.Location?.OriginalString);
    }

    public static TheoryData<string, string, string, string> BadDocuments => new()
    {
        { "unknown field", "field", "shoeSize", "Document.Checklists[1].Items[0].Field" },
        { "unknown code", "salesForms", "S99", "Document.Checklists[1].SalesForms" },
        { "empty title", "title", "", "Document.Checklists[1].Title" },
        { "duplicate id", "id", "basic", "Document.Checklists[1].Id" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task ABadDocumentIsRefusedWithProblemDetailsNamingTheField(string what, string property, string value, string key)
    {
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        var document = await CurrentDocumentAsync(NewLabel());
        var second = document["checklists"]!.AsArray()[1]!.AsObject();
        if (property == "field")
        {
            second["items"]!.AsArray()[0]!["field"] = value;
        }
        else if (property == "salesForms")
        {
            second["salesForms"] = new JsonArray("S2", value);
        }
        else
        {
            second[property] = value;
        }

        var rowsBefore = await RowCountAsync();

        using var response = await editor.PostJsonAsync(Versions, new { document });
        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;

        var messages = problem["errors"]![key]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.True(messages.Count == 1, what);
        Assert.Matches(@"\p{IsHiragana}", messages[0]);
        Assert.Equal(rowsBefore, await RowCountAsync());
    }

    [Fact]
    public async Task ADraftWithABadDocumentIsNotSavedAndKeepsItsContent()
    {
        var (id, label) = await DraftAsync();
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        var document = await CurrentDocumentAsync(label);
        document["checklists"]!.AsArray()[0]!["items"] = new JsonArray();

        using var refused = await editor.PutJsonAsync($"{Versions}/{id}", new { revision = 1, document });
        var problem = JsonNode.Parse(await refused.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal("質問項目が一つもありません。少なくとも一つ入力してください。", problem["errors"]!["Document.Checklists[0].Items"]![0]!.GetValue<string>());

        using var missing = await editor.PutJsonAsync($"{Versions}/{id}", new { revision = 1 });
        await missing.ExpectAsync(HttpStatusCode.BadRequest);

        var row = await app.AsSystemAsync(db => db.Set<ChecklistVersion>().AsNoTracking().SingleAsync(v => v.Id == id));
        Assert.Equal(1, row.Revision);
        Assert.NotEmpty(ChecklistDocument.FromJson(row.Document).Checklists![0]!.Items!);
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesNewerSaveIsRefused()
    {
        var (id, label) = await DraftAsync();
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        var document = await CurrentDocumentAsync(label);

        using (var first = await editor.PutJsonAsync($"{Versions}/{id}", new { revision = 1, document, note = "一回目" }))
        {
            await first.ExpectAsync(HttpStatusCode.OK);
        }

        using var second = await editor.PutJsonAsync($"{Versions}/{id}", new { revision = 1, document, note = "二回目" });
        await second.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("一回目", await app.AsSystemAsync(db => db.Set<ChecklistVersion>().Where(v => v.Id == id).Select(v => v.Note).SingleAsync()));
    }

    [Fact]
    public async Task APublishedVersionCannotBeEditedOrPublishedAgain()
    {
        var (id, label) = await DraftAsync();
        await PublishAsync(id);
        var editor = await app.ClientAsync((await WorldAsync()).NationalEditor);
        var approver = await app.ClientAsync((await WorldAsync()).NationalApprover);

        using var edit = await editor.PutJsonAsync($"{Versions}/{id}", new { document = await CurrentDocumentAsync(label) });
        await edit.ExpectAsync(HttpStatusCode.Conflict);
        using var again = await approver.PostJsonAsync($"{Versions}/{id}/publish", new { note = "もう一度" });
        await again.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WhoeverWroteADraftMayNotPublishIt()
    {
        var both = await app.ClientAsync((await WorldAsync()).NationalBoth);
        using var created = await both.PostJsonAsync(Versions, new { document = await CurrentDocumentAsync(NewLabel()) });
        var id = JsonNode.Parse(await created.ExpectAsync(HttpStatusCode.Created))!["version"]!["id"]!.GetValue<long>();

        using var refused = await both.PostJsonAsync($"{Versions}/{id}/publish", new { note = "自分で公開" });
        await refused.ExpectAsync(HttpStatusCode.Conflict);

        await PublishAsync(id);
    }

    [Fact]
    public async Task PublishingNeedsANoteAndADraftOfTheVersionInUse()
    {
        var (older, _) = await DraftAsync();
        var (newer, _) = await DraftAsync();
        var approver = await app.ClientAsync((await WorldAsync()).NationalApprover);

        using (var noNote = await approver.PostJsonAsync($"{Versions}/{newer}/publish", new { note = " " }))
        {
            var problem = JsonNode.Parse(await noNote.ExpectAsync(HttpStatusCode.BadRequest))!;
            Assert.Equal("変更の説明（何を、なぜ変えたか）を入力してください。", problem["errors"]!["Note"]![0]!.GetValue<string>());
        }

        await PublishAsync(newer);

        // The older draft was started from the version before: publishing it would undo the newer one.
        using var stale = await approver.PostJsonAsync($"{Versions}/{older}/publish", new { note = "古い下書き" });
        await stale.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ASecondHostOnTheSameDatabaseServesANewPublicationWithinSeconds()
    {
        await using var secondHost = new YorisoiApplicationFactory(app.Kind, app.Factory.ConnectionString, app.Factory.Directory, migrationConnectionString: app.MigrationConnectionString);
        using var second = Accounts.BareClient(secondHost);
        var cookie = await Accounts.SessionCookieAsync(app, app.World.CounselorA);
        var request = new { text = "訪問販売で布団を契約した", @case = new { salesForm = "S2" } };
        async Task<string> VersionOnSecondHostAsync()
        {
            using var response = await Accounts.PostWithCookieAsync(second, cookie, "/api/assist/suggestions", request);
            return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!["checklistVersion"]!.GetValue<string>();
        }

        // The second host has read the version in use before the publication, so it must notice the change itself.
        var (id, label) = await DraftAsync();
        Assert.NotEqual(label, await VersionOnSecondHostAsync());
        await PublishAsync(id);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var seen = await VersionOnSecondHostAsync();
        while (seen != label && waited.Elapsed < ChecklistLibrary.CheckInterval * 5)
        {
            await Task.Delay(100);
            seen = await VersionOnSecondHostAsync();
        }

        Assert.Equal(label, seen);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeAPublishedVersionOrDeleteAnyVersion()
    {
        var (published, _) = await DraftAsync();
        await PublishAsync(published);
        var (draft, _) = await DraftAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsApplicationAsync($"UPDATE checklist_versions SET note = 'rewritten' WHERE id = {published}"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsApplicationAsync($"UPDATE checklist_versions SET state = 0 WHERE id = {published}"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsApplicationAsync($"DELETE FROM checklist_versions WHERE id = {draft}"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsApplicationAsync("DELETE FROM checklist_versions"));

        var rows = await app.AsSystemAsync(db => db.Set<ChecklistVersion>().AsNoTracking().Where(v => v.Id == published || v.Id == draft).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal("試験の公開", rows.Single(r => r.Id == published).Note);

        // A draft is still a draft: it may be edited.
        await ExecuteAsApplicationAsync($"UPDATE checklist_versions SET note = 'edited' WHERE id = {draft}");
        Assert.Equal("edited", await app.AsSystemAsync(db => db.Set<ChecklistVersion>().Where(v => v.Id == draft).Select(v => v.Note).SingleAsync()));
    }

    protected AppFixture App => app;

    /// <summary>A connection of the host's own database login, outside EF (so only the database's own guards apply).</summary>
    protected abstract DbConnection ApplicationConnection();

    protected async Task ExecuteAsApplicationAsync(string sql)
    {
        await using var connection = ApplicationConnection();
        await RawSql.ExecuteAsync(connection, sql);
    }


    protected async Task<long> NewPublishedIdAsync()
    {
        var (id, _) = await DraftAsync();
        await PublishAsync(id);
        return id;
    }
}

public sealed class ChecklistVersionApiOnSqliteTests(SqliteApp app) : ChecklistVersionApiTests(app), IClassFixture<SqliteApp>
{
    protected override DbConnection ApplicationConnection() => new SqliteConnection(App.ConnectionString);

    [Fact]
    public async Task ANewInstanceUsesTheShippedChecklistsAtOnce()
    {
        var directory = Path.Combine(App.Directory, "fresh-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        await using var fresh = new YorisoiApplicationFactory(DatabaseKind.Sqlite, $"Data Source={Path.Combine(directory, "fresh.db")}", directory);
        _ = fresh.Server;

        var (catalog, id) = await fresh.Services.GetRequiredService<ChecklistLibrary>().CurrentVersionAsync();

        Assert.Null(id);
        Assert.Same(ChecklistLibrary.Shipped, catalog);
        Assert.Equal(0, await CountAsync(fresh));
    }

    private static async Task<int> CountAsync(YorisoiApplicationFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        return await scope.ServiceProvider.GetRequiredService<Yorisoi.Core.Data.YorisoiDbContext>().Set<ChecklistVersion>().CountAsync();
    }
}

[Collection("postgres")]
public sealed class ChecklistVersionApiOnPostgresTests(PostgresApp app) : ChecklistVersionApiTests(app), IClassFixture<PostgresApp>
{
    protected override DbConnection ApplicationConnection() => new NpgsqlConnection(App.ConnectionString);

    [Fact]
    public async Task TheApplicationRoleMayNeitherDeleteNorTruncateVersions()
    {
        var id = await NewPublishedIdAsync();

        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsApplicationAsync($"DELETE FROM checklist_versions WHERE id = {id}"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsApplicationAsync("TRUNCATE checklist_versions"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
        Assert.Contains("permission denied", delete.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE checklist_versions SET document = '{}' WHERE id = {id}")]
    [InlineData("DELETE FROM checklist_versions WHERE id = {id}")]
    [InlineData("TRUNCATE checklist_versions")]
    public async Task EvenTheOwnerRoleIsStoppedByTheTriggers(string statement)
    {
        var id = await NewPublishedIdAsync();
        await using var owner = new NpgsqlConnection(App.MigrationConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => RawSql.ExecuteAsync(owner, statement.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var row = await App.AsSystemAsync(db => db.Set<ChecklistVersion>().AsNoTracking().SingleAsync(v => v.Id == id));
        Assert.Equal(ChecklistVersionState.Published, row.State);
        Assert.NotEqual("{}", row.Document);
    }
}
