namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IInteractionTotals"/> side of the store: every identity's count, fingerprint and latest moment.</summary>
public sealed partial class SqliteMonitroStore
{
    // Read from the person index alone (it carries the moment and the fingerprint halves), in identity order: no
    // payload is read and nothing is sorted. Each half sums at most 2^32 - 1 per interaction, so sum() does not
    // overflow below 2^31 interactions of one identity. Identity keys are never empty, so '' precedes them all.
    internal const string SelectTotals = """
        SELECT person_id, count(*), sum(fingerprint_lo), sum(fingerprint_hi), max(occurred_at)
        FROM interactions
        WHERE person_id > $after
        GROUP BY person_id
        ORDER BY person_id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    /// <remarks>
    /// Each interaction row keeps its id's fingerprint (in two 32-bit halves) and the person index covers it, so a page
    /// reads that index alone, one entry per stored interaction of the identities on the page, and no payload. The
    /// rows are the totals: commits, retractions, erasures and other processes on the same file keep them right by
    /// writing the rows.
    /// </remarks>
    public async ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Totals, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectTotals, "$after", "$limit");
            command.Bind(after?.Key ?? string.Empty, page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var personId = reader.GetString(0);
                var fingerprint = unchecked((ulong)reader.GetInt64(2) + ((ulong)reader.GetInt64(3) << 32));
                var totals = new InteractionTotals(personId, reader.GetInt64(1), fingerprint, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
                return (totals, new ContinuationToken(ContinuationToken.Totals, 0, personId));
            });
        }
    }
}
