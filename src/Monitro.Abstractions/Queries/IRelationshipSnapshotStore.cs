namespace Monitro;

/// <summary>Keeps relationship snapshots so that top relationships can be read without scoring everyone again.</summary>
/// <remarks>Implementations are thread-safe; saving a snapshot with the same person and moment again replaces it.</remarks>
public interface IRelationshipSnapshotStore
{
    /// <summary>Saves snapshots, keyed by person and <see cref="RelationshipSnapshot.AsOf"/>.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="cancellationToken">A token that cancels the write before it starts.</param>
    /// <returns>A task that completes when the snapshots are durable.</returns>
    ValueTask SaveSnapshotsAsync(IReadOnlyCollection<RelationshipSnapshot> snapshots, CancellationToken cancellationToken = default);
}
