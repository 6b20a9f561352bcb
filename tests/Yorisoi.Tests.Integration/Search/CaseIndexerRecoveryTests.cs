using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Yorisoi.Core.Search;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Search;

/// <summary>
/// Several hosts on one database, each with its own index from the same outbox; a host stopped in the middle of a burst
/// resumes from the position it committed and loses nothing; a host that was away past the outbox retention rebuilds.
/// </summary>
public abstract class CaseIndexerRecoveryTests(AppFixture app)
{
    [Fact]
    public async Task EveryHostKeepsItsOwnIndexAndAStoppedHostResumesWithoutLosingAChange()
    {
        var directory = Path.Combine(app.Directory, "second-host-index-" + Guid.NewGuid().ToString("N")[..8]);
        var world = app.World;
        var first = CaseSearchTests.UniqueWord();
        long resumedFrom;
        await using (var second = SecondHost(directory))
        {
            var client = await SignInAsync(second, world.CounselorA);
            var detail = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{first} の通販で買った靴のサイズが違う。");
            await SearchIndexWait.UntilAsync(client, $"?q={first}", r => SearchIndexWait.Ids(r).Contains(detail.Id));
            await SearchIndexWait.UntilAsync(await app.ClientAsync(world.CounselorA), $"?q={first}", r => SearchIndexWait.Ids(r).Contains(detail.Id));
            Assert.NotEqual(app.Factory.Services.GetRequiredService<CaseIndex>().Root, second.Services.GetRequiredService<CaseIndex>().Root);
            await SearchIndexWait.CaughtUpAsync(app, host: second.Services);
            resumedFrom = second.Services.GetRequiredService<CaseIndex>().Position!.Value;
        }

        // A burst of changes while the second host is being stopped in the middle of it, and after.
        var burst = CaseSearchTests.UniqueWord();
        var registered = new List<Guid>();
        await using (var stopping = SecondHost(directory))
        {
            _ = stopping.Server;
            for (var n = 0; n < 10; n++)
            {
                registered.Add((await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{burst} の定期購入 {n} 回目の相談。")).Id);
            }
        }

        for (var n = 10; n < 20; n++)
        {
            registered.Add((await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{burst} の定期購入 {n} 回目の相談。")).Id);
        }

        await using var resumed = SecondHost(directory);
        var resumedClient = await SignInAsync(resumed, world.CounselorA);
        Assert.True(resumed.Services.GetRequiredService<CaseIndex>().Position >= resumedFrom);
        var (result, _) = await SearchIndexWait.UntilAsync(resumedClient, $"?q={burst}&pageSize=50", r => r["total"]!.GetValue<int>() == registered.Count);
        Assert.Equal(registered.Order(), SearchIndexWait.Ids(result).Order());
        Assert.DoesNotContain(resumed.Logs.Entries, e => e.Message.StartsWith("Building the case index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostAwayLongerThanTheOutboxRetentionRebuildsItsIndex()
    {
        var directory = Path.Combine(app.Directory, "away-host-index-" + Guid.NewGuid().ToString("N")[..8]);
        var world = app.World;
        await using (var away = SecondHost(directory))
        {
            _ = away.Server;
            await SearchIndexWait.CaughtUpAsync(app, host: away.Services);
        }

        var word = CaseSearchTests.UniqueWord();
        var missed = new[]
        {
            await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{word} の屋根工事の点検商法。"),
            await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{word} の給湯器の点検商法。"),
        };
        await SearchIndexWait.CaughtUpAsync(app);
        await app.AsSystemAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow.AddDays(-30))));

        var pruned = await app.Factory.Services.GetRequiredService<CaseIndexer>().PruneOutboxAsync(force: true);

        Assert.True(pruned > 0);
        Assert.Equal(1, await app.AsSystemAsync(db => db.OutboxMessages.CountAsync()));
        await using var back = SecondHost(directory);
        var client = await SignInAsync(back, world.CounselorA);
        await SearchIndexWait.UntilAsync(client, $"?q={word}", r => r["total"]!.GetValue<int>() == missed.Length);
        Assert.Contains(back.Logs.Entries, e => e.Message.Contains("were pruned; rebuilding", StringComparison.Ordinal));
    }

    protected YorisoiApplicationFactory SecondHost(string indexDirectory) =>
        new(app.Kind, app.ConnectionString, app.Directory, seedDemoData: false,
            settings: new Dictionary<string, string> { ["Search:IndexDirectory"] = indexDirectory },
            migrationConnectionString: app.MigrationConnectionString);

    protected static async Task<HttpClient> SignInAsync(YorisoiApplicationFactory host, TestUser user)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }
}

public sealed class CaseIndexerRecoveryOnSqliteTests(SqliteApp app) : CaseIndexerRecoveryTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseIndexerRecoveryOnPostgresTests(PostgresApp app) : CaseIndexerRecoveryTests(app), IClassFixture<PostgresApp>
{
    /// <summary>
    /// PostgreSQL hands out outbox ids at insert: a transaction holding a lower id commits after a higher one was
    /// indexed. The position must wait at the gap, and the late change must still be found.
    /// </summary>
    [Fact]
    public async Task AChangeCommittedAfterAHigherOutboxIdIsNotLost()
    {
        var world = app.World;
        var late = CaseSearchTests.UniqueWord();
        var early = CaseSearchTests.UniqueWord();
        var target = await app.RegisterAsync(world.CounselorA, i => i.Summary = "給湯器の点検と称して訪問された。");
        var client = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.CaughtUpAsync(app);

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long lowId;
        await using (var command = new NpgsqlCommand(
            "UPDATE cases SET summary = @summary WHERE id = @id; INSERT INTO outbox_messages (topic, entity_id, created_at) VALUES ('case', @id, now()) RETURNING id;",
            connection, transaction))
        {
            command.Parameters.AddWithValue("summary", $"{late} と名乗る業者が給湯器の点検と称して訪問した。");
            command.Parameters.AddWithValue("id", target.Id);
            lowId = (long)(await command.ExecuteScalarAsync())!;
        }

        var higher = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{early} の光回線の勧誘。");
        await SearchIndexWait.UntilAsync(client, $"?q={early}", r => SearchIndexWait.Ids(r).Contains(higher.Id));
        Assert.True(app.Factory.Services.GetRequiredService<CaseIndex>().Position < lowId, "The position moved past an id whose transaction had not committed.");

        await transaction.CommitAsync();

        await SearchIndexWait.UntilAsync(client, $"?q={late}", r => SearchIndexWait.Ids(r).Contains(target.Id));
    }
}
