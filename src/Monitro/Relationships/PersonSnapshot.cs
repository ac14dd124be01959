using System.Text.Json;
using Monitro.Alerting.State;

namespace Monitro.Relationships;

/// <summary>
/// What the registry knows about one person beyond their interactions, at one moment: what was reported about them
/// and when they are due to be looked at again. Stored with the commit of the batch that evaluated them, so a start
/// restores it instead of evaluating the person again at every moment of their history.
/// </summary>
/// <remarks>
/// <para>It names no interaction: it covers the person's <see cref="Count"/> interactions dated at or before
/// <see cref="AsOf"/>, checked by their <see cref="Fingerprint"/>, and names the reported overdue items by their
/// fingerprints too, so a row holds no handle or post id beyond its key.</para>
/// <para>A snapshot of another <see cref="Version"/> or scored with other <see cref="Parameters"/> is not used: the
/// person is replayed instead. Bump <see cref="CurrentVersion"/> whenever scoring or transition detection changes
/// what the reported state means.</para>
/// </remarks>
internal sealed record PersonSnapshot
{
    /// <summary>The version of the scorer and of this payload that snapshots are written with.</summary>
    public const int CurrentVersion = 4;

    public required int Version { get; init; }

    /// <summary>Gets the hash of the scoring parameters (<see cref="RelationshipParameters.Hash"/>).</summary>
    public required string Parameters { get; init; }

    /// <summary>Gets the moment the registry had advanced to: the state is the state after that moment.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the number of interactions covered: all of the person's, dated at or before <see cref="AsOf"/>.</summary>
    public required int Count { get; init; }

    /// <summary>Gets the fingerprint of the covered interactions (<see cref="PersonState.Fingerprint"/>).</summary>
    public required ulong Fingerprint { get; init; }

    public required int ReportedRoles { get; init; }

    public required bool ReportedWarmProspect { get; init; }

    public required bool WasStrong { get; init; }

    /// <summary>Gets the fingerprints of the items whose overdue answer was reported.</summary>
    public required ulong[] ReportedOverdue { get; init; }

    /// <summary>Gets the pending wake-ups.</summary>
    public required DateTimeOffset[] WakeUps { get; init; }

    /// <summary>Takes the snapshot of a person.</summary>
    public static PersonSnapshot Of(PersonState state, string parameters, DateTimeOffset asOf) => new()
    {
        Version = CurrentVersion,
        Parameters = parameters,
        AsOf = asOf,
        Count = state.Interactions.Count,
        Fingerprint = state.Fingerprint,
        ReportedRoles = state.ReportedRoles,
        ReportedWarmProspect = state.ReportedWarmProspect,
        WasStrong = state.WasStrong,
        ReportedOverdue = [.. state.ReportedOverdue.Select(PersonState.FingerprintOf).Order()],
        WakeUps = [.. state.WakeUps],
    };

    /// <summary>Reads a stored snapshot back, or <see langword="null"/> when the row is not one or does not read.</summary>
    public static PersonSnapshot? Read(AlertStateRow row)
    {
        if (row.Scope != AlertStateScopes.RelationshipSnapshot || row.Payload is not { } payload)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, PersonSnapshotJsonContext.Default.PersonSnapshot);
        }
        catch (JsonException)
        {
            return null; // unreadable: the person is replayed, as without a snapshot
        }
    }

    /// <summary>Gets the row that stores the snapshot of a person, keyed by the person, erased with them.</summary>
    public AlertStateRow ToRow(string personId) => new()
    {
        Scope = AlertStateScopes.RelationshipSnapshot,
        Item = personId,
        PersonId = personId,
        Payload = JsonSerializer.Serialize(this, PersonSnapshotJsonContext.Default.PersonSnapshot),
    };

    /// <summary>Gets a value indicating whether the snapshot was written by this scorer with these parameters.</summary>
    public bool IsCurrent(string parameters) => Version == CurrentVersion && string.Equals(Parameters, parameters, StringComparison.Ordinal);

    /// <summary>Puts the reported state and the wake-ups back into a person (their interactions are recorded apart).</summary>
    public void ApplyTo(PersonState state, IEnumerable<string> reportedOverdue)
    {
        state.ReportedRoles = ReportedRoles;
        state.ReportedWarmProspect = ReportedWarmProspect;
        state.WasStrong = WasStrong;
        state.ReportedOverdue.UnionWith(reportedOverdue);
    }
}
