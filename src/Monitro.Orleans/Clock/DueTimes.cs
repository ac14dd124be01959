using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Clock;

/// <summary>Tells the cluster's clock, from a grain, of a moment a grain stored for its tenant, earlier than the one it stored before.</summary>
internal static class DueTimes
{
    // How long a grain waits for the clock to take a moment. A live clock answers in milliseconds; a clock whose silo
    // died unseen would hold the caller (a person grain in a lease's batch, the tenant's alert grain) for the whole
    // response timeout, once per call, while the moment is safe in the store anyway.
    private static readonly TimeSpan TellBound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Tells the clock; a failure, or no answer within a short bound, is logged and costs lateness, not the moment: the
    /// moment is in the tenant's store, which the clock reads when it activates and at its next sweep.
    /// </summary>
    public static async Task TellAsync(IGrainFactory grains, string tenantId, DateTimeOffset at, ILogger logger, CancellationToken cancellationToken)
    {
        var told = grains.GetGrain<IClusterClockGrain>(0).DueAtAsync(tenantId, at, cancellationToken);
        try
        {
            await told.WaitAsync(TellBound, cancellationToken).ConfigureAwait(true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The call may still fail later, after the bound: observe it, so its failure is not reported as unobserved.
            _ = told.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            logger.DueNotTold(exception, tenantId);
        }
    }
}
