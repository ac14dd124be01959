namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IPersonInteractions"/> side of the store: one person's interactions in a period.</summary>
public sealed partial class SqliteMonitroStore : IPersonInteractions
{
    // The person's rows come from ix_interactions_person; one person has few enough to sort by time afterwards.
    private const string SelectPersonInteractions = """
        SELECT id, payload FROM interactions
        WHERE person_id = $person_id AND occurred_at >= $from AND occurred_at < $until
        ORDER BY occurred_at, id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Interaction>> GetPersonInteractionsAsync(string personId, InsightPeriod period, int limit = 1_000, CancellationToken cancellationToken = default)
    {
        PersonInteractionReads.Check(personId, period, limit);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectPersonInteractions, "$person_id", "$from", "$until", "$limit");
            command.Bind(personId, UnixTime.ToMilliseconds(period.From), UnixTime.ToMilliseconds(period.Until), limit);
            var interactions = new List<Interaction>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                interactions.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0)));
            }

            return interactions;
        }
    }
}
