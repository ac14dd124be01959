namespace Monitro;

/// <summary>Reads back every interaction a store kept, oldest first, so relationship state can be rebuilt after a restart.</summary>
/// <remarks>
/// <para>The read is paged by key like <see cref="IMonitroQueries"/>: a page holds at most
/// <see cref="PageRequest.PageSize"/> interactions and a continuation token that reads the next page. Interactions
/// added while paging never shift or repeat those already read.</para>
/// <para>Interactions of retracted posts and of forgotten people are gone from the history.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IInteractionHistory
{
    /// <summary>Gets the stored interactions, oldest first (by <see cref="Interaction.OccurredAt"/>, then <see cref="Interaction.Id"/>), each with its person.</summary>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of interactions with their people.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default);
}
