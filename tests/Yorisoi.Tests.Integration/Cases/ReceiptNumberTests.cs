using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>Receipt numbers under concurrent registration, per center and fiscal year; idempotent registration.</summary>
public abstract class ReceiptNumberTests(AppFixture app)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public async Task ConcurrentRegistrationsGetConsecutiveNumbersWithoutGapsOrDuplicates()
    {
        var world = app.World;
        var clientsA = await Task.WhenAll(new[] { world.CounselorA, world.Counselor2A, world.SupervisorA, world.CenterAdminA }.Select(app.SignInAsync));
        var clientsB = await Task.WhenAll(new[] { world.CounselorB, world.SupervisorB }.Select(app.SignInAsync));
        var fiscalYear = FiscalYear.Of(DateTimeOffset.UtcNow);
        var sequencesBeforeA = await SequencesAsync(world.CenterA.Id, fiscalYear);
        var sequencesBeforeB = await SequencesAsync(world.CenterB.Id, fiscalYear);

        // 32 registrations in A and 8 in B, all in flight at once.
        var requests = Enumerable.Range(0, 40).Select(i => RegisterAsync(i < 32 ? clientsA[i % clientsA.Length] : clientsB[i % clientsB.Length], $"同時登録 {i}")).ToList();
        var created = await Task.WhenAll(requests);

        var inA = created.Where(c => c.CenterId == world.CenterA.Id).ToList();
        var inB = created.Where(c => c.CenterId == world.CenterB.Id).ToList();
        Assert.Equal(32, inA.Count);
        Assert.Equal(8, inB.Count);
        Assert.Equal(Enumerable.Range(sequencesBeforeA.Count + 1, 32), inA.Select(Sequence).Order());
        Assert.Equal(Enumerable.Range(sequencesBeforeB.Count + 1, 8), inB.Select(Sequence).Order());
        Assert.All(inA, c => Assert.Matches($"^{fiscalYear}-90001-\\d{{6}}$", c.ReceiptNumber));
        Assert.All(inB, c => Assert.Matches($"^{fiscalYear}-90002-\\d{{6}}$", c.ReceiptNumber));
        Assert.Equal(Enumerable.Range(1, sequencesBeforeA.Count + 32), await SequencesAsync(world.CenterA.Id, fiscalYear));
        Assert.Equal(Enumerable.Range(1, sequencesBeforeB.Count + 8), await SequencesAsync(world.CenterB.Id, fiscalYear));
        Assert.Equal(sequencesBeforeA.Count + 32, await CounterAsync(world.CenterA.Id, fiscalYear));

        foreach (var client in clientsA.Concat(clientsB))
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task EachFiscalYearStartsItsOwnSequenceAtTheJapaneseMidnightOfFirstApril()
    {
        var client = await app.ClientAsync(app.World.CounselorC);
        var before2026 = (await SequencesAsync(app.World.CenterC.Id, 2026)).Count;

        var lastMinuteOfMarch = await RegisterAsync(client, "3月31日 23:59 の受付", new DateTimeOffset(2026, 3, 31, 23, 59, 0, Jst));
        var firstMinuteOfApril = await RegisterAsync(client, "4月1日 0:00 の受付", new DateTimeOffset(2026, 4, 1, 0, 0, 0, Jst));
        var marchInUtc = await RegisterAsync(client, "UTC で 3月31日 14:59 の受付", new DateTimeOffset(2026, 3, 31, 14, 59, 0, TimeSpan.Zero));
        var aprilInUtc = await RegisterAsync(client, "UTC で 3月31日 15:00 の受付", new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal((2025, "2025-90003-000001"), (lastMinuteOfMarch.FiscalYear, lastMinuteOfMarch.ReceiptNumber));
        Assert.Equal((2026, Number(2026, before2026 + 1)), (firstMinuteOfApril.FiscalYear, firstMinuteOfApril.ReceiptNumber));
        Assert.Equal((2025, "2025-90003-000002"), (marchInUtc.FiscalYear, marchInUtc.ReceiptNumber));
        Assert.Equal((2026, Number(2026, before2026 + 2)), (aprilInUtc.FiscalYear, aprilInUtc.ReceiptNumber));
        Assert.Equal([1, 2], await SequencesAsync(app.World.CenterC.Id, 2025));

        static string Number(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{year}-90003-{sequence:D6}");
    }

    [Fact]
    public async Task TheSameIdempotencyKeyTwiceCreatesOneCase()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var key = Guid.NewGuid();

        using var first = await PostWithKeyAsync(client, key, CaseInputs.Valid("二重送信の確認"));
        using var second = await PostWithKeyAsync(client, key, CaseInputs.Valid("二重送信の確認（再送で内容が変わっても同じ相談）"));

        await first.ExpectAsync(HttpStatusCode.Created);
        await second.ExpectAsync(HttpStatusCode.OK);
        var created = await first.ReadAsync<CaseDetail>();
        var repeated = await second.ReadAsync<CaseDetail>();
        Assert.Equal(created.Id, repeated.Id);
        Assert.Equal(created.ReceiptNumber, repeated.ReceiptNumber);
        Assert.Equal("二重送信の確認", repeated.Summary);
        Assert.Equal(1, await app.AsSystemAsync(db => db.Cases.CountAsync(c => c.ClientRequestId == key)));
    }

    [Fact]
    public async Task TheSameIdempotencyKeySentConcurrentlyCreatesOneCaseAndUsesOneNumber()
    {
        var world = app.World;
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignInAsync(world.CounselorB)));
        var key = Guid.NewGuid();
        var fiscalYear = FiscalYear.Of(DateTimeOffset.UtcNow);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostWithKeyAsync(clients[i % clients.Length], key, CaseInputs.Valid("同時の二重送信"))));
        var bodies = new List<CaseDetail>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            bodies.Add(await response.ReadAsync<CaseDetail>());
        }

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(bodies.Select(b => b.Id).Distinct());
        Assert.Equal(1, await app.AsSystemAsync(db => db.Cases.CountAsync(c => c.ClientRequestId == key)));

        // The requests that lost the race gave their receipt numbers back: the next case follows without a gap.
        var next = await RegisterAsync(clients[0], "二重送信の後の相談");
        Assert.Equal(Sequence(bodies[0]) + 1, Sequence(next));
        var sequences = await SequencesAsync(world.CenterB.Id, fiscalYear);
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);

        foreach (var disposable in responses.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task TheSameKeyInAnotherCenterIsAnotherCase()
    {
        var key = Guid.NewGuid();

        using var inA = await PostWithKeyAsync(await app.ClientAsync(app.World.CounselorA), key, CaseInputs.Valid("A の相談"));
        using var inC = await PostWithKeyAsync(await app.ClientAsync(app.World.CounselorC), key, CaseInputs.Valid("C の相談"));

        await inA.ExpectAsync(HttpStatusCode.Created);
        await inC.ExpectAsync(HttpStatusCode.Created);
        Assert.NotEqual((await inA.ReadAsync<CaseDetail>()).Id, (await inC.ReadAsync<CaseDetail>()).Id);
    }

    private static int Sequence(CaseDetail c) => int.Parse(c.ReceiptNumber.Split('-')[^1], CultureInfo.InvariantCulture);

    private static async Task<CaseDetail> RegisterAsync(HttpClient client, string summary, DateTimeOffset? receivedAt = null)
    {
        var input = CaseInputs.Valid(summary);
        input.ReceivedAt = receivedAt ?? input.ReceivedAt;
        using var response = await client.PostJsonAsync("/api/cases", input);
        await response.ExpectAsync(HttpStatusCode.Created);
        return await response.ReadAsync<CaseDetail>();
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, Guid key, CaseInput input)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = System.Net.Http.Json.JsonContent.Create(input, options: Api.Json) };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return client.SendAsync(request);
    }

    private Task<List<int>> SequencesAsync(Guid centerId, int fiscalYear) =>
        app.AsSystemAsync(db => db.Cases.Where(c => c.CenterId == centerId && c.FiscalYear == fiscalYear).OrderBy(c => c.ReceiptSequence).Select(c => c.ReceiptSequence).ToListAsync());

    private Task<int> CounterAsync(Guid centerId, int fiscalYear) =>
        app.AsSystemAsync(db => db.ReceiptCounters.Where(c => c.CenterId == centerId && c.FiscalYear == fiscalYear).Select(c => c.LastSequence).SingleAsync());
}

public sealed class ReceiptNumberOnSqliteTests(SqliteApp app) : ReceiptNumberTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ReceiptNumberOnPostgresTests(PostgresApp app) : ReceiptNumberTests(app), IClassFixture<PostgresApp>;
