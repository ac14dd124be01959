namespace Monitro;

/// <summary>Reads back the interactions a store kept from a moment on, oldest first, so a start can read only what came after the state it restored.</summary>
/// <remarks>
/// <para>Times are compared in whole milliseconds, as the stores keep them: the read returns every interaction whose
/// time, cut to the millisecond, is at or after <c>since</c> cut to the millisecond, so nothing dated after
/// <c>since</c> is ever left out (a caller that wants only what is strictly later drops the few of that millisecond).
/// The durable stores read it through their <c>(occurred_at, id)</c> index, without touching older rows.</para>
/// <para>The order, paging and continuation tokens are those of <see cref="IInteractionHistory"/>.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IRecentInteractionHistory
{
    /// <summary>Gets the stored interactions dated from <paramref name="since"/> on, oldest first (by <see cref="Interaction.OccurredAt"/>, then <see cref="Interaction.Id"/>), each with its person.</summary>
    /// <param name="since">The earliest moment to read, to the millisecond.</param>
    /// <param name="page">The page to read; a continuation token carries on after the last interaction read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of interactions with their people.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<RecordedInteraction>> GetInteractionsSinceAsync(DateTimeOffset since, PageRequest page, CancellationToken cancellationToken = default);
}
