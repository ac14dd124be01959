namespace Monitro.Orleans.Matching;

/// <summary>What holds a share of the watch registry and follows its change feed: a shard, a pre-search partition, a lease's router.</summary>
internal interface IWatchFollower
{
    /// <summary>Gets the registry version held, -1 before the first load.</summary>
    long Version { get; }

    /// <summary>Gets the share of the registry held: a shard's slice, or every watch.</summary>
    WatchSlice Slice { get; }

    /// <summary>Replaces everything held by what the set holds, taking its version.</summary>
    void Load(TenantWatchSet set);

    /// <summary>Applies one edit (ignoring it when it concerns a watch held elsewhere) and takes its version.</summary>
    void Apply(TenantWatchChange change);

    /// <summary>Takes a newer version that brought no edit of the share held.</summary>
    void Reach(long version);
}
