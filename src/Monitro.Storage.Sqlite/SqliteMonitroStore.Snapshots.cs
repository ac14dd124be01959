
namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IRelationshipSnapshotStore"/> side of the store.</summary>
public sealed partial class SqliteMonitroStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot has no person id, or a bond that is not a finite number. Nothing is saved.</exception>
    public async ValueTask SaveSnapshotsAsync(IReadOnlyCollection<RelationshipSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        SnapshotChecks.Validate(snapshots);

        await WriteAsync(
            (connection, transaction, _) =>
            {
                using var command = connection.CreateCommand(
                    transaction,
                    """
                    INSERT INTO relationship_snapshots (person_id, as_of, bond, payload) VALUES ($person_id, $as_of, $bond, $payload)
                    ON CONFLICT (person_id, as_of) DO UPDATE SET bond = excluded.bond, payload = excluded.payload;
                    """,
                    "$person_id",
                    "$as_of",
                    "$bond",
                    "$payload");
                foreach (var snapshot in snapshots)
                {
                    command.Run(
                        snapshot.PersonId,
                        UnixTime.ToMilliseconds(snapshot.AsOf),
                        snapshot.Bond,
                        PayloadSerializer.Write(snapshot, StoreJsonContext.Default.RelationshipSnapshot));
                }

                return snapshots.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
