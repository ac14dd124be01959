using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Leases;
using Monitro.Orleans.Matching;
using Monitro.Orleans.People;
using Monitro.Orleans.Pipeline;
using Monitro.Orleans.PreSearch;

namespace Monitro.Orleans.Tests;

/// <summary>
/// What a lease runner hands its batches to, called directly instead of through grains: shard replicas with their own
/// matchers (as activations on other silos would have), one relationship per (tenant, person), and the tenants' link
/// versions (this activation's own unless shared with other leases).
/// </summary>
internal sealed class DirectLeaseWork
{
    private readonly ShardMatcher[] _replicas;
    private readonly ConcurrentDictionary<string, PersonRelationship> _people = new(StringComparer.Ordinal);

    public DirectLeaseWork(IMonitroClusterStores stores, ITenantWatchRegistry registry, int shardCount, int replicas = 1, MonitroOrleansOptions? settings = null, InMemoryLinkVersions? links = null)
    {
        _replicas = [.. Enumerable.Range(0, shardCount * replicas).Select(key => new ShardMatcher(ReplicaMap.ShardOfKey(key, shardCount), shardCount, NullLogger.Instance))];
        var options = settings ?? new MonitroOrleansOptions();
        Work = new LeaseWork(
            new PostPreparer(options.MaxTextLength, NullLogger.Instance),
            async (shard, replica, posts, version, cancellationToken) =>
            {
                Calls.Enqueue((shard, replica, posts.Length));
                var matcher = _replicas[ReplicaMap.GrainKey(shard, replica, shardCount)];
                await WatchFeed.CatchUpAsync(matcher, registry, version, cancellationToken);

                return [.. matcher.Match(posts)];
            },
            shardCount,
            replicas,
            new BatchEnrichment(new LexiconSentimentAnalyzer(), new RuleIntentDetector(), options.Relationships, options.Tenants, NullLogger.Instance),
            (tenantId, personId, interactions, people, identities, sourceName, cancellationToken) =>
            {
                PersonCalls.Enqueue((tenantId, personId, [.. interactions.Select(static i => i.PostId)], identities));
                var key = PersonKey.Of(tenantId, personId);
                var relationship = _people.AddOrUpdate(
                    key,
                    _ => new PersonRelationship(personId, identities, options.Relationships, FixedContactResolver.None, TimeProvider.System),
                    (_, held) => held.Holds(identities) ? held : new PersonRelationship(personId, held.Identities.Union(identities), options.Relationships, FixedContactResolver.None, TimeProvider.System));
                return relationship.RecordAsync(stores.ForTenant(tenantId), sourceName, interactions, people, TimeProvider.System.GetUtcNow(), cancellationToken);
            },
            (links ?? new InMemoryLinkVersions()).CallAsync,
            options,
            logger => options.PreSearchPartitions == 0
                ? new ShardRouter(shardCount, logger)
                : new PreSearchRouter(shardCount, new DirectPreSearch(registry, options.PreSearchPartitions, shardCount).Calls));
    }

    public LeaseWork Work { get; }

    /// <summary>Gets every shard call made: the shard, the replica and the number of posts.</summary>
    public ConcurrentQueue<(int Shard, int Replica, int Posts)> Calls { get; } = new();

    /// <summary>Gets every person call made: the tenant, the person, the posts of the interactions and the identities sent.</summary>
    public ConcurrentQueue<(string TenantId, string PersonId, string[] Posts, string[] Identities)> PersonCalls { get; } = new();
}
