using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Clock;

/// <summary>Tells the cluster's clock, from a grain, of a moment a grain stored for its tenant, earlier than the one it stored before.</summary>
internal static class DueTimes
{
    /// <summary>
    /// Tells the clock; a failure is logged and costs lateness, not the moment: the moment is in the tenant's store,
    /// which the clock reads when it activates and at its next sweep.
    /// </summary>
    /// <remarks>
    /// Not bounded more tightly than any other grain call: a call to a clock whose silo died ends when the cluster
    /// declares that silo dead, as the caller's calls to every other grain there do.
    /// </remarks>
    public static async Task TellAsync(IGrainFactory grains, string tenantId, DateTimeOffset at, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IClusterClockGrain>(0).DueAtAsync(tenantId, at, cancellationToken).ConfigureAwait(true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.DueNotTold(exception, tenantId);
        }
    }
}
