using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Registers cases with unique fake personal data and shows that none of it appears in plain text in the database,
/// in the logs, or in any API response except the audited personal-data views of the owning center.
/// </summary>
public abstract class PrivacyTests(AppFixture app) : IAsyncLifetime
{
    private PrivacyScenario _s = null!;

    public async Task InitializeAsync() => _s = await app.OnceAsync(PrivacyScenario.CreateAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheDatabaseHoldsNoPersonalDataInPlainText()
    {
        var text = await DatabaseScanner.AllValuesAsync(app.Kind, app.Factory.ConnectionString);

        Assert.Contains(_s.BusinessMarker, text, StringComparison.Ordinal); // the scan sees what is stored in plain text
        Assert.Contains("enc1:", text, StringComparison.Ordinal);
        _s.AssertNoMarker(text, "the database");
    }

    [Fact]
    public async Task TheSqliteFileHoldsNoPersonalDataInPlainText()
    {
        if (app.Kind != DatabaseKind.Sqlite)
        {
            return;
        }

        var bytes = await DatabaseScanner.SqliteFileBytesAsync(app.Factory.ConnectionString);

        Assert.True(Contains(bytes, _s.BusinessMarker), "the file scan sees what is stored in plain text");
        foreach (var marker in _s.Markers)
        {
            Assert.False(Contains(bytes, marker), $"'{marker}' is in the SQLite file in plain text");
        }
    }

    [Fact]
    public async Task TheLogsHoldNoPersonalData()
    {
        // Views of personal data and refused attempts, on top of the registrations and edits of the scenario.
        var counselorA = await app.ClientAsync(app.World.CounselorA);
        var counselorB = await app.ClientAsync(app.World.CounselorB);
        foreach (var (client, url) in new[]
        {
            (counselorA, $"/api/cases/{_s.Case.Id}/personal-data"),
            (counselorA, $"/api/cases/{_s.Case.Id}/history?includePersonal=true"),
            (counselorB, $"/api/cases/{_s.Case.Id}/personal-data"),
            (counselorB, $"/api/cases/{_s.Case.Id}/history?includePersonal=true"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, url);
        }

        using (var lookup = await counselorB.PostJsonAsync("/api/repeat-consumers/search", new { phone = _s.Consultant.Phone }))
        {
            Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        }

        var entries = app.Logs.Entries;
        Assert.Contains(entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains(_s.Case.Id.ToString(), StringComparison.Ordinal));

        Assert.Contains(entries, e => e.Text.Contains(_s.Case.ReceiptNumber, StringComparison.Ordinal)); // the capture works
        foreach (var entry in entries)
        {
            _s.AssertNoMarker(entry.Text, $"a log entry of {entry.Category}");
        }
    }

    [Fact]
    public void ResponsesToRegistrationEditRejectionAndLookupCarryNoPersonalData()
    {
        Assert.True(_s.Responses.Count >= 10);
        foreach (var body in _s.Responses)
        {
            _s.AssertNoMarker(body, "a response");
        }
    }

    [Fact]
    public async Task ListCaseAndMaskedHistoryNeverShowPersonalData()
    {
        foreach (var user in new[] { app.World.CounselorA, app.World.SupervisorA, app.World.CenterAdminA })
        {
            var client = await app.ClientAsync(user);
            foreach (var url in new[] { "/api/cases", "/api/cases?pageSize=200&sort=updated_desc", $"/api/cases/{_s.Case.Id}", $"/api/cases/{_s.SecondCase.Id}", $"/api/cases/{_s.Case.Id}/history" })
            {
                using var response = await client.GetAsync(url);
                _s.AssertNoMarker(await response.ExpectAsync(HttpStatusCode.OK), url);
            }
        }
    }

    [Fact]
    public async Task CaseWorkersOfTheOwningCenterSeeContactDetailsAndEachViewIsAudited()
    {
        const string Fields =
            "Consultant.Name,Consultant.NameKana,Consultant.Phone,Consultant.Email,Consultant.PostalCode,Consultant.Address,Consultant.ContactNote,"
            + "ContractParty.Name,ContractParty.NameKana,ContractParty.Phone,ContractParty.Email,ContractParty.PostalCode,ContractParty.Address,ContractParty.ContactNote";
        foreach (var user in new[] { app.World.CounselorA, app.World.SupervisorA, app.World.CenterAdminA })
        {
            var before = await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData);
            var client = await app.ClientAsync(user);

            using var response = await client.GetAsync($"/api/cases/{_s.Case.Id}/personal-data");
            await response.ExpectAsync(HttpStatusCode.OK);
            var data = await response.ReadAsync<CasePersonalData>();

            Assert.Equal(_s.Renamed.Expected, data.Consultant);
            Assert.Equal(_s.ContractParty.Expected, data.ContractParty);
            var after = await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData);
            Assert.Equal(before.Count + 1, after.Count);
            var record = after[^1];
            Assert.Equal(user.Id, record.UserId);
            Assert.Equal(app.World.CenterA.Id, record.CenterId);
            Assert.Equal(Fields, record.Fields);
            _s.AssertNoMarker(record.Fields + record.Detail, "an audit record");
        }
    }

