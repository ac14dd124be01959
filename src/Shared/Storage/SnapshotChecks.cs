namespace Monitro.Storage.Shared;

/// <summary>Checks of relationship snapshots before any is saved, the same in every store.</summary>
internal static class SnapshotChecks
{
    /// <summary>Throws unless every snapshot has a person id and a finite bond; nothing is saved then.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot has no person id, or a bond that is not a finite number.</exception>
    public static void Validate(IReadOnlyCollection<RelationshipSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            ArgumentException.ThrowIfNullOrEmpty(snapshot.PersonId, nameof(snapshots));
            if (!double.IsFinite(snapshot.Bond))
            {
                throw new ArgumentException($"The snapshot of '{snapshot.PersonId}' has a bond that is not a finite number.", nameof(snapshots));
            }
        }
    }
}
