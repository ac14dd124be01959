using System.Numerics;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IInteractionTotals"/> side of the store: every identity's count, fingerprint and latest moment.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    // Read from the person index, which carries the moment and the fingerprint (an index-only scan where the
    // visibility map allows), in identity order; no payload is read. Identity keys are never empty, so '' precedes them.
    private const string SelectTotals = """
        SELECT person_id, count(*), sum(fingerprint), max(occurred_at)
        FROM interactions
        WHERE person_id > $1
        GROUP BY person_id
        ORDER BY person_id
        LIMIT $2
        """;

    /// <inheritdoc/>
    /// <remarks>
    /// Each interaction row keeps its id's fingerprint and the person index covers it, so a page reads that index, one
    /// entry per stored interaction of the identities on the page, and no payload. The rows are the totals: commits,
    /// retractions, erasures and other processes keep them right by writing the rows.
    /// </remarks>
    public async ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Totals, nameof(page));
        return await ReadPageAsync(
            SelectTotals,
            [SqlParameters.Text(after?.Key ?? string.Empty), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            reader =>
            {
                var personId = reader.GetString(0);

                // The sum is exact (numeric); the fingerprint is its value modulo 2^64, whatever the signs of its terms.
                var fingerprint = (ulong)(reader.GetFieldValue<BigInteger>(2) & ulong.MaxValue);
                var totals = new InteractionTotals(personId, reader.GetInt64(1), fingerprint, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
                return (totals, new ContinuationToken(ContinuationToken.Totals, 0, personId));
            },
            cancellationToken).ConfigureAwait(false);
    }
}
