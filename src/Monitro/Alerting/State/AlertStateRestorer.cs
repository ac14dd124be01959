using Monitro.Pipeline;

namespace Monitro.Alerting.State;

/// <summary>
/// Brings back the durable alerting state when the pipeline starts, before any source is read or timer runs: the
/// open digest windows and spike series into the router, the identity links and verified domains into the
/// relationship registry (before its interactions are replayed, so merged people replay as one).
/// </summary>
/// <remarks>Runs once per monitor: later runs of the same monitor continue from the state in memory.</remarks>
internal sealed class AlertStateRestorer
{
    private readonly IAlertStateStore _store;
    private int _restored;

    public AlertStateRestorer(IAlertStateStore store) => _store = store;

    /// <summary>Reads the stored state and hands it to the router and the registry, unless it was restored before.</summary>
    public async Task RestoreAsync(PipelineServices services, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _restored) != 0)
        {
            return;
        }

        var rows = await _store.GetAlertStateAsync(cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(services.Alerting, AlertRouter.PassThrough))
        {
            services.Alerting.Restore(rows); // the shared rule-less router keeps no state of any store
        }

        (services.Scorer as Relationships.RelationshipRegistry)?.Restore(rows);
        Volatile.Write(ref _restored, 1);
    }
}
