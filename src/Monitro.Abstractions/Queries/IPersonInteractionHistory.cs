namespace Monitro;

/// <summary>Reads back the interactions a store kept with one person, oldest first, so that person's relationship state can be rebuilt alone.</summary>
/// <remarks>
/// <para>A scaled-out host keeps each person's state apart (one actor per person) and rebuilds it from this read when
/// the person becomes active again. The order and paging are those of <see cref="IInteractionHistory"/>.</para>
/// <para>The person is matched by <see cref="Interaction.PersonId"/> exactly: identities linked to it are not followed.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IPersonInteractionHistory
{
    /// <summary>Gets the stored interactions of one person, oldest first (by <see cref="Interaction.OccurredAt"/>, then <see cref="Interaction.Id"/>).</summary>
    /// <param name="personId">The identity key the interactions were recorded with.</param>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of the person's interactions with the person.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null or empty, the page size is out of range, or the continuation token is not valid.</exception>
    ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default);
}
