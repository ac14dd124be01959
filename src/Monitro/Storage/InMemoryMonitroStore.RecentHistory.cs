using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IRecentInteractionHistory"/> side of the in-memory store: the interactions from a moment on, in the order of the durable stores.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    public ValueTask<Page<RecordedInteraction>> GetInteractionsSinceAsync(DateTimeOffset since, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page)) ?? ContinuationToken.InteractionsFrom(since);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadInteractions(static _ => true, after, page.PageSize));
    }
}
