namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IRecentInteractionHistory"/> side of the store: the interactions from a moment on, read through the <c>(occurred_at, id)</c> index.</summary>
public sealed partial class SqliteMonitroStore
{
    /// <inheritdoc/>
    public async ValueTask<Page<RecordedInteraction>> GetInteractionsSinceAsync(DateTimeOffset since, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page)) ?? ContinuationToken.InteractionsFrom(since);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectInteractions, "$after_time", "$after_id", "$limit");
            command.Bind(after.Number, after.Key, page.PageSize + 1);
            return ReadPage(command, page.PageSize, ReadInteraction);
        }
    }
}
