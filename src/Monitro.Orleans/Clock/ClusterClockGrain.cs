using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.Clock;

/// <summary>
/// The cluster's clock as a grain: the moment each tenant next has something due, held in memory and rebuilt from the
/// tenants' stores, which stay the truth; each period wakes only the tenants due.
/// </summary>
/// <remarks>
/// <para>A tenant's moment is its store's earliest row with a due time (one read of the due index, one row): read for
/// every tenant at the first period of an activation and every <see cref="SweepEvery"/> periods, and for a tenant right
/// after it was woken. Between those reads the grains tell the clock of earlier moments they stored
/// (<see cref="DueAtAsync"/>), which interleaves with a period.</para>
/// <para>A moment told while the tenant's store is being read is kept beside what the read finds (the earlier wins): a
/// moment committed before the read is in what it finds, one told after it is in memory. So a tenant is never woken
/// later than its earliest committed moment, except when the telling failed, which the next sweep mends.</para>
/// </remarks>
internal sealed class ClusterClockGrain(
    IMonitroClusterStores stores,
    ITenantWatchRegistry registry,
    IOptions<MonitroOrleansOptions> options,
    ILogger<ClusterClockGrain> logger) : Grain, IClusterClockGrain
{
    /// <summary>Every this many periods the clock reads every tenant's next moment again (a moment told to it may have been lost on the way).</summary>
    public const int SweepEvery = 60;

    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private int _periodsSinceSweep = SweepEvery;

    public Task DueAtAsync(string tenantId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        Keep(tenantId, at);
        return Task.CompletedTask;
    }

    public async Task<int> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (_periodsSinceSweep++ >= SweepEvery)
        {
            await SweepAsync(cancellationToken).ConfigureAwait(true);
            _periodsSinceSweep = 1;
        }

        var due = _due.Where(pair => pair.Value <= now).Select(static pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        var wake = new TenantWake(GrainFactory, logger);
        var woken = 0;
        foreach (var tenantId in due)
        {
            _ = _due.Remove(tenantId);
            if (stores.ForTenant(tenantId) is not IDueAlertStateStore store)
            {
                continue;
            }

            woken++;

            try
            {
                await wake.WakeAsync(store, tenantId, now, cancellationToken).ConfigureAwait(true);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.DueReadFailed(exception, tenantId);
            }

            await ReadNextAsync(store, tenantId, now, cancellationToken).ConfigureAwait(true);
        }

        return woken;
    }

    // Every tenant known to the cluster: those with watches and those with options.
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var listed = await TenantListing.ReadAllAsync(registry, cancellationToken).ConfigureAwait(true);
        var tenants = listed.Union(options.Value.Tenants.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _due.Clear();
        foreach (var tenantId in tenants)
        {
            if (stores.ForTenant(tenantId) is IDueAlertStateStore store)
            {
                await ReadNextAsync(store, tenantId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(true);
            }
        }
    }

    // The tenant's earliest due row; a read that fails keeps the tenant due, so the next period tries again.
    private async Task ReadNextAsync(IDueAlertStateStore store, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var first = await store.GetDueAlertStateAsync(DateTimeOffset.MaxValue, 1, cancellationToken: cancellationToken).ConfigureAwait(true);
            if (first is [{ DueAt: { } at }])
            {
                Keep(tenantId, at);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.DueReadFailed(exception, tenantId);
            Keep(tenantId, now);
        }
    }

    private void Keep(string tenantId, DateTimeOffset at)
    {
        if (!_due.TryGetValue(tenantId, out var known) || at < known)
        {
            _due[tenantId] = at;
        }
    }
}