    [Fact]
    public async Task OnlyTheFieldsThatHoldAValueAreRecordedAsShown()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var input = CaseInputs.Valid("電話番号だけを聞き取った相談。");
        input.Consultant = new PartyInput { Phone = CaseInputs.RandomMobile() };
        using var created = await client.PostJsonAsync("/api/cases", input);
        var detail = await created.ReadAsync<CaseDetail>();

        using var response = await client.GetAsync($"/api/cases/{detail.Id}/personal-data");
        await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Consultant.Phone,ContractParty.Phone", (await app.AuditAsync(detail.Id, AuditActions.ViewPersonalData)).Single().Fields);
    }

    [Fact]
    public async Task HistoryMasksPersonalValuesUnlessAskedAndAskingIsAudited()
    {
        var client = await app.ClientAsync(app.World.SupervisorA);
        var viewsBefore = (await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData)).Count;

        using var masked = await client.GetAsync($"/api/cases/{_s.Case.Id}/history");
        var maskedBody = await masked.ExpectAsync(HttpStatusCode.OK);
        var maskedEntries = await masked.ReadAsync<List<TimelineEntry>>();

        var personal = maskedEntries.Where(e => e.IsPersonal).ToList();
        Assert.Equal(
            ["Consultant.Address", "Consultant.ContactNote", "Consultant.Email", "Consultant.Name", "Consultant.NameKana", "Consultant.Phone", "Consultant.PostalCode"],
            personal.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.All(personal, e => Assert.Equal(("＊＊＊", "＊＊＊"), (e.OldValue, e.NewValue)));
        _s.AssertNoMarker(maskedBody, "the masked history");
        Assert.Equal(viewsBefore, (await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData)).Count);

        using var revealed = await client.GetAsync($"/api/cases/{_s.Case.Id}/history?includePersonal=true");
        await revealed.ExpectAsync(HttpStatusCode.OK);
        var entries = await revealed.ReadAsync<List<TimelineEntry>>();

        var name = entries.Single(e => e.Field == "Consultant.Name");
        Assert.Equal((_s.Consultant.Name, _s.Renamed.Name), (name.OldValue, name.NewValue));
        var phone = entries.Single(e => e.Field == "Consultant.Phone");
        Assert.Equal((_s.Consultant.Phone, _s.Renamed.Phone), (phone.OldValue, phone.NewValue));
        var audits = await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData);
        Assert.Equal(viewsBefore + 1, audits.Count);
        Assert.Equal(app.World.SupervisorA.Id, audits[^1].UserId);
        Assert.Equal(personal.Select(e => "History." + e.Field).Order(StringComparer.Ordinal), audits[^1].Fields!.Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ThePhoneNumberFindsOnlyTheSameCentersCases()
    {
        var counselorA = await app.ClientAsync(app.World.CounselorA);
        var counselorB = await app.ClientAsync(app.World.CounselorB);

        using var ownLookup = await counselorA.PostJsonAsync("/api/repeat-consumers/search", new { phone = _s.ContractParty.Phone });
        using var otherLookup = await counselorB.PostJsonAsync("/api/repeat-consumers/search", new { phone = _s.ContractParty.Phone });
        using var bLookupFromA = await counselorA.PostJsonAsync("/api/repeat-consumers/search", new { phone = _s.CenterB.Phone });

        Assert.Equal([_s.Case.Id], (await ownLookup.ReadAsync<List<RepeatConsumerMatch>>()).Select(m => m.CaseId));
        Assert.Empty(await otherLookup.ReadAsync<List<RepeatConsumerMatch>>());
        Assert.Empty(await bLookupFromA.ReadAsync<List<RepeatConsumerMatch>>());
    }

    public static TheoryData<string, int> Outsiders => new()
    {
        { "B.counselor", 404 },
        { "B.supervisor", 404 },
        { "A.prefecture-admin", 403 },
        { "A.national-analyst", 403 },
        { "A.system-admin", 403 },
        { "anonymous", 401 },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task OthersGetNoContactDetailsAndNoHistoryValues(string userKey, int status)
    {
        var client = userKey == "anonymous" ? app.AnonymousClient() : await app.ClientAsync(app.World.User(userKey));
        var viewsBefore = (await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData)).Count;

        foreach (var url in new[] { $"/api/cases/{_s.Case.Id}/personal-data", $"/api/cases/{_s.Case.Id}", $"/api/cases/{_s.Case.Id}/history?includePersonal=true" })
        {
            using var response = await client.GetAsync(url);
            _s.AssertNoMarker(await response.ExpectAsync((HttpStatusCode)status), $"{userKey} {url}");
        }

        Assert.Equal(viewsBefore, (await app.AuditAsync(_s.Case.Id, AuditActions.ViewPersonalData)).Count);
    }

    private static bool Contains(byte[] haystack, string marker) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;
}

