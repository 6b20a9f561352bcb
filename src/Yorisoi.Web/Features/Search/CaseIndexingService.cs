using Yorisoi.Core.Search;

namespace Yorisoi.Web.Features.Search;

/// <summary>
/// Runs this host's <see cref="CaseIndexer"/>: on a first start (or after a schema change, or when the outbox was pruned
/// past the index's position) it builds the index from all cases in the background, so the host answers at once and
/// search reports the build; then it tails the outbox, polling when there was nothing new.
/// </summary>
public sealed partial class CaseIndexingService(CaseIndexer indexer, CaseIndex index, CaseSearchOptions options, ILogger<CaseIndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host starts serving before the first build is done.
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, options.PollMilliseconds));
        var started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    if (await indexer.MissedPrunedMessagesAsync(stoppingToken))
                    {
                        LogMissed(index.Position ?? 0);
                        await indexer.RebuildAsync(stoppingToken);
                    }

                    await indexer.EnsureBuiltAsync(stoppingToken);
                    started = true;
                }

                if (!await indexer.CatchUpAsync(stoppingToken))
                {
                    await indexer.PruneOutboxAsync(ct: stoppingToken);
                    await Task.Delay(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A database that is briefly away must not end indexing for the life of the host.
                LogFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox messages after the case index's position {Position} were pruned; rebuilding the index")]
    private partial void LogMissed(long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case indexing failed; retrying in 5 s")]
    private partial void LogFailed(Exception exception);
}
