using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Cases;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>Bad input gets a 400 problem with a Japanese message per field, never a 500, and changes nothing.</summary>
public abstract class BadInputTests(AppFixture app)
{
    private readonly int _logsBefore = app.Logs.Entries.Count;

    private const string ValidationTitle = "入力内容に誤りがあります。";
    private const string FormatTitle = "リクエストの形式が正しくありません。";

    public static TheoryData<string, string> MalformedRegistrations => new()
    {
        { "truncated JSON", """{"summary": "途中で切れた""" },
        { "not JSON", "summary=相談" },
        { "JSON null", "null" },
        { "JSON array", "[]" },
        { "amount as text", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","amountBilled":"たくさん"}""" },
        // A quoted number used to be read too, which made the published schema say an amount may be any string.
        { "amount as a quoted number", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","amountBilled":"12000"}""" },
        { "amount with decimals", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","amountBilled":1.5}""" },
        { "amount beyond long", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","amountBilled":99999999999999999999999}""" },
        { "impossible date", """{"receivedAt":"2026-02-30T10:00:00+09:00","channelCode":"C1","summary":"s"}""" },
        { "impossible month", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","contractDate":"2026-13-01"}""" },
        { "date as number", """{"receivedAt":20261101,"channelCode":"C1","summary":"s"}""" },
        { "boolean as text", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","consentToShareWithCenters":"はい"}""" },
        { "keywords as text", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","keywordCodes":"K0101"}""" },
        { "consultant as text", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","consultant":"山田"}""" },
        { "assignee not a guid", """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","assigneeId":"青木"}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedRegistrations))]
    public async Task MalformedRegistrationIsABadRequestProblem(string what, string json)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var before = await CaseCountAsync();

        using var response = await client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.ExpectAsync(HttpStatusCode.BadRequest);
        var title = JsonNode.Parse(body)!["title"]!.GetValue<string>();
        Assert.True(title is FormatTitle or ValidationTitle, $"{what}: {body}");
        Assert.Equal(before, await CaseCountAsync());
        AssertNoServerErrorLogged();
    }

    public static TheoryData<string> NullSections => new()
    {
        """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","consultant":null}""",
        """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","contractPartyIsConsultant":false,"contractParty":null}""",
        """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","business":null}""",
        """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","keywordCodes":null}""",
        """{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"s","keywordCodes":[null, " "]}""",
    };

    [Theory]
    [MemberData(nameof(NullSections))]
    public async Task ASectionSentAsNullCountsAsNothingEntered(string json)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ExpectAsync(HttpStatusCode.Created);
        var stored = await app.LoadCaseAsync((await response.ReadAsync<CaseDetail>()).Id);
        Assert.Null(stored.Consultant.Phone);
        Assert.Null(stored.Business.Name);
        AssertNoServerErrorLogged();
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        // what is wrong, field, the Japanese message naming the field
        { "negative billed amount", "AmountBilled", "請求金額には0以上の金額を入力してください。" },
        { "negative paid amount", "AmountPaid", "既支払額には0以上の金額を入力してください。" },
        { "huge contract amount", "ContractAmount", "契約購入金額が大きすぎます（1,000億円以内で入力してください）。" },
        { "1 MB summary", "Summary", "相談概要は20000文字以内で入力してください。" },
        { "empty summary", "Summary", "相談概要を入力してください。" },
        { "future receipt", "ReceivedAt", "受付日時に未来の日付は入力できません。" },
        { "receipt in 1999", "ReceivedAt", "受付日時が古すぎます（2000年以降を入力してください）。" },
        { "missing receipt", "ReceivedAt", "受付日時を入力してください。" },
        { "future contract date", "ContractDate", "契約日に未来の日付は入力できません。" },
        { "malformed phone", "Consultant.Phone", "相談者の電話番号の形式が正しくありません（例: 03-1234-5678、090-1234-5678）。" },
        { "malformed postal code", "Consultant.PostalCode", "相談者の郵便番号は7桁の数字で入力してください（例: 100-0001）。" },
        { "malformed email", "Consultant.Email", "相談者のメールアドレスの形式が正しくありません（例: taro@example.jp）。" },
        { "contract party phone", "ContractParty.Phone", "契約当事者の電話番号の形式が正しくありません（例: 03-1234-5678、090-1234-5678）。" },
        { "javascript url", "Business.Url", "事業者のURLは http:// または https:// で始まるURLを入力してください。" },
        { "corporate number check digit", "Business.CorporateNumber", "法人番号の検査用数字（先頭の1桁）が一致しません。番号を打ち間違えていないか確かめてください。" },
        { "unknown channel", "ChannelCode", "受付方法の選択肢が正しくありません。一覧から選んでください。" },
        { "top-level product", "ProductCode", "商品・役務分類は大分類ではなく、その下の分類まで選んでください。" },
        { "unknown municipality", "Consultant.MunicipalityCode", "相談者の居住市区町村の市区町村コードが見つかりません。" },
        { "eleven keywords", "KeywordCodes", "内容キーワードは10個まで選べます。" },
        { "top-level keyword", "KeywordCodes", "内容キーワードは大分類ではなく、その下のキーワードまで選んでください。" },
        { "twelve-digit corporate number", "Business.CorporateNumber", "法人番号は13桁の数字で入力してください（ハイフンや空白は不要です）。" },
        { "assignee who does not work cases", "AssigneeId", "担当者は相談を担当できる職員（相談員・決裁者・センター管理者）から選んでください。" },
        { "assignee of another center", "AssigneeId", "担当者はこのセンターの職員から選んでください。" },
        { "overlong name", "Consultant.Name", "相談者の氏名は100文字以内で入力してください。" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task AnInvalidFieldIsNamedInJapanese(string what, string field, string message)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var input = CaseInputs.Valid();
        Spoil(input, what, app.World);
        var before = await CaseCountAsync();

        using var response = await client.PostJsonAsync("/api/cases", input);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal(ValidationTitle, problem["title"]!.GetValue<string>());
        Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(before, await CaseCountAsync());
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task EveryInvalidFieldIsReportedAtOnce()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var input = CaseInputs.Valid();
        input.AmountBilled = -1;
        input.Consultant.Phone = "123";
        input.Consultant.PostalCode = "12-345";
        input.Business.Url = "ftp://example.jp";

        using var response = await client.PostJsonAsync("/api/cases", input);

        var errors = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        Assert.Equal(["AmountBilled", "Business.Url", "Consultant.Phone", "Consultant.PostalCode"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ControlCharactersAreRemovedAndTheCaseIsKept()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var input = CaseInputs.Valid("\u0000貼り付けた\u0007相談\u001B内容。\r\n二行目\u007F");
        input.Business.Name = "株式会社\u0000テスト\n通販";

        using var response = await client.PostJsonAsync("/api/cases", input);

        await response.ExpectAsync(HttpStatusCode.Created);
        var stored = await app.LoadCaseAsync((await response.ReadAsync<CaseDetail>()).Id);
        Assert.Equal("貼り付けた相談内容。\n二行目", stored.Summary);
        Assert.Equal("株式会社テスト 通販", stored.Business.Name);
    }

    [Fact]
    public async Task TextAtTheLimitIsKeptWhole()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var summary = string.Concat(Enumerable.Repeat("長文の相談内容です。", CaseLimits.SummaryLength / 10));

        using var response = await client.PostJsonAsync("/api/cases", CaseInputs.Valid(summary));

        await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(summary, (await app.LoadCaseAsync((await response.ReadAsync<CaseDetail>()).Id)).Summary);
    }

    public static TheoryData<string, string> MalformedRequests => new()
    {
        // method and url ("{id}" is a fresh case of the user's center), body
        { "PUT /api/cases/{id}", """{"version":1}""" },
        { "PUT /api/cases/{id}", """{"case":{"receivedAt":"2026-11-01T10:00:00+09:00","channelCode":"C1","summary":"版なし"}}""" },
        { "PUT /api/cases/{id}", """{"version":"一","case":{}}""" },
        { "PUT /api/cases/{id}", """{"version":1,"case":null}""" },
        { "PUT /api/cases/{id}", "" },
        { "POST /api/cases/{id}/transitions", """{"action":"Destroy"}""" },
        { "POST /api/cases/{id}/transitions", """{"action":99}""" },
        { "POST /api/cases/{id}/transitions", """{"action":null}""" },
        { "POST /api/cases/{id}/transitions", """{}""" },
        { "POST /api/cases/{id}/transitions", """{"action":"Start","version":"最新"}""" },
        { "POST /api/cases/{id}/mediation/end", """{"outcome":"Maybe"}""" },
        { "POST /api/cases/{id}/mediation/end", """{"outcome":"None"}""" },
        { "POST /api/cases/{id}/mediation/end", """{"outcome":"Resolved","amountRelieved":-1}""" },
        { "POST /api/cases/{id}/mediation/entries", """{"occurredAt":"2026-11-01T10:00:00+09:00","methodCode":"M1","counterpartCode":"T2","text":"あっせん前"}""" },
        { "POST /api/cases/{id}/handling-log", """{}""" },
        { "POST /api/cases/{id}/handling-log", """{"occurredAt":"2099-01-01T00:00:00+09:00","methodCode":"M1","counterpartCode":"T1","text":"未来"}""" },
        { "POST /api/cases/{id}/handling-log", """{"occurredAt":"2026-11-01T10:00:00+09:00","methodCode":"X","counterpartCode":"T1","text":"不明な方法"}""" },
        { "POST /api/cases/{id}/handling-log", """{"occurredAt":"2026-11-01T10:00:00+09:00","methodCode":"M1","counterpartCode":"T1","text":null}""" },
        { "POST /api/cases/{id}/shares", """{"centerId":"00000000-0000-0000-0000-000000000000","reason":"不明なセンター"}""" },
        { "POST /api/cases/{id}/shares", """{"centerId":"横浜","reason":"形式違い"}""" },
        { "POST /api/cases/{id}/shares", """{"reason":"共有先なし"}""" },
        { "GET /api/cases/{id}/history?includePersonal=maybe", "" },
        { "POST /api/repeat-consumers/search", """{}""" },
        { "POST /api/repeat-consumers/search", """{"phone":"電話"}""" },
        { "POST /api/repeat-consumers/search", """{"phone":"0312345678","excludeCaseId":"abc"}""" },
        { "GET /api/code-lists/product?limit=many", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task MalformedRequestsToOtherEndpointsAreBadRequestProblems(string endpoint, string json)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var subject = await app.RegisterAsync(app.World.CounselorA);
        var parts = endpoint.Split(' ');
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{id}", subject.Id.ToString(), StringComparison.Ordinal));
        if (parts[0] != "GET")
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(subject.Version, (await app.LoadCaseAsync(subject.Id)).Version);
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task SharingWithoutConsentOrWithTheOwnCenterIsRefused()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var withoutConsent = await app.RegisterAsync(app.World.CounselorA, i => i.ConsentToShareWithCenters = false);
        var withConsent = await app.RegisterAsync(app.World.CounselorA);

        using var noConsent = await client.PostJsonAsync($"/api/cases/{withoutConsent.Id}/shares", new { centerId = app.World.CenterB.Id });
        using var self = await client.PostJsonAsync($"/api/cases/{withConsent.Id}/shares", new { centerId = app.World.CenterA.Id });

        Assert.Equal("相談者が他センターとの共有に同意していないため、共有できません。", JsonNode.Parse(await noConsent.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["CenterId"]![0]!.GetValue<string>());
        Assert.Equal("自センターとは共有できません。", JsonNode.Parse(await self.ExpectAsync(HttpStatusCode.BadRequest))!["errors"]!["CenterId"]![0]!.GetValue<string>());
        Assert.Empty((await app.LoadCaseAsync(withoutConsent.Id)).Shares);
    }

    [Fact]
    public async Task AWrongContentTypeIsAnUnsupportedMediaTypeProblem()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostAsync("/api/cases", new StringContent("""{"summary":"s"}""", Encoding.UTF8, "text/plain"));

        await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AnIdempotencyKeyThatIsNotAGuidIsABadRequest()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = System.Net.Http.Json.JsonContent.Create(CaseInputs.Valid(), options: Api.Json) };
        request.Headers.Add("Idempotency-Key", "毎回同じキー");
        var before = await CaseCountAsync();

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CaseCountAsync());
    }

    public static TheoryData<string, string, string> BadListQueries => new()
    {
        { "status=Closed", "status", "状態は Received, InProgress, AwaitingApproval, Completed のいずれかを指定してください。" },
        { "status=1", "status", "状態は Received, InProgress, AwaitingApproval, Completed のいずれかを指定してください。" },
        { "receivedFrom=2026-02-30", "receivedFrom", "受付日（開始）は YYYY-MM-DD 形式の正しい日付で指定してください。" },
        { "receivedTo=26/11/2026", "receivedTo", "受付日（終了）は YYYY-MM-DD 形式の正しい日付で指定してください。" },
        { "receivedFrom=2026-11-02&receivedTo=2026-11-01", "receivedTo", "受付日（終了）は受付日（開始）以降の日付を指定してください。" },
        { "page=0", "page", "ページは1から1000000までの整数で指定してください。" },
        { "page=-1", "page", "ページは1から1000000までの整数で指定してください。" },
        { "page=二", "page", "ページは1から1000000までの整数で指定してください。" },
        { "pageSize=500", "pageSize", "1ページの件数は1から200までの整数で指定してください。" },
        { "pageSize=99999999999999999999", "pageSize", "1ページの件数は1から200までの整数で指定してください。" },
        { "sort=name", "sort", "並び順は received_desc, received_asc, receipt_desc, receipt_asc, updated_desc のいずれかを指定してください。" },
        { "scope=all", "scope", "範囲は own または shared を指定してください。" },
        { "assigneeId=青木", "assigneeId", "担当者の指定が正しくありません。" },
    };

    [Theory]
    [MemberData(nameof(BadListQueries))]
    public async Task BadListParametersAreNamedInTheProblem(string query, string parameter, string message)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/cases?" + query);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal([message], problem["errors"]![parameter]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task AnOverlongBusinessNameFilterIsABadRequest()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/cases?businessName=" + new string('社', 201));

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal("事業者名は200文字以内で指定してください。", problem["errors"]!["businessName"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task UnusualButHarmlessListParametersStillAnswer()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        foreach (var query in new[] { "productCode=XX", "productCode='%20OR%201=1--", "businessName=%25", "businessName=_", "salesFormCode=", "status=inprogress" })
        {
            using var response = await client.GetAsync("/api/cases?" + query);
            await response.ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task AnUnknownCodeListIsNotFound()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/code-lists/nonexistent");

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("receivedFrom=0001-01-01", "receivedFrom")]
    [InlineData("receivedTo=9999-12-31", "receivedTo")]
    [InlineData("receivedFrom=9999-12-31", "receivedFrom")]
    [InlineData("receivedTo=0001-01-01", "receivedTo")]
    public async Task ExtremeListDatesAreABadRequestNotAnOverflow(string query, string parameter)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/cases?" + query);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Matches("受付日（(開始|終了)）は", problem["errors"]![parameter]![0]!.GetValue<string>());
        AssertNoServerErrorLogged();
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/cases")]
    [InlineData("/api/repeat-consumers/search")]
    public async Task AnUnknownCharsetIsAnUnsupportedMediaTypeProblem(string url)
    {
        var client = url == "/api/auth/login" ? app.AnonymousClient() : await app.ClientAsync(app.World.CounselorA);
        var content = new StringContent("""{"email":"a@example.jp","password":"x","phone":"0312345678"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        using var response = await client.PostAsync(url, content);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType))!;
        Assert.Equal("文字コードが正しくありません。Content-Type の charset は utf-8 を指定してください。", problem["title"]!.GetValue<string>());
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task ANulInTheSignInEmailIsAFailedSignInNotAServerError()
    {
        using var client = app.AnonymousClient();

        using var response = await client.PostJsonAsync("/api/auth/login", new { email = "nobody\u0000@test.yorisoi.jp", password = "x" });

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        AssertNoServerErrorLogged();
    }

    [Theory]
    [InlineData("/api/cases?businessName=%E7%A4%BE%00", "businessName")]
    [InlineData("/api/municipalities?q=%00", "q")]
    [InlineData("/api/code-lists/product?q=%E5%AE%9A%00", "q")]
    public async Task ControlCharactersInAQueryAreNamedInJapanese(string url, string parameter)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync(url);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal($"{parameter}に使えない文字（制御文字）が含まれています。", problem["errors"]![parameter]![0]!.GetValue<string>());
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task ControlCharactersInAdministrationNamesAreRemoved()
    {
        var client = await app.ClientAsync(app.World.SystemAdminA);
        var code = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var center = await client.PostJsonAsync("/api/admin/centers", new { code, name = "試験\u0000センター\u0007", kind = "Municipal", prefectureCode = "130001" });
        var centerId = JsonNode.Parse(await center.ExpectAsync(HttpStatusCode.Created))!["id"]!.GetValue<Guid>();
        using var user = await client.PostJsonAsync($"/api/admin/centers/{centerId}/users",
            new { email = $"nul-{code}@test.yorisoi.jp", displayName = "試験\u0000職員", role = "counselor", password = TestWorld.Password });

        Assert.Equal("試験職員", JsonNode.Parse(await user.ExpectAsync(HttpStatusCode.Created))!["displayName"]!.GetValue<string>());
        Assert.Equal("試験センター", await app.AsSystemAsync(db => Task.FromResult(db.Centers.Single(c => c.Id == centerId).Name)));
        AssertNoServerErrorLogged();
    }

    [Theory]
    [InlineData("email", "Email", "メールアドレスは256文字以内で入力してください。")]
    [InlineData("displayName", "DisplayName", "氏名は100文字以内で入力してください。")]
    public async Task AnOverlongAdministrationFieldIsNamedInJapanese(string property, string field, string message)
    {
        var client = await app.ClientAsync(app.World.SystemAdminA);
        var body = new JsonObject { ["email"] = "long@test.yorisoi.jp", ["displayName"] = "試験 職員", ["role"] = "counselor", ["password"] = TestWorld.Password };
        body[property] = new string('a', 1_048_576) + "@test.yorisoi.jp";
        var usersBefore = await app.AsSystemAsync(db => Task.FromResult(db.Users.Count()));

        using var response = await client.PostAsync($"/api/admin/centers/{app.World.CenterA.Id}/users", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal(ValidationTitle, problem["title"]!.GetValue<string>());
        Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(usersBefore, await app.AsSystemAsync(db => Task.FromResult(db.Users.Count())));
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task TextThatGrowsWhenNormalisedIsHeldToTheColumnLength()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var input = CaseInputs.Valid();
        input.Business.Name = string.Concat(Enumerable.Repeat("㍿", 60));

        using var response = await client.PostJsonAsync("/api/cases", input);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal(["事業者名は200文字以内で入力してください。"], problem["errors"]!["Business.Name"]!.AsArray().Select(m => m!.GetValue<string>()));
        AssertNoServerErrorLogged();
    }

    [Theory]
    [InlineData("contractDate", "0001-01-01", "ContractDate", "契約日")]
    [InlineData("documentReceivedDate", "9999-12-31", "DocumentReceivedDate", "法定書面の受領日")]
    [InlineData("receivedAt", "9999-12-31T23:59:59Z", "ReceivedAt", "受付日時")]
    public async Task ExtremeDatesInABodyAreNamedInJapanese(string property, string value, string field, string label)
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(CaseInputs.Valid(), Api.Json)!;
        body[property] = value;

        using var response = await client.PostAsync("/api/cases", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal([$"{label}は1900-01-01から2999-12-31までの日付で入力してください。"], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
        AssertNoServerErrorLogged();
    }

    [Fact]
    public async Task ALoneSurrogateIsNamedInJapanese()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var json = System.Text.Json.JsonSerializer.SerializeToNode(CaseInputs.Valid("SURROGATE"), Api.Json)!.ToJsonString().Replace("SURROGATE", "\\ud800", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal(["相談概要に文字として読み取れない値が含まれています。"], problem["errors"]!["Summary"]!.AsArray().Select(m => m!.GetValue<string>()));
        AssertNoServerErrorLogged();
    }

    private static void Spoil(CaseInput input, string what, TestWorld world)
    {
        switch (what)
        {
            case "negative billed amount": input.AmountBilled = -1; break;
            case "negative paid amount": input.AmountPaid = -9_800; break;
            case "huge contract amount": input.ContractAmount = long.MaxValue; break;
            case "1 MB summary": input.Summary = new string('あ', 1_048_576); break;
            case "empty summary": input.Summary = " \u0000 "; break;
            case "future receipt": input.ReceivedAt = DateTimeOffset.UtcNow.AddDays(1); break;
            case "receipt in 1999": input.ReceivedAt = new DateTimeOffset(1999, 12, 31, 10, 0, 0, TimeSpan.FromHours(9)); break;
            case "missing receipt": input.ReceivedAt = null; break;
            case "future contract date": input.ContractDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30); break;
            case "malformed phone": input.Consultant.Phone = "03-1234-567"; break;
            case "malformed postal code": input.Consultant.PostalCode = "〒100-00011"; break;
            case "malformed email": input.Consultant.Email = "taro＠example"; break;
            case "contract party phone":
                input.ContractPartyIsConsultant = false;
                input.RelationshipCode = "L4";
                input.ContractParty = new PartyInput { Phone = "電話なし" };
                break;
            case "javascript url": input.Business.Url = "javascript:alert(1)"; break;
            case "corporate number check digit": input.Business.CorporateNumber = "7000012050003"; break;
            case "unknown channel": input.ChannelCode = "C99"; break;
            case "top-level product": input.ProductCode = "02"; break;
            case "unknown municipality": input.Consultant.MunicipalityCode = "99999"; break;
            case "eleven keywords": input.KeywordCodes = ["K0101", "K0102", "K0103", "K0104", "K0105", "K0106", "K0107", "K0108", "K0109", "K0110", "K0111"]; break;
            case "top-level keyword": input.KeywordCodes = ["K01"]; break;
            case "twelve-digit corporate number": input.Business.CorporateNumber = "700001205000"; break;
            case "assignee who does not work cases": input.AssigneeId = world.PrefectureAdminA.Id; break;
            case "assignee of another center": input.AssigneeId = world.CounselorB.Id; break;
            case "overlong name": input.Consultant.Name = new string('山', 101); break;
            default: throw new ArgumentOutOfRangeException(nameof(what), what);
        }
    }

    private Task<int> CaseCountAsync() => app.AsSystemAsync(db => Task.FromResult(db.Cases.Count()));

    /// <summary>No request of this test ended in an unhandled exception (the host logs those as errors).</summary>
    private void AssertNoServerErrorLogged()
    {
        var errors = app.Logs.Entries.Skip(_logsBefore).Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => e.Text)));
    }
}

public sealed class BadInputOnSqliteTests(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class BadInputOnPostgresTests(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
