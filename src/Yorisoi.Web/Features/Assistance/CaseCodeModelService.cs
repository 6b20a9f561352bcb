using Yorisoi.Core.Assistance.Classification;

namespace Yorisoi.Web.Features.Assistance;

/// <summary>
/// Keeps this host's trained model: loads the saved one at start (a damaged file leaves the shipped tier and a warning
/// on the administrators' page), trains one when there is none yet, then again every
/// <see cref="CaseCodeModelOptions.RetrainHours"/> and whenever an administrator asks. Training runs here, off the
/// request path, so a million cases take minutes without holding a request open.
/// </summary>
public sealed partial class CaseCodeModelService(CaseCodeModelStore store, CaseCodeModelTrainer trainer, CaseCodeModelOptions options, ILogger<CaseCodeModelService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _requested = new(0, 1);

    /// <summary>Asks for a training now; false when one is already running or asked for.</summary>
    public bool RequestTraining()
    {
        if (store.Status.Training || HasPendingRequest)
        {
            return false;
        }

        try
        {
            _requested.Release();
            return true;
        }
        catch (SemaphoreFullException)
        {
            return false;
        }
    }

    /// <summary>A training was asked for and has not started yet.</summary>
    public bool HasPendingRequest => _requested.CurrentCount > 0;

    public override void Dispose()
    {
        _requested.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        store.Load();
        var first = options.TrainOnStart && store.Current is null;
        var interval = options.RetrainHours > 0 ? TimeSpan.FromHours(options.RetrainHours) : Timeout.InfiniteTimeSpan;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!first)
                {
                    await _requested.WaitAsync(interval, stoppingToken);
                }

                first = false;
                await trainer.TrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The trainer reports its own failures; anything else must not end training for the life of the host.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The case code model service failed; it waits for the next schedule or request")]
    private partial void LogFailed(Exception exception);
}
