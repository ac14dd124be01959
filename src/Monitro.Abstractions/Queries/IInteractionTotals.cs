namespace Monitro;

/// <summary>
/// Reads, for every identity a store kept interactions with, how many there are, an order-free fingerprint of their
/// ids and the latest moment, so a start can tell which stored relationship snapshots still cover their person's
/// history without reading the history itself.
/// </summary>
/// <remarks>
/// <para>The fingerprint of an identity is the sum, wrapping at 2^64, of the XxHash3 (64 bits, seed 0) of the UTF-16 code units
/// (little-endian) of the ids of its stored interactions: adding or removing any interaction (a commit, a retracted post, an erasure)
/// changes it, and it does not depend on the order interactions were stored in.</para>
/// <para>A page agrees with the interactions stored when it is read (as <see cref="IPersonInteractionHistory"/> would
/// read them then); identities stored while paging are read if their key comes after the last one read. Pages are ordered by <see cref="InteractionTotals.PersonId"/> (ordinal); a
/// continuation token carries on after the last identity read.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IInteractionTotals
{
    /// <summary>Gets the totals of every identity with stored interactions, ordered by identity key (ordinal).</summary>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of totals.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default);
}
