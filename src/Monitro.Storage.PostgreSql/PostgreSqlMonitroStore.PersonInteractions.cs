namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IPersonInteractions"/> side of the store: one person's interactions in a period.</summary>
public sealed partial class PostgreSqlMonitroStore : IPersonInteractions
{
    // The person's rows come from ix_interactions_person; one person has few enough to sort by time afterwards.
    private const string SelectPersonInteractions = """
        SELECT id, payload::text FROM interactions
        WHERE person_id = $1 AND occurred_at >= $2 AND occurred_at < $3
        ORDER BY occurred_at, id
        LIMIT $4;
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Interaction>> GetPersonInteractionsAsync(string personId, InsightPeriod period, int limit = 1_000, CancellationToken cancellationToken = default)
    {
        PersonInteractionReads.Check(personId, period, limit);
        return await ReadListAsync(
            SelectPersonInteractions,
            [
                SqlParameters.Text(personId),
                SqlParameters.Long(UnixTime.ToMilliseconds(period.From)),
                SqlParameters.Long(UnixTime.ToMilliseconds(period.Until)),
                SqlParameters.Int(limit),
            ],
            reader => PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0)),
            cancellationToken).ConfigureAwait(false);
    }
}
