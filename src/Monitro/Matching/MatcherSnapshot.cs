namespace Monitro.Matching;

/// <summary>
/// What a matcher matches against at one moment: a main index rebuilt now and then, and a small delta index of
/// the watches added since. Immutable; a matcher swaps whole snapshots.
/// </summary>
/// <param name="Main">The main index.</param>
/// <param name="Delta">The watches added since the main index was built.</param>
internal sealed record MatcherSnapshot(WatchIndex Main, WatchIndex Delta)
{
    /// <summary>Gets a snapshot with no watches.</summary>
    public static MatcherSnapshot Empty { get; } = new(WatchIndex.Empty, WatchIndex.Empty);

    /// <summary>Gets the number of candidate ids (main ids first, then delta ids).</summary>
    public int Count => Main.Watches.Length + Delta.Watches.Length;

    /// <summary>Gets a watch by candidate id.</summary>
    public CompiledWatch this[int id] => id < Main.Watches.Length ? Main.Watches[id] : Delta.Watches[id - Main.Watches.Length];
}
