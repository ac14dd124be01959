namespace Monitro;

/// <summary>What a store keeps about one identity's stored interactions, without the interactions (see <see cref="IInteractionTotals"/>).</summary>
/// <param name="PersonId">The identity key the interactions were recorded with (<see cref="Interaction.PersonId"/>).</param>
/// <param name="Count">How many interactions are stored.</param>
/// <param name="Fingerprint">The sum, wrapping at 2^64, of the 64-bit XxHash3 of each id's UTF-16 code units (<c>Monitro.InteractionFingerprint.Of</c>).</param>
/// <param name="LatestAt">The latest <see cref="Interaction.OccurredAt"/> among them, to the millisecond as stored.</param>
public sealed record InteractionTotals(string PersonId, long Count, ulong Fingerprint, DateTimeOffset LatestAt);
