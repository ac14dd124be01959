using Microsoft.Extensions.Logging;
using Monitro.Alerting;

namespace Monitro.Pipeline;

/// <summary>
/// Every check interval, closes the digest windows that ended and checks spikes, and commits the alerts raised
/// to the outbox, where the dispatcher picks them up like any other.
/// </summary>
internal sealed class AlertScheduler
{
    /// <summary>The source name of the commits that hold only scheduled alerts.</summary>
    public const string CommitSourceName = "monitro.alerting";

    private readonly PipelineServices _services;
    private readonly Action _alertsCommitted;

    public AlertScheduler(PipelineServices services, Action alertsCommitted)
    {
        _services = services;
        _alertsCommitted = alertsCommitted;
    }

    /// <summary>Runs until cancelled; a failed commit is logged and tried again at the next check.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var router = _services.Alerting;
        if (ReferenceEquals(router, AlertRouter.PassThrough))
        {
            return;
        }

        var pending = new List<Alert>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(router.CheckInterval, _services.TimeProvider, cancellationToken).ConfigureAwait(false);
                await CheckAsync(router, pending, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                _services.Logger.ScheduledCommitFailed(exception);
            }
        }
    }

    /// <summary>One check: collect what is due and commit it with what a failed commit left.</summary>
    internal async Task CheckAsync(AlertRouter router, List<Alert> pending, CancellationToken cancellationToken)
    {
        pending.AddRange(router.CollectDue(_services.TimeProvider.GetUtcNow()));
        if (pending.Count == 0)
        {
            return;
        }

        await _services.Store.CommitAsync(new BatchCommit { SourceName = CommitSourceName, Alerts = [.. pending] }, cancellationToken).ConfigureAwait(false);
        pending.Clear();
        _alertsCommitted();
    }
}
