namespace Monitro;

/// <summary>
/// Reads the alerting state rows that have fallen due (<see cref="AlertStateRow.DueAt"/> at or before a moment) by an
/// index on the due time, a page at a time: rows due later cost no reads, however many there are.
/// </summary>
public interface IDueAlertStateStore
{
    /// <summary>
    /// Gets up to <paramref name="limit"/> rows due at or before <paramref name="upTo"/>, ordered by due time, then
    /// scope, then item, starting after <paramref name="after"/>; rows that refer to a mention come with it, as from
    /// <see cref="IAlertStateStore.GetAlertStateAsync"/>.
    /// </summary>
    /// <param name="upTo">The moment; rows due later are not read.</param>
    /// <param name="limit">The most rows to return, at least 1.</param>
    /// <param name="after">The last row of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The rows; fewer than <paramref name="limit"/> when no more are due.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="after"/> has no due time.</exception>
    ValueTask<IReadOnlyList<AlertStateRow>> GetDueAlertStateAsync(DateTimeOffset upTo, int limit, AlertStateRow? after = null, CancellationToken cancellationToken = default);
}