/// <summary>The cases the privacy tests look for: made once per host, through the API, with markers in every personal field.</summary>
public sealed class PrivacyScenario
{
    public required Person Consultant { get; init; }

    public required Person ContractParty { get; init; }

    public required Person SecondConsultant { get; init; }

    public required Person Renamed { get; init; }

    public required Person CenterB { get; init; }

    public required string BusinessMarker { get; init; }

    public CaseDetail Case { get; private set; } = null!;

    public CaseDetail SecondCase { get; private set; } = null!;

    public List<string> Responses { get; } = [];

    public IEnumerable<string> Markers => new[] { Consultant, ContractParty, SecondConsultant, Renamed, CenterB }.SelectMany(p => p.Markers);

    public void AssertNoMarker(string text, string where)
    {
        foreach (var marker in Markers)
        {
            Assert.False(text.Contains(marker, StringComparison.Ordinal), $"'{marker}' appears in {where}: {Excerpt(text, marker)}");
        }
    }

    public static async Task<PrivacyScenario> CreateAsync(AppFixture app)
    {
        // Phone numbers and postal codes are digits: pick ones the database does not hold yet, so finding one means a leak.
        var existing = await DatabaseScanner.AllValuesAsync(app.Kind, app.Factory.ConnectionString);
        var s = new PrivacyScenario
        {
            Consultant = Person.Create("consultant", existing),
            ContractParty = Person.Create("contract", existing),
            SecondConsultant = Person.Create("second", existing),
            Renamed = Person.Create("renamed", existing),
            CenterB = Person.Create("centerb", existing),
            BusinessMarker = "株式会社BIZ" + Guid.NewGuid().ToString("N")[..10],
        };

        var counselorA = await app.ClientAsync(app.World.CounselorA);
        s.Case = await s.RegisterAsync(counselorA, s.DaughterCallsAboutHerMother(s.Consultant));

        var second = CaseInputs.Valid("同じセンターの別の相談。");
        second.Consultant = s.SecondConsultant.ToInput();
        s.SecondCase = await s.RegisterAsync(counselorA, second);

        var ofB = CaseInputs.Valid("B センターの相談。");
        ofB.Consultant = s.CenterB.ToInput();
        await s.RegisterAsync(await app.ClientAsync(app.World.CounselorB), ofB);

        // An edit of personal fields puts the old and the new values into the case history.
        using (var put = await counselorA.PutJsonAsync($"/api/cases/{s.Case.Id}", new { version = s.Case.Version, @case = s.DaughterCallsAboutHerMother(s.Renamed) }))
        {
            s.Responses.Add(await put.ExpectAsync(HttpStatusCode.OK));
            s.Case = await put.ReadAsync<CaseDetail>();
        }

        using (var stale = await counselorA.PutJsonAsync($"/api/cases/{s.Case.Id}", new { version = s.Case.Version - 1, @case = s.DaughterCallsAboutHerMother(s.Consultant) }))
        {
            s.Responses.Add(await stale.ExpectAsync(HttpStatusCode.Conflict));
        }

        using (var log = await counselorA.PostJsonAsync($"/api/cases/{s.Case.Id}/handling-log", CaseInputs.Log()))
        {
            s.Responses.Add(await log.ExpectAsync(HttpStatusCode.OK));
        }

        // A rejected registration must not echo what was typed either.
        var invalid = s.DaughterCallsAboutHerMother(s.Consultant);
        invalid.Consultant.Email = s.Consultant.Email + "@@";
        invalid.Consultant.Phone = s.Consultant.Phone + "-99";
        invalid.Consultant.PostalCode = s.Consultant.PostalCode + "9";
        using (var rejected = await counselorA.PostJsonAsync("/api/cases", invalid))
        {
            s.Responses.Add(await rejected.ExpectAsync(HttpStatusCode.BadRequest));
        }

        foreach (var phone in new[] { s.Consultant, s.ContractParty, s.SecondConsultant, s.Renamed, s.CenterB }.Select(p => p.Phone))
        {
            using var lookup = await counselorA.PostJsonAsync("/api/repeat-consumers/search", new { phone = phone });
            s.Responses.Add(await lookup.ExpectAsync(HttpStatusCode.OK));
        }

        return s;
    }

