using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Orleans.Alerting;

namespace Monitro.Orleans.Leases;

/// <summary>
/// The lease of one source. Its reading runs off the grain's scheduler (it only calls shard grains and stores), so the
/// grain stays free to answer keep-alives and status calls; deactivation stops it.
/// </summary>
internal sealed class SourceLeaseGrain(
    IEnumerable<IListeningSource> sources,
    IMonitroClusterStores stores,
    ITenantWatchRegistry registry,
    ISentimentAnalyzer sentiment,
    IIntentDetector intents,
    IOptions<MonitroOrleansOptions> options,
    TenantAlertRules rules,
    ClusterClock clock,
    ILogger<SourceLeaseGrain> logger) : Grain, ISourceLeaseGrain, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private SourceLeaseRunner? _runner;
    private Task? _reading;

    public Task<SourceLeaseStatus> EnsureRunningAsync(CancellationToken cancellationToken = default)
    {
        if (_runner is null || _runner.State == SourceLeaseState.Failed)
        {
            var name = this.GetPrimaryKeyString();
            var source = sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No source named '{name}' is registered on this silo; every silo must register the same sources.");
            var work = LeaseWork.OnGrains(GrainFactory, options.Value, rules, sentiment, intents, logger);
            _runner = new SourceLeaseRunner(source, stores, registry, work, clock.Time, logger);
            var runner = _runner;
            _reading = Task.Run(() => runner.RunAsync(_stop.Token), CancellationToken.None);
        }
        else if (_runner.State == SourceLeaseState.Fenced)
        {
            // Another activation owns the source: this one goes away, and the next call reaches the owner.
            DeactivateOnIdle();
        }

        return GetStatusAsync(cancellationToken);
    }

    public void Dispose() => _stop.Dispose();

    public Task<SourceLeaseStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var (epoch, batches, state, sent, skipped) = _runner?.Status ?? (0, 0, SourceLeaseState.Idle, 0, 0);
        return Task.FromResult(new SourceLeaseStatus(epoch, batches, state, sent, skipped, RuntimeIdentity));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(true);
        if (_reading is not null)
        {
            await _reading.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        await base.OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(true);
    }
}
