using System.Net;
using System.Threading.RateLimiting;

namespace Yorisoi.Web.Features.Knowledge;

/// <summary>
/// One count of 「役に立ちましたか」 answers per client address and entry, shared by the API and the entry page's form, so
/// neither way around the other skews an entry's ratings. Feedback is anonymous, so the address is the only handle
/// against flooding; it is counted in memory and never stored.
/// </summary>
public sealed class FeedbackThrottle(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Takes one answer's permit; false, with the wait when known, once the client has sent its share.</summary>
    public bool TryAcquire(IPAddress? client, string entryId, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire((client?.ToString() ?? "unknown") + "|" + entryId);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
