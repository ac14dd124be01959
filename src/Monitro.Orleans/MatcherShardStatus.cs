namespace Monitro.Orleans;

/// <summary>What a matcher shard holds and where it runs.</summary>
/// <param name="Watches">The number of watches it holds.</param>
/// <param name="WatchVersion">The registry version it loaded, -1 before the first load.</param>
/// <param name="Silo">The address of the silo it runs on.</param>
[GenerateSerializer]
[Immutable]
public sealed record MatcherShardStatus([property: Id(0)] int Watches, [property: Id(1)] long WatchVersion, [property: Id(2)] string Silo);
