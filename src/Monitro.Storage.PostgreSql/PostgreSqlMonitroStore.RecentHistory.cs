namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IRecentInteractionHistory"/> side of the store: the interactions from a moment on, read through the <c>(occurred_at, id)</c> index.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    /// <inheritdoc/>
    public ValueTask<Page<RecordedInteraction>> GetInteractionsSinceAsync(DateTimeOffset since, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page)) ?? ContinuationToken.InteractionsFrom(since);
        return ReadPageAsync(
            SelectInteractions,
            [SqlParameters.Long(after.Number), SqlParameters.Text(after.Key), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            ReadInteraction,
            cancellationToken);
    }
}
