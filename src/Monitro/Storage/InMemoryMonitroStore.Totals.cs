using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IInteractionTotals"/> side of the in-memory store: counted from the interactions at each read.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <remarks>Counts the interactions it holds at each read (O(n)); the durable stores read an index instead.</remarks>
    public ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Totals, nameof(page));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var totals = new SortedDictionary<string, (long Count, ulong Fingerprint, long Latest)>(StringComparer.Ordinal);
            foreach (var interaction in _interactions.Values)
            {
                if (after is { } token && string.CompareOrdinal(interaction.PersonId, token.Key) <= 0)
                {
                    continue;
                }

                var seen = totals.GetValueOrDefault(interaction.PersonId, (0, 0UL, long.MinValue));
                totals[interaction.PersonId] = (
                    seen.Count + 1,
                    unchecked(seen.Fingerprint + InteractionFingerprint.Of(interaction.Id)),
                    Math.Max(seen.Latest, Milliseconds(interaction.OccurredAt)));
            }

            return ValueTask.FromResult(ReadPage(totals, page.PageSize, row =>
                (new InteractionTotals(row.Key, row.Value.Count, row.Value.Fingerprint, DateTimeOffset.FromUnixTimeMilliseconds(row.Value.Latest)),
                 new ContinuationToken(ContinuationToken.Totals, 0, row.Key))));
        }
    }
}