    private CaseInput DaughterCallsAboutHerMother(Person consultant)
    {
        var input = CaseInputs.Valid("個人情報の保護を確かめる相談。娘から母の契約について。");
        input.Consultant = consultant.ToInput();
        input.ContractPartyIsConsultant = false;
        input.RelationshipCode = "L3";
        input.ContractParty = ContractParty.ToInput();
        input.Business.Name = BusinessMarker;
        return input;
    }

    private async Task<CaseDetail> RegisterAsync(HttpClient client, CaseInput input)
    {
        using var response = await client.PostJsonAsync("/api/cases", input);
        Responses.Add(await response.ExpectAsync(HttpStatusCode.Created));
        return await response.ReadAsync<CaseDetail>();
    }

    private static string Excerpt(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, at - 120), Math.Min(text.Length - Math.Max(0, at - 120), marker.Length + 240));
    }
}

/// <summary>Fake personal data, each field carrying a unique marker.</summary>
public sealed record Person(string Name, string NameKana, string Phone, string PhoneDigits, string Email, string PostalCode, string PostalDigits, string Address, string ContactNote, string Tag)
{
    public IEnumerable<string> Markers => [Tag, Phone, PhoneDigits, PostalCode, PostalDigits, Email];

    public PartyContact Expected => new(Name, NameKana, Phone, Email, PostalDigits, Address, ContactNote);

    public static Person Create(string role, string existing)
    {
        while (true)
        {
            var tag = "PII" + role + Guid.NewGuid().ToString("N")[..12];
            var phoneDigits = "090" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            var postalDigits = RandomNumberGenerator.GetInt32(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
            if (existing.Contains(phoneDigits, StringComparison.Ordinal) || existing.Contains(postalDigits, StringComparison.Ordinal))
            {
                continue;
            }

            return new Person(
                Name: $"氏名{tag}N",
                NameKana: $"シメイ{tag}K",
                Phone: $"{phoneDigits[..3]}-{phoneDigits[3..7]}-{phoneDigits[7..]}",
                PhoneDigits: phoneDigits,
                Email: $"{tag.ToLowerInvariant()}@example.jp",
                PostalCode: $"{postalDigits[..3]}-{postalDigits[3..]}",
                PostalDigits: postalDigits,
                Address: $"東京都千代田区{tag}A",
                ContactNote: $"夜は不在{tag}C",
                Tag: tag);
        }
    }

    public PartyInput ToInput() => new()
    {
        Name = Name,
        NameKana = NameKana,
        Phone = Phone,
        Email = Email,
        PostalCode = "〒" + PostalCode,
        Address = Address,
        ContactNote = ContactNote,
        AgeBandCode = "A5",
        GenderCode = "G2",
        MunicipalityCode = "13101",
    };
}

public sealed class PrivacyOnSqliteTests(SqliteApp app) : PrivacyTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PrivacyOnPostgresTests(PostgresApp app) : PrivacyTests(app), IClassFixture<PostgresApp>;
