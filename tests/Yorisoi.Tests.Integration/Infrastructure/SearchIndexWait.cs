using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Search;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>Waits for what the host's case indexer does, by asking it, never by sleeping a fixed time.</summary>
public static class SearchIndexWait
{
    /// <summary>Until the host's index has committed every outbox message written so far.</summary>
    public static async Task CaughtUpAsync(AppFixture app, TimeSpan? timeout = null, IServiceProvider? host = null)
    {
        var index = (host ?? app.Factory.Services).GetRequiredService<CaseIndex>();
        var newest = await app.AsSystemAsync(db => db.OutboxMessages.MaxAsync(m => (long?)m.Id)) ?? 0;
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var started = Stopwatch.GetTimestamp();
        while ((index.Position ?? -1) < newest)
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                var errors = app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("Search", StringComparison.Ordinal)).Select(e => e.Text);
                throw new TimeoutException($"The case index reached outbox position {index.Position} of {newest} in {limit.TotalSeconds} s. {string.Join(Environment.NewLine, errors)}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Polls GET /api/search/cases until <paramref name="done"/> holds for the answer, and returns the answer and how long
    /// it took; fails the test after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(JsonNode Result, TimeSpan Elapsed)> UntilAsync(HttpClient client, string query, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            using var response = await client.GetAsync("/api/search/cases" + query);
            var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
            if (done(result))
            {
                return (result, Stopwatch.GetElapsedTime(started));
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < limit, $"GET /api/search/cases{query} did not change as expected in {limit.TotalSeconds} s: {result.ToJsonString()}");
            await Task.Delay(20);
        }
    }

    public static IEnumerable<Guid> Ids(JsonNode result) => result["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<Guid>());
}
