using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using Yorisoi.Core.Assistance.Summaries;
using Yorisoi.Core.Cases;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Assistance;

/// <summary>
/// A host configured with an LLM endpoint that the test serves itself (<see cref="RecordingChatServer"/>). SQLite only:
/// what these tests check is what leaves the host over HTTP, which the database plays no part in.
/// </summary>
public sealed class LlmApp : AppFixture, IAsyncLifetime
{
    public const string Model = "yorisoi-test-model:7b";

    public const string ApiKey = "sk-test-never-logged-4711";

    public RecordingChatServer Server { get; private set; } = null!;

    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override Task<(string ConnectionString, string? MigrationConnectionString)> CreateDatabaseAsync() =>
        Task.FromResult<(string, string?)>(($"Data Source={Path.Combine(Directory, "yorisoi.db")}", null));

    protected override async Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
    {
        Server = await RecordingChatServer.StartAsync();
        return new Dictionary<string, string>
        {
            ["Yorisoi:Assistance:Llm:Endpoint"] = Server.BaseUrl,
            ["Yorisoi:Assistance:Llm:Model"] = Model,
            ["Yorisoi:Assistance:Llm:ApiKey"] = ApiKey,
            ["Yorisoi:Assistance:Llm:TimeoutSeconds"] = "3",
        };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A host whose LLM endpoint is a loopback port where nothing listens.</summary>
public sealed class UnreachableLlmApp : AppFixture
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override Task<(string ConnectionString, string? MigrationConnectionString)> CreateDatabaseAsync() =>
        Task.FromResult<(string, string?)>(($"Data Source={Path.Combine(Directory, "yorisoi.db")}", null));

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Yorisoi:Assistance:Llm:Endpoint"] = RecordingChatServer.UnreachableBaseUrl(),
            ["Yorisoi:Assistance:Llm:Model"] = LlmApp.Model,
        });
}

/// <summary>A case whose narrative, handling log and stored fields carry every kind of personal data the masking covers.</summary>
internal static class PersonalCase
{
    public const string Name = "鬼瓦 権左衛門";
    public const string NameKana = "オニガワラ ゴンザエモン";
    public const string Phone = "090-4321-8765";
    public const string Email = "gonzaemon.onigawara@example.ne.jp";
    public const string PostalCode = "1600023";
    public const string Address = "東京都新宿区西新宿二丁目8番1号 ハイツ西新宿305";
    public const string Account = "1234567";
    public const string SisterPhone = "080-1111-2222";

    /// <summary>What must never leave the host, in the forms the narrative writes it.</summary>
    public static readonly string[] Forbidden =
    [
        "鬼瓦", "権左衛門", "オニガワラ", "ゴンザエモン", "4321", "8765", "gonzaemon", "onigawara", "example.ne.jp", "西新宿二丁目", "ハイツ西新宿", "160-0023",
        Account, "1111", "2222",
    ];

    public const string Narrative =
        "鬼瓦権左衛門さん（携帯090-4321-8765、メール gonzaemon.onigawara@example.ne.jp）から相談。"
        + "〒160-0023 東京都新宿区西新宿二丁目8番1号 ハイツ西新宿305に一人で住んでいる。"
        + "訪問販売で浄水器を30万円で契約し、頭金10万円を新宿支店 普通預金 1234567に振り込んだ。解約して返金してほしい。";

    public const string LogText = "鬼瓦さんに０９０－４３２１－８７６５で電話し、クーリング・オフの通知の書き方を助言した。妹の携帯080-1111-2222にも連絡した。";

    public static async Task<CaseDetail> RegisterAsync(AppFixture app)
    {
        var detail = await app.RegisterAsync(app.World.CounselorA, input =>
        {
            input.ReceivedAt = DateTimeOffset.UtcNow.AddHours(-3);
            input.Summary = Narrative;
            input.Consultant.Name = Name;
            input.Consultant.NameKana = NameKana;
            input.Consultant.Phone = Phone;
            input.Consultant.Email = Email;
            input.Consultant.PostalCode = PostalCode;
            input.Consultant.Address = Address;
            input.SalesFormCode = "S2";
            input.KeywordCodes = [];
        });
        var log = CaseInputs.Log(LogText);
        return await app.DoAsync(app.World.CounselorA, s => s.AddHandlingLogAsync(detail.Id, log, HandlingLogKind.Handling));
    }
}

