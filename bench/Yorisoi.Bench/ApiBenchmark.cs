using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Yorisoi.Bench;

public sealed record LatencyStats(string Name, int Count, int Errors, double P50, double P95, double P99, double Max, double Mean, double PerSecond)
{
    public static LatencyStats From(string name, IReadOnlyCollection<double> milliseconds, int errors, TimeSpan wall)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencyStats(name, sorted.Length, errors, At(0.50), At(0.95), At(0.99), sorted.LastOrDefault(), sorted.Length == 0 ? double.NaN : sorted.Average(), sorted.Length / wall.TotalSeconds);
    }
}

/// <summary>One list request: the filter a counselor would set on the case list.</summary>
public sealed record ListRequest(string Status, DateOnly From, DateOnly To, int Page)
{
    public string Url => string.Create(CultureInfo.InvariantCulture,
        $"api/cases?status={Status}&receivedFrom={From:yyyy-MM-dd}&receivedTo={To:yyyy-MM-dd}&page={Page}&pageSize=50");
}

/// <summary>
/// Measures the API as a browser would use it: signed in with the session cookie, over keep-alive HTTP/1.1,
/// each request timed from send to the last byte of the body.
/// </summary>
public sealed class ApiBenchmark : IDisposable
{
    private readonly HttpClient _client;

    public ApiBenchmark(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = 64,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task LoginAsync(string email, string password)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("api/auth/login", UriKind.Relative), new { email, password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Status + date-range filters and pages: open work over recent weeks, completed cases over any period.</summary>
    public static List<ListRequest> ListRequests(int count, DateOnly first, DateOnly last, Random random)
    {
        var requests = new List<ListRequest>(count);
        int[] recentWindows = [7, 30, 90];
        int[] anyWindows = [7, 30, 90, 180, 365];
        for (var i = 0; i < count; i++)
        {
            var x = random.NextDouble();
            var status = x < 0.15 ? "Received" : x < 0.45 ? "InProgress" : x < 0.65 ? "AwaitingApproval" : "Completed";
            DateOnly from, to;
            if (status == "Completed")
            {
                var days = anyWindows[random.Next(anyWindows.Length)];
                var span = Math.Max(1, last.DayNumber - first.DayNumber - days);
                from = first.AddDays(random.Next(span));
                to = from.AddDays(days - 1);
            }
            else
            {
                to = last;
                from = last.AddDays(-(recentWindows[random.Next(recentWindows.Length)] - 1));
            }

            var page = random.NextDouble() < 0.75 ? 1 : random.Next(2, 6);
            requests.Add(new ListRequest(status, from, to, page));
        }

        return requests;
    }

    /// <summary>Runs the list requests and case opens one after another.</summary>
    public async Task<(LatencyStats List, LatencyStats Open, LatencyStats Detail, LatencyStats History)> SequentialAsync(
        IReadOnlyList<ListRequest> lists, IReadOnlyList<Guid> caseIds)
    {
        var listTimes = new List<double>(lists.Count);
        var listErrors = 0;
        var wall = Stopwatch.StartNew();
        foreach (var request in lists)
        {
            var (ms, ok) = await TimeGetAsync(request.Url);
            listTimes.Add(ms);
            listErrors += ok ? 0 : 1;
        }

        var listWall = wall.Elapsed;
        var open = new List<double>(caseIds.Count);
        var detail = new List<double>(caseIds.Count);
        var history = new List<double>(caseIds.Count);
        var openErrors = 0;
        wall.Restart();
        foreach (var id in caseIds)
        {
            var (d, okDetail) = await TimeGetAsync($"api/cases/{id}");
            var (h, okHistory) = await TimeGetAsync($"api/cases/{id}/history");
            detail.Add(d);
            history.Add(h);
            open.Add(d + h);
            openErrors += okDetail && okHistory ? 0 : 1;
        }

        var openWall = wall.Elapsed;
        return (LatencyStats.From("list", listTimes, listErrors, listWall),
            LatencyStats.From("open (detail + history)", open, openErrors, openWall),
            LatencyStats.From("  GET /api/cases/{id}", detail, 0, openWall),
            LatencyStats.From("  GET /api/cases/{id}/history", history, 0, openWall));
    }

    /// <summary><paramref name="clients"/> clients at once, each alternating a list request and a case open.</summary>
    public async Task<(LatencyStats List, LatencyStats Open)> ConcurrentAsync(IReadOnlyList<ListRequest> lists, IReadOnlyList<Guid> caseIds, int clients)
    {
        var listTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        var openTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        var listErrors = 0;
        var openErrors = 0;
        var next = -1;
        var total = Math.Max(lists.Count, caseIds.Count);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                if (i < lists.Count)
                {
                    var (ms, ok) = await TimeGetAsync(lists[i].Url);
                    listTimes.Add(ms);
                    if (!ok)
                    {
                        Interlocked.Increment(ref listErrors);
                    }
                }

                if (i < caseIds.Count)
                {
                    var (d, okDetail) = await TimeGetAsync($"api/cases/{caseIds[i]}");
                    var (h, okHistory) = await TimeGetAsync($"api/cases/{caseIds[i]}/history");
                    openTimes.Add(d + h);
                    if (!(okDetail && okHistory))
                    {
                        Interlocked.Increment(ref openErrors);
                    }
                }
            }
        })));
        wall.Stop();
        return (LatencyStats.From($"list, {clients} clients", listTimes, listErrors, wall.Elapsed),
            LatencyStats.From($"open, {clients} clients", openTimes, openErrors, wall.Elapsed));
    }

    public async Task<string> GetStringAsync(string url) => await _client.GetStringAsync(new Uri(url, UriKind.Relative));

    public void Dispose() => _client.Dispose();

    private async Task<(double Milliseconds, bool Ok)> TimeGetAsync(string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, response.StatusCode == HttpStatusCode.OK);
    }
}
