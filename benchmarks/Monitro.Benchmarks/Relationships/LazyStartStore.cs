using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// The benchmark file's store as a lazy start reads it (its history, one person's history, and the store's
/// per-identity totals), counting the interactions read.
/// </summary>
internal sealed class LazyStartStore(SqliteMonitroStore store) : IInteractionHistory, IPersonInteractionHistory, IInteractionTotals
{
    private long _interactionsRead;

    /// <summary>Gets the number of interactions read through either history.</summary>
    public long InteractionsRead => Interlocked.Read(ref _interactionsRead);

    public async ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var read = await store.GetInteractionsAsync(page, cancellationToken).ConfigureAwait(false);
        _ = Interlocked.Add(ref _interactionsRead, read.Items.Count);
        return read;
    }

    public async ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var read = await store.GetInteractionsOfAsync(personId, page, cancellationToken).ConfigureAwait(false);
        _ = Interlocked.Add(ref _interactionsRead, read.Items.Count);
        return read;
    }

    public ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        store.GetInteractionTotalsAsync(page, cancellationToken);
}