/// <remarks>The recording server's mode is shared state; xunit runs the tests of one class one after another.</remarks>
public sealed class HandoverLlmTests(LlmApp app, ITestOutputHelper output) : IClassFixture<LlmApp>
{
    [Fact]
    public async Task TheRequestThatLeavesTheHostHoldsMaskTokensAndNoneOfTheCasesPersonalValues()
    {
        var detail = await PersonalCase.RegisterAsync(app);
        app.Server.Mode = ChatServerMode.Answer;
        app.Server.Clear();
        var client = await app.ClientAsync(app.World.CounselorA);

        // Opening the hand-over sends nothing: the LLM summary is made only on request.
        using (var get = await client.GetAsync($"/api/cases/{detail.Id}/handover"))
        {
            var offered = JsonNode.Parse(await get.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal("Available", offered["llm"]!["status"]!.GetValue<string>());
            Assert.Equal(LlmApp.Model, offered["llm"]!["model"]!.GetValue<string>());
        }

        Assert.Empty(app.Server.Requests);

        using var response = await client.PostJsonAsync($"/api/cases/{detail.Id}/handover/llm-summary", new { });
        var view = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var recorded = Assert.Single(app.Server.Requests);
        Assert.Equal("/v1/chat/completions", recorded.Path);
        Assert.Equal("Bearer " + LlmApp.ApiKey, recorded.Authorization);
        var request = JsonNode.Parse(recorded.Body)!;
        Assert.Equal(LlmApp.Model, request["model"]!.GetValue<string>());
        var sent = recorded.AllText();
        output.WriteLine(sent);
        foreach (var value in PersonalCase.Forbidden)
        {
            Assert.DoesNotContain(value, sent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, recorded.Body, StringComparison.OrdinalIgnoreCase);
        }

        // The system prompt names the placeholders itself, so the case's text is looked at on its own.
        var caseText = recorded.MessageText("user");
        var systemText = recorded.MessageText("system");
        foreach (var token in new[] { "〔氏名〕", "〔電話番号〕", "〔メール〕", "〔住所〕", "〔口座番号〕", "〔郵便番号〕" })
        {
            Assert.Contains(token, caseText, StringComparison.Ordinal);
        }

        // What the case is about still goes: the summary needs it.
        Assert.Contains("浄水器", caseText, StringComparison.Ordinal);
        Assert.Contains("クーリング・オフ", caseText, StringComparison.Ordinal);
        Assert.Contains("推測", systemText, StringComparison.Ordinal);

        var llm = view["llm"]!;
        Assert.Equal("Generated", llm["status"]!.GetValue<string>());
        Assert.Equal(app.Server.Answer, llm["text"]!.GetValue<string>());
        Assert.Equal(LlmApp.Model, llm["model"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(view["summary"]!["text"]!.GetValue<string>()));

        var audit = Assert.Single(await app.AuditAsync(detail.Id, HandoverService.LlmAuditAction));
        Assert.Contains("Consultant.Name", audit.Fields, StringComparison.Ordinal);
        Assert.Contains(LlmApp.Model, audit.Detail, StringComparison.Ordinal);
        AssertNothingPersonalLogged();
    }

    [Theory]
    [InlineData(ChatServerMode.ServerError, "LLM の接続先がエラーを返しました（HTTP 500）。設定を管理者に確認してください。自動抽出の要約はそのままお使いいただけます。")]
    [InlineData(ChatServerMode.Garbage, "LLM の応答を読み取れませんでした。もう一度お試しください。自動抽出の要約はそのままお使いいただけます。")]
    [InlineData(ChatServerMode.Slow, "LLM が 3 秒以内に応答しませんでした。しばらくしてからもう一度お試しください。自動抽出の要約はそのままお使いいただけます。")]
    public async Task AFailingEndpointGivesAJapaneseMessageAndTheExtractiveSummaryStays(ChatServerMode mode, string message)
    {
        var detail = await PersonalCase.RegisterAsync(app);
        app.Server.Mode = mode;
        var client = await app.ClientAsync(app.World.CounselorA);
        try
        {
            using var response = await client.PostJsonAsync($"/api/cases/{detail.Id}/handover/llm-summary", new { });
            var view = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

            Assert.Equal("Failed", view["llm"]!["status"]!.GetValue<string>());
            Assert.Equal(message, view["llm"]!["error"]!.GetValue<string>());
            Assert.Null(view["llm"]!["text"]);
            Assert.Contains("浄水器", view["summary"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(app.Logs.Entries, e => e.Message.Contains("LLM summary of case " + detail.Id, StringComparison.Ordinal) && e.Message.Contains("failed", StringComparison.Ordinal));
            AssertNothingPersonalLogged();
        }
        finally
        {
            app.Server.Mode = ChatServerMode.Answer;
        }
    }

    private void AssertNothingPersonalLogged()
    {
        var logged = string.Join('\n', app.Logs.Entries.Select(e => e.Text));
        foreach (var value in PersonalCase.Forbidden.Append(LlmApp.ApiKey).Append("浄水器"))
        {
            Assert.DoesNotContain(value, logged, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class HandoverUnreachableLlmTests(UnreachableLlmApp app) : IClassFixture<UnreachableLlmApp>
{
    [Fact]
    public async Task AnUnreachableEndpointGivesAJapaneseMessageAndTheExtractiveSummaryStays()
    {
        var detail = await PersonalCase.RegisterAsync(app);
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync($"/api/cases/{detail.Id}/handover/llm-summary", new { });
        var view = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("Failed", view["llm"]!["status"]!.GetValue<string>());
        Assert.Equal("LLM の接続先に接続できませんでした。しばらくしてからもう一度お試しください。自動抽出の要約はそのままお使いいただけます。", view["llm"]!["error"]!.GetValue<string>());
        Assert.Contains("浄水器", view["summary"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(view["rules"]!.AsArray());

        // The page and the plain hand-over answer as before.
        using var page = await client.GetAsync($"/cases/{detail.Id}/handover");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var get = await client.GetAsync($"/api/cases/{detail.Id}/handover");
        Assert.Equal("Available", JsonNode.Parse(await get.ExpectAsync(HttpStatusCode.OK))!["llm"]!["status"]!.GetValue<string>());
        var logged = string.Join('\n', app.Logs.Entries.Select(e => e.Text));
        Assert.Contains("Unreachable", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("鬼瓦", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("浄水器", logged, StringComparison.Ordinal);
    }
}
