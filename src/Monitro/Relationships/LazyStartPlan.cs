namespace Monitro.Relationships;

/// <summary>What a start reads, decided from the stored snapshots and the per-identity totals (<see cref="RelationshipRegistry.PlanStart"/>).</summary>
/// <param name="Fitting">The people whose snapshot covers exactly their stored interactions: restored from it alone, their interactions read later.</param>
/// <param name="Replayed">The identities of everyone else (no snapshot, a snapshot that no longer fits, or a wake-up due within the stored history): read and replayed at start.</param>
/// <param name="ReplayedInteractions">How many stored interactions those identities have.</param>
/// <param name="StoredInteractions">How many interactions are stored in all.</param>
/// <param name="Latest">The latest moment of the stored history, or <see langword="null"/> when nothing is stored.</param>
internal sealed record LazyStartPlan(
    IReadOnlyDictionary<string, UnloadedPerson> Fitting,
    IReadOnlyList<string> Replayed,
    long ReplayedInteractions,
    long StoredInteractions,
    DateTimeOffset? Latest)
{
    /// <summary>
    /// Gets a value indicating whether one ordered pass over the whole history is the cheaper start: when the people to
    /// replay hold more than half of the stored interactions (the first start after an upgrade, with no snapshots yet),
    /// reading them person by person costs more than reading everything once.
    /// </summary>
    public bool PrefersOnePass => ReplayedInteractions * 2 > StoredInteractions;
}
