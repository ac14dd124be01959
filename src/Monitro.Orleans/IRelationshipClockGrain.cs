namespace Monitro.Orleans;

/// <summary>
/// Wakes the people whose relationship has something due with no new interaction (an answer overdue, a relationship
/// turning dormant), as one process's relationship timer does. One activation (key 0) serves the cluster; every silo
/// calls it each <see cref="RelationshipOptions.AdvanceInterval"/>, so it comes back on another silo when its own dies.
/// </summary>
/// <remarks>
/// Each person grain keeps its next wake-up in its tenant's store, written with what moved it, so a wake-up outlives
/// the silo of the grain and of the clock: the store is the truth.
/// </remarks>
public interface IRelationshipClockGrain : IGrainWithIntegerKey
{
    /// <summary>Wakes every person of every tenant whose stored wake-up is at or before <paramref name="now"/>; each commits the alerts of its transitions.</summary>
    /// <param name="now">The moment to move the people to.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of people woken.</returns>
    Task<int> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
