using Microsoft.Extensions.Logging;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.Matching;
using Monitro.Orleans.People;
using Monitro.Orleans.Pipeline;

namespace Monitro.Orleans.Leases;

/// <summary>
/// Reads one source for one lease activation: takes a new epoch, resumes from the durable checkpoint, and for each
/// batch normalizes the posts, sends them to (one replica of) the shards they may hit, enriches the posts that
/// matched or belong to a conversation with a tenant's own accounts, commits each tenant's posts, mentions, inbox items
/// and learnt identity links to the tenant's store (fenced by the epoch), hands each person's interactions to that
/// person (the group of identities known to be them), and then commits the checkpoint to the lease store (fenced).
/// </summary>
/// <remarks>
/// Tenant commits come first and are idempotent upserts, and a person records an interaction once by its id: if the
/// lease dies before the checkpoint, the next activation reads the batch again and writes the same rows. People are
/// called only after their tenant's fenced commit succeeded, so a stale activation reaches no person. A commit
/// refused for its epoch stops this runner at once: a newer activation owns the source.
/// </remarks>
internal sealed class SourceLeaseRunner(
    IListeningSource source,
    IMonitroClusterStores stores,
    ITenantWatchRegistry registry,
    LeaseWork work,
    TimeProvider timeProvider,
    ILogger logger)
{
    private readonly IShardRouter _router = work.Router(logger);
    private readonly HashSet<string> _tenants = new(work.Settings.Tenants.Keys, StringComparer.Ordinal);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly LeaseIdentities _identities = new(stores, work.Links, work.Settings);
    private volatile int _state = (int)SourceLeaseState.Idle;
    private long _epoch;
    private long _batches;

    /// <summary>Gets the status of this runner.</summary>
    public (long Epoch, long Batches, SourceLeaseState State, long PairsSent, long PairsSkipped) Status =>
        (Interlocked.Read(ref _epoch), Interlocked.Read(ref _batches), (SourceLeaseState)_state, _router.PairsSent, _router.PairsSkipped);

    /// <summary>Gets the state of this runner.</summary>
    public SourceLeaseState State => (SourceLeaseState)_state;

    /// <summary>Reads the source until its end, cancellation, a newer epoch or a failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _state = (int)SourceLeaseState.Running;
        try
        {
            var leases = Fenced(stores.Leases);
            Interlocked.Exchange(ref _epoch, await leases.AcquireEpochAsync(source.Name, cancellationToken).ConfigureAwait(false));
            logger.LeaseStarted(source.Name, _epoch);
            var checkpoint = await stores.Leases.GetCheckpointAsync(source.Name, cancellationToken).ConfigureAwait(false);
            await foreach (var batch in source.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
            {
                if (!await CommitAsync(leases, batch, cancellationToken).ConfigureAwait(false))
                {
                    _state = (int)SourceLeaseState.Fenced;
                    logger.LeaseFenced(source.Name, _epoch);
                    return;
                }

                Interlocked.Increment(ref _batches);
            }

            _state = (int)SourceLeaseState.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _state = (int)SourceLeaseState.Idle;
        }
        catch (Exception exception)
        {
            // The keep-alive starts the lease again from its last committed checkpoint; nothing of this batch is lost.
            _state = (int)SourceLeaseState.Failed;
            logger.LeaseFailed(exception, source.Name, _epoch);
        }
    }

    private async Task<bool> CommitAsync(IFencedCommits leases, SourceBatch batch, CancellationToken cancellationToken)
    {
        var version = await registry.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version != _router.Version)
        {
            _tenants.UnionWith(await _router.LoadAsync(registry, version, cancellationToken).ConfigureAwait(false));
        }

        if (!await AnnounceAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var skipped = new List<SkippedItem>(batch.Skipped);
        var posts = work.Preparer.Normalize(source.Name, batch.Posts, skipped);
        var calls = new List<Task<TenantMention[]>>();
        foreach (var (shard, routed) in await _router.RouteAsync(posts, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (replica, part) in ReplicaMap.Split(routed, work.Replicas))
            {
                calls.Add(work.Shards(shard, replica, [.. part], _router.Version, cancellationToken));
            }
        }

        var found = (await Task.WhenAll(calls).ConfigureAwait(false)).SelectMany(static mentions => mentions);
        await work.Enrichment.RecallAnsweredAsync(posts, tenantId => stores.ForTenant(tenantId) as IPostInteractions, cancellationToken).ConfigureAwait(false);
        var byTenant = work.Enrichment.Build(source.Name, posts, found, skipped);
        var now = timeProvider.GetUtcNow();

        // Retractions reach every tenant the source may have written to; the rest only the tenants it concerns.
        var tenants = batch.Retractions.Count > 0 ? _tenants.Union(byTenant.Keys, StringComparer.Ordinal) : byTenant.Keys;
        foreach (var tenantId in tenants.Order(StringComparer.Ordinal).ToList())
        {
            var tenant = byTenant.GetValueOrDefault(tenantId) ?? new TenantBatch([], [], [], []);
            var identities = await _identities.OfAsync(tenantId, cancellationToken).ConfigureAwait(false);
            foreach (var (_, person) in tenant.Interactions)
            {
                identities.Observe(person);
            }

            var scope = PendingMentions.ScopeOf(source.Name, _epoch, Interlocked.Read(ref _batches));
            var (alerts, pending) = await TenantAlertHandoff.PrepareAsync(work.Rules, tenantId, stores.ForTenant(tenantId), scope, tenant.Mentions, batch.Retractions, RolesOf(tenantId, identities, now), now, cancellationToken).ConfigureAwait(false);
            var learnt = identities.TakeLearnt();

            var commit = new BatchCommit
            {
                SourceName = source.Name,
                Posts = tenant.Posts,
                Mentions = tenant.Mentions,
                InboxItems = tenant.InboxItems,
                Alerts = alerts,
                AlertState = new AlertStateChanges { Saved = [.. identities.TakeUnsaved(), .. pending] },
                Retractions = batch.Retractions,
            };
            if (!await Fenced(stores.ForTenant(tenantId)).CommitFencedAsync(commit, _epoch, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await _identities.AnnounceAsync(tenantId, learnt, cancellationToken).ConfigureAwait(false);

            // Each person's interactions to the grain of the person they belong to, with every identity known to be them.
            var people = tenant.Interactions
                .GroupBy(pair => identities.GroupOf(pair.Interaction.PersonId).PersonId, StringComparer.Ordinal)
                .Select(group => work.People(tenantId, group.Key, [.. group.Select(static p => p.Interaction)], [.. group.Select(static p => p.Person)], identities.GroupOf(group.Key).Identities, source.Name, cancellationToken));
            await Task.WhenAll(people).ConfigureAwait(false);
            if (pending.Count > 0)
            {
                await TenantAlertHandoff.NotifyAsync(work.Alerts, tenantId, now, logger, cancellationToken).ConfigureAwait(false);
            }
        }

        var checkpoint = new BatchCommit { SourceName = source.Name, Skipped = skipped, Checkpoint = batch.Checkpoint };
        return await leases.CommitFencedAsync(checkpoint, _epoch, cancellationToken).ConfigureAwait(false);
    }

    // Before its first write to a tenant's store, the runner records its epoch there with an empty commit: from then
    // on an older activation is refused by that store too, even for a batch in which the newer one finds nothing.
    private async Task<bool> AnnounceAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in _tenants.Where(t => !_announced.Contains(t)).Order(StringComparer.Ordinal).ToList())
        {
            if (!await Fenced(stores.ForTenant(tenantId)).CommitFencedAsync(new BatchCommit { SourceName = source.Name }, _epoch, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            _announced.Add(tenantId);
        }

        return true;
    }

    // The role of an author as their person's grain scores them before this batch, for the tenant's rules that filter by role.
    private Func<string, CancellationToken, Task<string?>>? RolesOf(string tenantId, TenantIdentities identities, DateTimeOffset now) =>
        work.Roles is not { } call ? null : (identity, token) =>
        {
            var (personId, group) = identities.GroupOf(identity);
            return call(tenantId, personId, group, now, token);
        };

    private static IFencedCommits Fenced(IMonitroStore store) =>
        store as IFencedCommits
        ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IFencedCommits, which a scaled-out lease needs to refuse stale commits.");
}
