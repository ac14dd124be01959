namespace Monitro;

/// <summary>Reads one person's interactions in a period, for a chart of their contact with us over time.</summary>
/// <remarks>
/// <para>The person is one identity key; a contact with several linked identities asks once per identity. Inbound
/// and outbound interactions both count; those of retracted posts and forgotten people are gone.</para>
/// <para>Implementations are thread-safe, and queries run while the pipeline writes.</para>
/// </remarks>
public interface IPersonInteractions
{
    /// <summary>The most interactions one query returns.</summary>
    const int MaxInteractions = 10_000;

    /// <summary>Gets the person's interactions that occurred in the period, oldest first (by <see cref="Interaction.OccurredAt"/>, then <see cref="Interaction.Id"/>).</summary>
    /// <param name="personId">The identity key of the person (<see cref="Author.IdentityKey"/>).</param>
    /// <param name="period">The period (its start included, its end not).</param>
    /// <param name="limit">The most interactions to return, 1..<see cref="MaxInteractions"/>: the oldest of the period.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The interactions.</returns>
    /// <exception cref="ArgumentException">The person id is empty or the period is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    ValueTask<IReadOnlyList<Interaction>> GetPersonInteractionsAsync(string personId, InsightPeriod period, int limit = 1_000, CancellationToken cancellationToken = default);
}
