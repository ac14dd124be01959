using Microsoft.Extensions.Logging;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.Matching;
using Monitro.Orleans.People;
using Monitro.Orleans.PreSearch;
using Monitro.Orleans.Pipeline;

namespace Monitro.Orleans.Leases;

/// <summary>What a lease runner hands its batches to: the preparation, the shards and their replicas, the enrichment and the people.</summary>
/// <param name="Preparer">Normalizes the posts before routing.</param>
/// <param name="Shards">Calls one replica of one shard.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="Replicas">The number of replicas of each shard.</param>
/// <param name="Enrichment">Reads the signals of matched posts and builds each tenant's rows.</param>
/// <param name="People">Records a person's interactions.</param>
/// <param name="Links">Reads or moves the version of a tenant's identity links.</param>
/// <param name="Settings">The cluster's options: what each tenant declares, and the relationship rules.</param>
/// <param name="Router">Creates the router of a lease runner (which shards a post may hit), given where to log.</param>
internal sealed record LeaseWork(PostPreparer Preparer, ShardCall Shards, int ShardCount, int Replicas, BatchEnrichment Enrichment, PersonCall People, LinkVersionCall Links, MonitroOrleansOptions Settings, Func<ILogger, IShardRouter> Router)
{
    /// <summary>Gets the call that hands a tenant's pending mentions to its alert grain, or <see langword="null"/> to leave them for the grain's next check.</summary>
    public TenantAlertCall? Alerts { get; init; }

    /// <summary>Gets the tenants' alert rules, as they are at each batch; by default the ones of <see cref="Settings"/>.</summary>
    public TenantAlertRules Rules { get; init; } = TenantAlertRules.Fixed(Settings);

    /// <summary>Gets the call that reads a person's role for the tenants' rules that filter by role, or <see langword="null"/> when no role can be read.</summary>
    public PersonRoleCall? Roles { get; init; }

    /// <summary>The work of a lease in a cluster: shards and people are grains.</summary>
    public static LeaseWork OnGrains(IGrainFactory grains, MonitroOrleansOptions settings, TenantAlertRules rules, ISentimentAnalyzer? sentiment, IIntentDetector? intents, ILogger logger) =>
        new(
            new PostPreparer(settings.MaxTextLength, logger),
            (shard, replica, posts, version, token) =>
                grains.GetGrain<IMatcherShardGrain>(ReplicaMap.GrainKey(shard, replica, settings.ShardCount)).MatchAsync(posts, version, token),
            settings.ShardCount,
            settings.ReplicasPerShard,
            new BatchEnrichment(sentiment, intents, settings.Relationships, settings.Tenants, logger),
            (tenantId, personId, interactions, people, identities, sourceName, token) =>
                grains.GetGrain<IPersonGrain>(PersonKey.Of(tenantId, personId)).RecordAsync(sourceName, interactions, people, identities, token),
            (tenantId, move, token) => move
                ? grains.GetGrain<ITenantLinksGrain>(tenantId).MoveAsync(token)
                : grains.GetGrain<ITenantLinksGrain>(tenantId).GetVersionAsync(token),
            settings,
            routerLogger => settings.PreSearchPartitions == 0
                ? new ShardRouter(settings.ShardCount, routerLogger)
                : new PreSearchRouter(settings.ShardCount, new PreSearchPartitions(
                    settings.PreSearchPartitions,
                    (partition, terms, version, token) => grains.GetGrain<IPreSearchPartitionGrain>(partition).LookupAsync(terms, version, token),
                    (version, token) => grains.GetGrain<IPreSearchPartitionGrain>(0).GetShapeAsync(version, token))))
        {
            Alerts = TenantAlertHandoff.CallThrough(grains, logger),
            Rules = rules,
            Roles = async (tenantId, personId, identities, asOf, token) =>
                (await grains.GetGrain<IPersonGrain>(PersonKey.Of(tenantId, personId)).GetRelationshipAsync(asOf, identities, token).ConfigureAwait(false))?.Role?.ToString(),
        };
}
