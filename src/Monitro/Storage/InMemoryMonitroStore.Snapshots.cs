using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IRelationshipSnapshotStore"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <remarks>Snapshots are keyed by person and <see cref="RelationshipSnapshot.AsOf"/> to the millisecond, as in the durable stores.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot has no person id, or a bond that is not a finite number. Nothing is saved.</exception>
    public ValueTask SaveSnapshotsAsync(IReadOnlyCollection<RelationshipSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        SnapshotChecks.Validate(snapshots);

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var snapshot in snapshots)
            {
                _snapshots[(snapshot.PersonId, Milliseconds(snapshot.AsOf))] = snapshot;
            }
        }

        return ValueTask.CompletedTask;
    }
}
