using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Knowledge;

/// <summary>An entry's life through the API: draft, review, four-eyes approval, publication, new versions, retirement; evaluation and search gaps.</summary>
public abstract partial class KnowledgeLifecycleTests(AppFixture app)
{
    private static readonly string[] UnknownKeywords = ["K9999"];

    private Task<KnowledgeWorld> WorldAsync() => app.OnceAsync(KnowledgeWorld.SeedAsync);

    [Fact]
    public async Task EditorDraftsApproverApprovesAndPublishesThenThePublicSeesIt()
    {
        var kb = await WorldAsync();
        var editor = await app.ClientAsync(kb.NationalEditor);
        var approver = await app.ClientAsync(kb.NationalApprover);
        using var anonymous = app.AnonymousClient();

        using var created = await editor.PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input("life-national", FaqAudience.Public, answer: "## 答え\n**8日以内**なら解約できます。<script>alert(1)</script>"));
        var draft = JsonNode.Parse(await created.ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("/api/knowledge/entries/life-national", created.Headers.Location?.OriginalString);
        Assert.True(draft["isNational"]!.GetValue<bool>());
        Assert.Equal("Draft", draft["latest"]!["state"]!.GetValue<string>());
        Assert.Equal(["edit", "submit"], draft["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        using (var hidden = await anonymous.GetAsync("/api/faq/life-national"))
        {
            await hidden.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var early = await approver.PostJsonAsync("/api/knowledge/entries/life-national/publish", new { }))
        {
            Assert.Equal("公開できるのは承認済みの版だけです。", JsonNode.Parse(await early.ExpectAsync(HttpStatusCode.Conflict))!["title"]!.GetValue<string>());
        }

        using (var submit = await editor.PostJsonAsync("/api/knowledge/entries/life-national/submit", new { version = 1 }))
        {
            Assert.Equal("InReview", JsonNode.Parse(await submit.ExpectAsync(HttpStatusCode.OK))!["latest"]!["state"]!.GetValue<string>());
        }

        using (var view = await approver.GetAsync("/api/knowledge/entries/life-national"))
        {
            Assert.Equal(["return", "approve"], JsonNode.Parse(await view.ExpectAsync(HttpStatusCode.OK))!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        }

        using (var approve = await approver.PostJsonAsync("/api/knowledge/entries/life-national/approve", new { comment = "確認しました" }))
        {
            var approved = JsonNode.Parse(await approve.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal("Approved", approved["latest"]!["state"]!.GetValue<string>());
            Assert.Equal(kb.NationalApprover.DisplayName, approved["latest"]!["approverName"]!.GetValue<string>());
        }

        using (var publish = await approver.PostJsonAsync("/api/knowledge/entries/life-national/publish", new { }))
        {
            var published = JsonNode.Parse(await publish.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal(1, published["publishedVersion"]!.GetValue<int>());
        }

        using var shown = await anonymous.GetAsync("/api/faq/life-national");
        var entry = JsonNode.Parse(await shown.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("解約の電話がつながらないときは？", entry["question"]!.GetValue<string>());
        Assert.Equal(1, entry["version"]!.GetValue<int>());
        var html = entry["answerHtml"]!.GetValue<string>();
        Assert.Contains("<strong>8日以内</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(["特定商取引法第15条の3"], entry["laws"]!.AsArray().Select(l => l!.GetValue<string>()));

        using var versions = await editor.GetAsync("/api/knowledge/entries/life-national/versions");
        var history = JsonNode.Parse(await versions.ExpectAsync(HttpStatusCode.OK))!.AsArray()[0]!["history"]!.AsArray();
        Assert.Equal(
            [("created", kb.NationalEditor.DisplayName), ("submitted", kb.NationalEditor.DisplayName), ("approved", kb.NationalApprover.DisplayName), ("published", kb.NationalApprover.DisplayName)],
            history.Select(h => (h!["action"]!.GetValue<string>(), h["userName"]!.GetValue<string>())));
        Assert.Equal("確認しました", history[2]!["comment"]!.GetValue<string>());

        var audit = await app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Detail == "life-national v1").OrderBy(a => a.Id).Select(a => new { a.Action, a.UserId }).ToListAsync());
        Assert.Equal(
            [("faq-created", kb.NationalEditor.Id), ("faq-submitted", kb.NationalEditor.Id), ("faq-approved", kb.NationalApprover.Id), ("faq-published", kb.NationalApprover.Id)],
            audit.Select(a => (a.Action, a.UserId!.Value)));
    }

    [Fact]
    public async Task TheAuthorOfAVersionCannotApproveItEvenWithTheApproverRole()
    {
        var kb = await WorldAsync();
        var both = await app.ClientAsync(kb.NationalBoth);
        var approver = await app.ClientAsync(kb.NationalApprover);

        using (var created = await both.PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input("four-eyes")))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        using (var submit = await both.PostJsonAsync("/api/knowledge/entries/four-eyes/submit", new { }))
        {
            var detail = JsonNode.Parse(await submit.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal(["return"], detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        }

        using var own = await both.PostJsonAsync("/api/knowledge/entries/four-eyes/approve", new { });
        Assert.Equal("この版を作成・編集した人は承認できません。別のFAQ承認者が承認してください。", JsonNode.Parse(await own.ExpectAsync(HttpStatusCode.Conflict))!["title"]!.GetValue<string>());

        // A second person who edited the draft is an author too.
        using (var back = await approver.PostJsonAsync("/api/knowledge/entries/four-eyes/return", new { comment = "表現を直してください" }))
        {
            await back.ExpectAsync(HttpStatusCode.OK);
        }

        var editor = await app.ClientAsync(kb.NationalEditor);
        using (var edit = await editor.PutJsonAsync("/api/knowledge/entries/four-eyes", new { version = 1, entry = KnowledgeWorld.Input("four-eyes", question: "直した質問") }))
        {
            await edit.ExpectAsync(HttpStatusCode.OK);
        }

        using (var resubmit = await editor.PostJsonAsync("/api/knowledge/entries/four-eyes/submit", new { }))
        {
            await resubmit.ExpectAsync(HttpStatusCode.OK);
        }

        using var stillOwn = await both.PostJsonAsync("/api/knowledge/entries/four-eyes/approve", new { });
        await stillOwn.ExpectAsync(HttpStatusCode.Conflict);
        using var other = await approver.PostJsonAsync("/api/knowledge/entries/four-eyes/approve", new { });
        Assert.Equal("Approved", JsonNode.Parse(await other.ExpectAsync(HttpStatusCode.OK))!["latest"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditingAPublishedEntryStartsANewVersionWhileTheLiveOneStaysUntilPublished()
    {
        var kb = await WorldAsync();
        var id = kb.ShippedPublicId;
        var editor = await app.ClientAsync(kb.NationalEditor);
        var approver = await app.ClientAsync(kb.NationalApprover);
        using var anonymous = app.AnonymousClient();
        var original = kb.Shipped.Single(d => d.Id == id);

        var input = KnowledgeWorld.Input(id, FaqAudience.Public, question: original.Question + "（改訂）", answer: original.Body + "\n\n## 追記\n新しい段落");
        using (var edit = await editor.PutJsonAsync($"/api/knowledge/entries/{id}", new { version = 1, entry = input }))
        {
            var detail = JsonNode.Parse(await edit.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal(2, detail["latestVersion"]!.GetValue<int>());
            Assert.Equal(1, detail["publishedVersion"]!.GetValue<int>());
            Assert.Equal("Draft", detail["latest"]!["state"]!.GetValue<string>());
            Assert.Equal("Published", detail["published"]!["state"]!.GetValue<string>());
        }

        using (var live = await anonymous.GetAsync($"/api/faq/{id}"))
        {
            var shown = JsonNode.Parse(await live.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal((original.Question, 1), (shown["question"]!.GetValue<string>(), shown["version"]!.GetValue<int>()));
        }

        using (var diff = await editor.GetAsync($"/api/knowledge/entries/{id}/diff?from=1&to=2"))
        {
            var body = JsonNode.Parse(await diff.ExpectAsync(HttpStatusCode.OK))!;
            var changed = body["fields"]!.AsArray().Where(f => f!["changed"]!.GetValue<bool>()).Select(f => f!["field"]!.GetValue<string>()).ToList();
            Assert.Contains("Question", changed);
            Assert.Contains("Answer", changed);
            var lines = body["answer"]!.AsArray().Select(l => (l!["kind"]!.GetValue<string>(), l["text"]!.GetValue<string>())).ToList();
            Assert.Contains(("Added", "## 追記"), lines);
            Assert.Contains(("Added", "新しい段落"), lines);
            Assert.DoesNotContain(lines, l => l.Item1 == "Removed");
        }

        using (var badDiff = await editor.GetAsync($"/api/knowledge/entries/{id}/diff?from=1&to=9"))
        {
            await badDiff.ExpectAsync(HttpStatusCode.BadRequest);
        }

        foreach (var (client, step) in new[] { (editor, "submit"), (approver, "approve"), (approver, "publish") })
        {
            using var response = await client.PostJsonAsync($"/api/knowledge/entries/{id}/{step}", new { version = 2 });
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        using (var live = await anonymous.GetAsync($"/api/faq/{id}"))
        {
            var shown = JsonNode.Parse(await live.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal((original.Question + "（改訂）", 2), (shown["question"]!.GetValue<string>(), shown["version"]!.GetValue<int>()));
        }

        using var versions = await editor.GetAsync($"/api/knowledge/entries/{id}/versions");
        var states = JsonNode.Parse(await versions.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(v => (v!["number"]!.GetValue<int>(), v["state"]!.GetValue<string>()));
        Assert.Equal([(2, "Published"), (1, "Superseded")], states);

        using var stale = await editor.PostJsonAsync($"/api/knowledge/entries/{id}/submit", new { version = 1 });
        Assert.Equal("このFAQはほかの人が更新しました。最新の内容を確認してからやり直してください。", JsonNode.Parse(await stale.ExpectAsync(HttpStatusCode.Conflict))!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetiringTakesAnEntryOffThePortalAndRestoringBringsItBack()
    {
        var kb = await WorldAsync();
        await KnowledgeWorld.SeedEntryAsync(app, "retire-me", null, FaqVersionState.Published, kb.NationalEditor, FaqAudience.Public);
        var approver = await app.ClientAsync(kb.NationalApprover);
        using var anonymous = app.AnonymousClient();

        using (var retire = await approver.PostJsonAsync("/api/knowledge/entries/retire-me/retire", new { }))
        {
            var detail = JsonNode.Parse(await retire.ExpectAsync(HttpStatusCode.OK))!;
            Assert.True(detail["isRetired"]!.GetValue<bool>());
            Assert.Equal(["restore"], detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        }

        using (var gone = await anonymous.GetAsync("/api/faq/retire-me"))
        {
            await gone.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var again = await approver.PostJsonAsync("/api/knowledge/entries/retire-me/retire", new { }))
        {
            await again.ExpectAsync(HttpStatusCode.Conflict);
        }

        using (var restore = await approver.PostJsonAsync("/api/knowledge/entries/retire-me/restore", new { }))
        {
            await restore.ExpectAsync(HttpStatusCode.OK);
        }

        using var back = await anonymous.GetAsync("/api/faq/retire-me");
        await back.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ALocalCentersEditorWritesOnlyInternalEntriesThatOtherCentersNeverSee()
    {
        var kb = await WorldAsync();
        var editorA = await app.ClientAsync(kb.CounselorEditorA);

        using (var publicOne = await editorA.PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input("local-public", FaqAudience.Public)))
        {
            var problem = JsonNode.Parse(await publicOne.ExpectAsync(HttpStatusCode.BadRequest))!;
            Assert.Equal("センター独自のFAQは職員向け（internal）だけ作成できます。一般向けのFAQは国民生活センターが作成します。", problem["errors"]!["Audience"]![0]!.GetValue<string>());
        }

        using (var created = await editorA.PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input("local-a-note")))
        {
            var detail = JsonNode.Parse(await created.ExpectAsync(HttpStatusCode.Created))!;
            Assert.False(detail["isNational"]!.GetValue<bool>());
            Assert.Equal(app.World.CenterA.Id, detail["ownerCenterId"]!.GetValue<Guid>());
        }

        using (var duplicate = await (await app.ClientAsync(kb.EditorB)).PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input("local-a-note")))
        {
            await duplicate.ExpectAsync(HttpStatusCode.Conflict);
        }

        foreach (var outsider in new[] { kb.EditorB, kb.NationalEditor, app.World.CounselorC })
        {
            using var response = await (await app.ClientAsync(outsider)).GetAsync("/api/knowledge/entries/local-a-note");
            await response.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var national = await editorA.PutJsonAsync($"/api/knowledge/entries/{kb.ShippedInternalId}", new { entry = KnowledgeWorld.Input(kb.ShippedInternalId) });
        Assert.Equal("全国共通のFAQは、国民生活センターのFAQ作成者・承認者だけが変更できます。", JsonNode.Parse(await national.ExpectAsync(HttpStatusCode.Forbidden))!["title"]!.GetValue<string>());

        using var invalid = await editorA.PostJsonAsync("/api/knowledge/entries", new { id = "Bad Id", audience = "Internal", category = "nope", question = "", answer = "", keywords = UnknownKeywords });
        var errors = JsonNode.Parse(await invalid.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["Answer", "Category", "Id", "Keywords", "Question"], errors);
    }

    [Fact]
    public async Task TheDatabaseFilterShowsAnonymousRequestsOnlyLivePublicVersions()
    {
        var kb = await WorldAsync();
        await KnowledgeWorld.SeedEntryAsync(app, "filter-draft-public", null, FaqVersionState.Draft, kb.NationalEditor, FaqAudience.Public);
        await KnowledgeWorld.SeedEntryAsync(app, "filter-retired-public", null, FaqVersionState.Retired, kb.NationalEditor, FaqAudience.Public);
        await KnowledgeWorld.SeedEntryAsync(app, "filter-local-a", app.World.CenterA.Id, FaqVersionState.Published, app.World.CounselorA);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        var visible = await db.FaqEntries.Select(e => e.Id).ToListAsync();
        var versions = await db.FaqEntryVersions.Select(v => v.EntryId).ToListAsync();

        var publicShipped = kb.Shipped.Where(d => d.Audience == FaqAudience.Public).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(publicShipped, visible.ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain(kb.ShippedInternalId, visible);
        Assert.DoesNotContain("filter-draft-public", visible);
        Assert.DoesNotContain("filter-retired-public", visible);
        Assert.DoesNotContain("filter-local-a", visible);
        Assert.Equal(visible.Count, versions.Count);
        Assert.Empty(await db.FaqHistory.ToListAsync());
    }

    [Fact]
    public async Task ShippedEntriesAreImportedOnceAsPublishedNationalVersionOne()
    {
        var kb = await WorldAsync();

        var rows = await app.AsSystemAsync(db => db.FaqEntryVersions.AsNoTracking()
            .Where(v => v.AuthorName == FaqImporter.SystemAuthor && v.Number == 1)
            .Select(v => new { v.EntryId, v.State, v.Entry!.OwnerCenterId })
            .ToListAsync());
        Assert.Equal(kb.Shipped.Select(d => d.Id).Order(StringComparer.Ordinal), rows.Select(r => r.EntryId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Null(r.OwnerCenterId));

        var again = await app.AsSystemAsync(db => FaqImporter.ImportMissingAsync(db, CodeListCatalog.LoadEmbedded().Current, FaqCategories.LoadEmbedded(), TimeProvider.System));
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task FeedbackIsScreenedAndCountedWithViewsPerVersion()
    {
        var kb = await WorldAsync();
        await KnowledgeWorld.SeedEntryAsync(app, "rated", null, FaqVersionState.Published, kb.NationalEditor, FaqAudience.Public);
        using var anonymous = app.AnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            using var view = await anonymous.GetAsync("/api/faq/rated");
            await view.ExpectAsync(HttpStatusCode.OK);
        }

        using (var yes = await anonymous.PostJsonAsync("/api/faq/rated/feedback", new { helpful = true, comment = "090-1234-5678 か taro@example.jp に連絡ください。〒100-0001" }))
        {
            await yes.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var no = await anonymous.PostJsonAsync("/api/faq/rated/feedback", new { helpful = false }))
        {
            await no.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var missing = await anonymous.PostJsonAsync("/api/faq/rated/feedback", new { comment = "helpful がない" }))
        {
            await missing.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var tooLong = await anonymous.PostJsonAsync("/api/faq/rated/feedback", new { helpful = true, comment = new string('長', 501) }))
        {
            await tooLong.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var internalEntry = await anonymous.PostJsonAsync($"/api/faq/{kb.ShippedInternalId}/feedback", new { helpful = true }))
        {
            await internalEntry.ExpectAsync(HttpStatusCode.NotFound);
        }

        var comments = await app.AsSystemAsync(db => db.FaqFeedback.AsNoTracking().Where(f => f.EntryId == "rated").OrderBy(f => f.Id).Select(f => f.Comment).ToListAsync());
        Assert.Equal(["〔電話番号〕 か 〔メールアドレス〕 に連絡ください。〔郵便番号〕", null], comments);

        using var stats = await (await app.ClientAsync(kb.NationalEditor)).GetAsync("/api/knowledge/stats?entryId=rated");
        var row = Assert.Single(JsonNode.Parse(await stats.ExpectAsync(HttpStatusCode.OK))!.AsArray())!;
        Assert.Equal((1, 3, 1, 1, 0.5), (row["version"]!.GetValue<int>(), row["views"]!.GetValue<int>(), row["helpful"]!.GetValue<int>(), row["notHelpful"]!.GetValue<int>(), row["helpfulRatio"]!.GetValue<double>()));
    }

    [Fact]
    public async Task FeedbackIsRateLimitedPerClientAndEntry()
    {
        var kb = await WorldAsync();
        await KnowledgeWorld.SeedEntryAsync(app, "flooded", null, FaqVersionState.Published, kb.NationalEditor, FaqAudience.Public);

        // The in-memory server has no client address; this host (same database) takes it from a test header.
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));
        using var client = host.CreateClient();

        async Task<HttpResponseMessage> SendAsync(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/faq/flooded/feedback")
            {
                Content = new StringContent("{\"helpful\":true}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(ClientAddressFromHeader.Header, address);
            return await client.SendAsync(request);
        }

        for (var i = 0; i < 20; i++)
        {
            using var accepted = await SendAsync("192.0.2.10");
            await accepted.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var refused = await SendAsync("192.0.2.10");
        Assert.Equal("短い時間に多くの送信がありました。しばらくしてからお試しください。", JsonNode.Parse(await refused.ExpectAsync(HttpStatusCode.TooManyRequests))!["title"]!.GetValue<string>());
        using var otherClient = await SendAsync("192.0.2.11");
        await otherClient.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(21, await app.AsSystemAsync(db => db.FaqFeedback.CountAsync(f => f.EntryId == "flooded")));

        // The entry page's form counts against the same share: the flooding client gets a Japanese message, not a row.
        async Task<string> SendFormAsync(string address)
        {
            using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
            browser.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
            var page = await browser.GetStringAsync("/faq/flooded");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "faq-feedback",
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
                ["Feedback.Helpful"] = "no",
            });
            using var answer = await browser.PostAsync("/faq/flooded", form);
            return WebUtility.HtmlDecode(await answer.ExpectAsync(HttpStatusCode.OK));
        }

        Assert.Contains("短い時間に多くの送信がありました。しばらくしてからお試しください。", await SendFormAsync("192.0.2.10"), StringComparison.Ordinal);
        Assert.Equal(21, await app.AsSystemAsync(db => db.FaqFeedback.CountAsync(f => f.EntryId == "flooded")));
        Assert.Contains("ご回答ありがとうございました。", await SendFormAsync("192.0.2.12"), StringComparison.Ordinal);
        Assert.Equal(1, await app.AsSystemAsync(db => db.FaqFeedback.CountAsync(f => f.EntryId == "flooded" && !f.Helpful)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task ReviewDueListsEntriesPastTheirDateForEditorsOnly()
    {
        var kb = await WorldAsync();
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        await KnowledgeWorld.SeedEntryAsync(app, "due-national", null, FaqVersionState.Published, kb.NationalEditor, reviewDue: past);
        await KnowledgeWorld.SeedEntryAsync(app, "due-local-b", app.World.CenterB.Id, FaqVersionState.Published, kb.EditorB, reviewDue: past.AddDays(-1));
        await KnowledgeWorld.SeedEntryAsync(app, "due-retired", null, FaqVersionState.Retired, kb.NationalEditor, reviewDue: past);
        await KnowledgeWorld.SeedEntryAsync(app, "due-future", null, FaqVersionState.Published, kb.NationalEditor, reviewDue: past.AddYears(1));

        async Task<List<string>> DueAsync(TestUser user)
        {
            using var response = await (await app.ClientAsync(user)).GetAsync("/api/knowledge/review-due");
            return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(e => e!["id"]!.GetValue<string>()).Where(id => id.StartsWith("due-", StringComparison.Ordinal)).ToList();
        }

        Assert.Equal(["due-national"], await DueAsync(kb.NationalEditor));
        Assert.Equal(["due-local-b", "due-national"], await DueAsync(kb.EditorB));

        using var list = await (await app.ClientAsync(kb.EditorB)).GetAsync("/api/knowledge/entries?overdue=true&owner=own");
        var listed = JsonNode.Parse(await list.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["due-local-b"], listed.Select(e => e!["id"]!.GetValue<string>()));
        Assert.True(listed[0]!["isReviewOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SearchGapsRankZeroResultAndUnsatisfyingQueriesWithoutPersonalData()
    {
        var kb = await WorldAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<ISearchLog>();
            for (var i = 0; i < 3; i++)
            {
                await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ　未知の詐欺", 0);
            }

            await log.RecordSearchAsync(SearchSurface.Staff, "ギャップ 090-1111-2222 から電話", 0);
            await log.RecordSearchAsync(SearchSurface.Staff, "ギャップ 090-3333-4444 から電話", 0);
            await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 別の未知", 0);

            // Found results, opened nothing twice; opened and satisfied once.
            await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 解約", 5);
            await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 解約", 5);
            var satisfied = await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 解約", 5);
            await log.RecordOpenedAsync(satisfied, kb.ShippedPublicId, null);

            // Opened, then rated unhelpful through the FAQ page.
            var unhelpful = await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 返金", 2);
            await log.RecordOpenedAsync(unhelpful, "rated-gap", null);
            var helpful = await log.RecordSearchAsync(SearchSurface.Portal, "ギャップ 返品", 2);
            await log.RecordOpenedAsync(helpful, "rated-gap", null);
        }

        await KnowledgeWorld.SeedEntryAsync(app, "rated-gap", null, FaqVersionState.Published, kb.NationalEditor, FaqAudience.Public);
        var unhelpfulId = await app.AsSystemAsync(db => db.SearchLog.Where(s => s.Query == "ギャップ 返金").Select(s => s.Id).SingleAsync());
        using (var anonymous = app.AnonymousClient())
        using (var rating = await anonymous.PostJsonAsync("/api/faq/rated-gap/feedback", new { helpful = false, searchId = unhelpfulId }))
        {
            await rating.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var response = await (await app.ClientAsync(kb.NationalApprover)).GetAsync("/api/knowledge/search-gaps?days=30&limit=50");
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        var zero = body["zeroResult"]!.AsArray().Select(g => (g!["query"]!.GetValue<string>(), g["searches"]!.GetValue<int>())).Where(g => g.Item1.StartsWith("ギャップ", StringComparison.Ordinal)).ToList();
        Assert.Equal([("ギャップ 未知の詐欺", 3), ("ギャップ 〔電話番号〕 から電話", 2), ("ギャップ 別の未知", 1)], zero);
        var low = body["lowSatisfaction"]!.AsArray().Select(g => (g!["query"]!.GetValue<string>(), g["searches"]!.GetValue<int>(), g["unsatisfied"]!.GetValue<int>())).Where(g => g.Item1.StartsWith("ギャップ", StringComparison.Ordinal)).ToList();
        Assert.Equal([("ギャップ 解約", 3, 2), ("ギャップ 返金", 1, 1)], low);

        var stored = await app.AsSystemAsync(db => db.SearchLog.AsNoTracking().Select(s => s.Query).ToListAsync());
        Assert.DoesNotContain(stored, q => q.Contains("090", StringComparison.Ordinal));
    }
}

public sealed class KnowledgeLifecycleOnSqliteTests(SqliteApp app) : KnowledgeLifecycleTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class KnowledgeLifecycleOnPostgresTests(PostgresApp app) : KnowledgeLifecycleTests(app), IClassFixture<PostgresApp>;
